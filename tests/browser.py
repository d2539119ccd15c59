"""Shared fixtures for the browser tests: build the book once, serve it on 127.0.0.1, drive Chromium."""
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
CHAPTERS = sorted(f"notebooks/{p.stem}" for p in (REPO_ROOT / "notebooks").glob("0[1-5]_*.ipynb"))
CAPSTONE = "notebooks/06_capstone_simulation"
# Flags from the toolchain notes: without the background-networking ones Chromium calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps"]


@pytest.fixture(scope="session")
def built_site() -> Path:
    if os.environ.get("COURSEKIT_REUSE_BUILD") and (SITE / "index.html").exists():
        return SITE  # a developer's shortcut; `make test` always builds afresh
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    # Start clean: pages left by an earlier build would otherwise be tested as if they were current.
    subprocess.run([str(jupyter_book), "clean", str(REPO_ROOT)], capture_output=True, cwd=REPO_ROOT, check=True)
    result = subprocess.run([str(jupyter_book), "build", str(REPO_ROOT), "--all", "-n", "-W", "--keep-going"],
                            capture_output=True, text=True, cwd=REPO_ROOT)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "book-build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, "book build failed:\n" + (result.stdout + result.stderr)[-6000:]
    assert not re.search(r"WARNING:", result.stdout + result.stderr), "the build printed Sphinx warnings"
    return SITE


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


def wait_for_charts(page):
    charts = page.locator(".coursekit-chart-canvas")
    count = charts.count()
    for i in range(count):
        charts.nth(i).locator("svg").first.wait_for(timeout=15_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.coursekit-chart-canvas')].every(c => c.dataset.rendered === 'true')")
    return charts, count
