"""The built book, served on 127.0.0.1 and opened in headless Chromium with the network cut.

The book is built here exactly as `make book` builds it (strict: a warning fails), so this file
covers both the build and what a reader sees.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from coursekit.paths import REPO_ROOT

SITE = REPO_ROOT / "_build" / "html"
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHAPTERS = ["notebooks/01_history"]
# Flags from the toolchain notes: without the background-networking ones Chromium calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps"]


@pytest.fixture(scope="session")
def built_site() -> Path:
    if os.environ.get("COURSEKIT_REUSE_BUILD") and (SITE / "index.html").exists():
        return SITE  # a developer's shortcut; `make test` always builds afresh
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run([str(jupyter_book), "build", str(REPO_ROOT), "--all", "-n", "-W", "--keep-going"],
                            capture_output=True, text=True, cwd=REPO_ROOT)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "book-build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, "book build failed:\n" + (result.stdout + result.stderr)[-6000:]
    assert not re.search(r"WARNING:", result.stdout + result.stderr), "the build printed Sphinx warnings"
    return SITE


def test_the_book_builds_strictly_with_every_page(built_site):
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert {"book/intro.html", "book/how-to-use.html", "book/glossary.html", "book/references.html",
            "notebooks/01_history.html"} <= pages


@pytest.fixture(scope="session")
def server(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """One page load with every non-local request blocked and recorded, and console errors kept."""

    def __init__(self, browser, url: str, **context_options):
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url, wait_until="load")

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", None) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def close(self):
        if self.context is not None:
            self.context.close()
            self.context = None


@pytest.fixture
def visit(browser, server):
    visits = []

    def open_page(path: str, **options) -> Visit:
        v = Visit(browser, f"{server}/{path}", **options)
        visits.append(v)
        return v

    yield open_page
    for v in visits:
        v.close()


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


def wait_for_charts(page):
    charts = page.locator(".coursekit-chart-canvas")
    count = charts.count()
    for i in range(count):
        charts.nth(i).locator("svg").first.wait_for(timeout=15_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.coursekit-chart-canvas')].every(c => c.dataset.rendered === 'true')")
    return charts, count


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
