import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # lets tests import the shared browser helpers

import shutil
from pathlib import Path

import pytest

from coursekit.paths import CONTENT_DIR, DATA_DIR, REPO_ROOT


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may corrupt."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
def content_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def book_mode(monkeypatch):
    monkeypatch.setenv("COURSEKIT_MODE", "book")


@pytest.fixture
def lab_mode(monkeypatch):
    monkeypatch.delenv("COURSEKIT_MODE", raising=False)


def pytest_report_header(config):
    return f"course repository: {REPO_ROOT}"


# Browser fixtures (built_site, server, browser, visit) live in tests/browser.py.
from browser import browser, built_site, server, visit  # noqa: E402,F401
