"""The presenter view (make seminar): Voila serves a chapter with code hidden and widgets live, offline."""
import os
import socket
import subprocess
import time
import urllib.request

import pytest

from coursekit.paths import REPO_ROOT

VOILA = os.environ.get("COURSEKIT_VOILA", str(REPO_ROOT / ".venv-seminar" / "bin" / "voila"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def presenter():
    assert os.path.exists(VOILA), f"no Voila at {VOILA}: run 'make test', which installs the presenter environment"
    port = free_port()
    env = {**os.environ, "JUPYTER_PATH": str(REPO_ROOT / "seminar")}
    env.pop("COURSEKIT_MODE", None)  # the presenter view is a live notebook, not the book
    process = subprocess.Popen([VOILA, "notebooks/01_history.ipynb", "--template=course", "--Voila.ip=127.0.0.1",
                                f"--port={port}", "--no-browser"], cwd=REPO_ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            break
        except OSError:
            if time.time() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("the presenter view did not start")
            time.sleep(0.5)
    yield url
    process.terminate()
    process.wait(timeout=20)


def test_presenter_view_hides_code_runs_widgets_and_draws_charts_offline(browser, presenter):
    from browser import Visit

    v = Visit(browser, presenter, viewport={"width": 1280, "height": 900})
    page = v.page
    page.locator(".coursekit-chart-canvas svg").first.wait_for(timeout=90_000)
    check = page.locator("button:has-text('Check')").first
    check.wait_for(timeout=90_000)
    # This call stands only in a code cell of the chapter: if it shows, code is not hidden.
    assert "ClassificationExercise.from_content" not in page.locator("body").inner_text(), "code is shown"
    check.click()
    feedback = page.locator(".coursekit-feedback").first
    feedback.wait_for()
    assert "Choose one of the options" in feedback.inner_text()
    page.locator(".widget-radio-box label").first.click()
    check.click()
    page.wait_for_function("() => !document.querySelector('.coursekit-feedback').innerText.includes('Choose one')")
    assert page.locator(".coursekit-feedback").first.inner_text().startswith(("✓", "✗"))
    assert v.blocked == [], f"the presenter view tried to reach: {v.blocked}"
    assert v.errors == [], v.errors
    v.close()
