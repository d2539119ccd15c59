"""The built book, served on 127.0.0.1 and opened in headless Chromium with the network cut.

The book is built here exactly as `make book` builds it (strict: a warning fails), so this file
covers both the build and what a reader sees.
"""
import pytest

from browser import ARTIFACTS, CHAPTERS, wait_for_charts


def test_the_book_builds_strictly_with_every_page(built_site):
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert {"book/intro.html", "book/how-to-use.html", "book/glossary.html", "book/references.html", "book/data.html",
            "notebooks/01_history.html", "book/data.html", "notebooks/06_capstone_simulation.html",
            "book/instructors/index.html", "book/instructors/facilitator-guide.html", "book/instructors/role-cards.html",
            "book/instructors/class-deployment.html"} <= pages
    assert {f"{chapter}.html" for chapter in CHAPTERS} <= pages


def test_every_page_loads_offline_with_no_console_error_and_no_external_request(built_site, visit):
    # One test walks every page, because the pages only exist once the build fixture has run.
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                   if "_static" not in p.parts)
    assert len(pages) >= 5
    problems = []
    for path in pages:
        v = visit(path)
        v.page.wait_for_load_state("networkidle")
        if v.blocked:
            problems.append(f"{path} tried to reach: {v.blocked}")
        if v.errors:
            problems.append(f"{path} logged errors: {v.errors}")
        v.close()
    assert problems == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_charts_render_and_respond_to_their_controls(visit, chapter):
    v = visit(f"{chapter}.html")
    charts, count = wait_for_charts(v.page)
    assert count >= 2
    responded = 0
    for i in range(count):
        chart = charts.nth(i)
        assert chart.locator("svg .mark-rect, svg .mark-line, svg .mark-symbol").count() > 0
        svg_before = chart.locator("svg").first.inner_html()
        slider = chart.locator(".vega-bindings input[type=range]")
        select = chart.locator(".vega-bindings select")
        if slider.count():
            slider.first.evaluate("el => { el.value = String(Number(el.min) + Math.round((Number(el.max) - Number(el.min)) * 0.9));"
                                  " el.dispatchEvent(new Event('input', {bubbles: true})); }")
        elif select.count():
            options = select.first.locator("option").all_text_contents()
            current = select.first.input_value()
            select.first.select_option(next(o for o in options if o != current))
        else:
            continue
        v.page.wait_for_timeout(300)
        assert chart.locator("svg").first.inner_html() != svg_before, f"chart {i + 1} did not respond"
        responded += 1
    assert responded >= 2
    assert v.errors == [] and v.blocked == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_quiz_gives_feedback_when_an_answer_is_clicked(visit, chapter):
    v = visit(f"{chapter}.html")
    questions = v.page.locator(".MultipleChoiceQn, .ManyChoiceQn")
    assert questions.count() >= 8
    first_question = v.page.locator(".Quiz").first
    first_question.locator(".MCButton").first.click()
    feedback = first_question.locator(".Feedback")
    feedback.first.wait_for()
    assert len(feedback.first.inner_text().strip()) > 20


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_hidden_solution_opens_when_asked(visit, chapter):
    v = visit(f"{chapter}.html")
    solutions = v.page.locator(".solution.dropdown")
    assert solutions.count() >= 3
    body = solutions.first.locator(".admonition-title ~ *").first
    assert not body.is_visible()
    solutions.first.locator(".admonition-title").click()
    body.wait_for(state="visible")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_widget_exercises_say_a_live_notebook_is_needed(visit, chapter):
    v = visit(f"{chapter}.html")
    cards = v.page.locator(".coursekit-exercise-static")
    assert cards.count() >= 2
    for i in range(cards.count()):
        assert "Live notebook needed" in cards.nth(i).inner_text()


def test_screenshot_of_the_history_chapter(visit):
    v = visit("notebooks/01_history.html", viewport={"width": 1280, "height": 900})
    wait_for_charts(v.page)
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=str(ARTIFACTS / "01_history.png"), full_page=True)
    assert (ARTIFACTS / "01_history.png").stat().st_size > 50_000


def test_capstone_page_shows_the_debrief_chart_and_says_the_console_needs_a_live_notebook(visit):
    from browser import CAPSTONE

    v = visit(f"{CAPSTONE}.html")
    charts, count = wait_for_charts(v.page)
    assert count >= 1
    chart = charts.nth(0)
    before = chart.locator("svg").first.inner_html()
    select = chart.locator(".vega-bindings select").first
    current = select.input_value()
    select.select_option(next(o for o in select.locator("option").all_text_contents() if o != current))
    v.page.wait_for_timeout(300)
    assert chart.locator("svg").first.inner_html() != before
    card = v.page.locator(".coursekit-exercise-static").first
    assert "Coalition-building console" in card.inner_text() and "Live notebook needed" in card.inner_text()
    assert v.errors == [] and v.blocked == []


def test_role_cards_print_one_state_per_page(visit):
    v = visit("book/instructors/role-cards.html")
    cards = v.page.locator(".coursekit-role-card")
    assert cards.count() == 8
    v.page.emulate_media(media="print")
    assert cards.first.evaluate("c => getComputedStyle(c).breakAfter") == "page"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "role-cards.pdf"
    v.page.pdf(path=str(pdf), format="A4")
    pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
    assert pages >= 8
