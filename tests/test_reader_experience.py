"""What a reader with a screen reader, a phone, a printer or no network gets from the built book."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import ARTIFACTS, CHAPTERS, wait_for_charts

BLOCKING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}


def site_pages(built_site):
    return sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                  if "_static" not in p.parts)


def serious_violations(page):
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][0]['target']}"
            for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_the_axe_audit(built_site, visit, scheme):
    problems = []
    for path in site_pages(built_site):
        v = visit(path, color_scheme=scheme)
        if path == "index.html":  # a redirect to the introduction: audit where it lands
            v.page.wait_for_url("**/book/intro.html")
            v.page.wait_for_load_state("load")
        if path.startswith("notebooks/"):
            wait_for_charts(v.page)
        problems += [f"{path}: {p}" for p in serious_violations(v.page)]
        v.close()
    assert problems == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_fits_a_phone_screen(visit, chapter):
    v = visit(f"{chapter}.html", viewport=PHONE, is_mobile=True, device_scale_factor=1)
    wait_for_charts(v.page)
    overflow = v.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at phone width"
    too_wide = v.page.evaluate("""() => [...document.querySelectorAll('.coursekit-chart-canvas svg')]
        .filter(svg => svg.getBoundingClientRect().right > window.innerWidth + 1).length""")
    assert too_wide == 0, "a chart is wider than the phone screen"
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=str(ARTIFACTS / f"{chapter.split('/')[-1]}-phone.png"), full_page=True)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_quiz_can_be_answered_with_the_keyboard_alone(visit, chapter):
    v = visit(f"{chapter}.html")
    quiz = v.page.locator(".Quiz").first
    quiz.scroll_into_view_if_needed()
    # Each answer is a label around a visually hidden radio button: Tab reaches the radio and
    # Space chooses it, exactly as a keyboard user would.
    quiz.locator(".MCButton input[type=radio]").first.focus()
    assert v.page.evaluate("document.activeElement.type === 'radio'")
    v.page.keyboard.press("Space")
    quiz.locator(".Feedback").first.wait_for()
    assert quiz.locator(".Feedback").first.inner_text().strip()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_printing_a_chapter_hides_navigation_keeps_charts_and_omits_solutions(visit, chapter):
    v = visit(f"{chapter}.html")
    wait_for_charts(v.page)
    v.page.emulate_media(media="print")
    assert not v.page.locator(".bd-sidebar-primary").is_visible()
    assert not v.page.locator(".bd-header").first.is_visible()
    charts = v.page.locator(".coursekit-chart-canvas svg")
    assert charts.count() >= 2 and all(charts.nth(i).is_visible() for i in range(charts.count()))
    assert all(not s.is_visible() for s in v.page.locator(".solution").all())
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"{chapter.split('/')[-1]}.pdf"
    v.page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.stat().st_size > 100_000


def test_search_finds_a_chapter_with_the_network_cut(visit):
    v = visit("search.html?q=Warsaw")
    results = v.page.locator("#search-results li, ul.search li")
    results.first.wait_for(timeout=15_000)
    assert any("01_history" in (results.nth(i).locator("a").first.get_attribute("href") or "")
               for i in range(results.count()))
    assert v.blocked == []


def test_data_page_lists_every_dataset_and_its_downloads_work(visit):
    import json

    from coursekit.paths import DATA_DIR

    resources = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    v = visit("book/data.html")
    for resource in resources:
        section = v.page.locator(f"#data-{resource['name']}")
        assert section.count() == 1, f"no section for {resource['name']}"
        link = v.page.locator(f"a.coursekit-download[href$='/{resource['path']}']")
        response = v.page.request.get(link.first.evaluate("a => a.href"))
        assert response.ok
        assert response.text().splitlines()[0] == (DATA_DIR / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
    assert v.page.locator("a.coursekit-download[href$='/datapackage.json']").count() == 1


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_offers_its_notebook_for_download(visit, chapter):
    v = visit(f"{chapter}.html")
    link = v.page.locator(f"a[href$='{chapter.split('/')[-1]}.ipynb']").first
    response = v.page.request.get(link.evaluate("a => a.href"))
    assert response.ok
    notebook = response.json()
    assert notebook["nbformat"] == 4 and len(notebook["cells"]) >= 10


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_links_to_the_how_to_for_running_notebooks_locally(visit, chapter):
    v = visit(f"{chapter}.html")
    link = v.page.locator(".coursekit-live-note a").first
    href = link.evaluate("a => a.href")
    response = v.page.request.get(href)
    assert response.ok and "JupyterLab" in response.text()
    anchor = href.split("#")[1]
    v.page.goto(href)
    assert v.page.locator(f"#{anchor}").count() == 1
