"""Launch buttons are configured in one place (_config.yml) and point where the deployer says.

The real build leaves the addresses empty (the course has no public home yet, and a closed network
has none of these services), so this builds a variant with example addresses, without executing
the notebooks, and checks the links the chapter pages get.
"""
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from coursekit.paths import REPO_ROOT

EXAMPLE = {"repository": {"url": "https://github.com/example-org/military-diplomacy-course", "branch": "main"},
           "launch_buttons": {"notebook_interface": "jupyterlab", "jupyterhub_url": "https://hub.example.edu",
                              "binderhub_url": "https://binder.example.edu",
                              "colab_url": "https://colab.research.google.com", "thebe": False}}


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory):
    config = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["launch_buttons"]["jupyterhub_url"] == "" and config["repository"]["url"] == "", \
        "_config.yml is the one place the addresses are set; the shipped book leaves them empty"
    config.update(EXAMPLE)
    config["execute"]["execute_notebooks"] = "off"  # the links do not depend on the outputs
    out = tmp_path_factory.mktemp("launch")
    variant = out / "_config.yml"
    variant.write_text(yaml.safe_dump(config), encoding="utf-8")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run([str(jupyter_book), "build", str(REPO_ROOT), "--config", str(variant),
                             "--path-output", str(out), "--all"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "_build" / "html"


def links(page: Path) -> list[str]:
    import re

    return re.findall(r'href="(https://[^"]+)"', page.read_text(encoding="utf-8"))


def test_the_shipped_book_has_no_launch_links_to_services_it_cannot_reach(built_site):
    page = built_site / "notebooks" / "01_history.html"
    assert not [link for link in links(page) if "git-pull" in link or "/v2/" in link or "colab" in link]


def test_chapters_get_jupyterhub_binder_and_colab_links(configured_site):
    page = configured_site / "notebooks" / "01_history.html"
    found = links(page)
    hub = next(link for link in found if link.startswith("https://hub.example.edu/hub/user-redirect/git-pull"))
    query = parse_qs(urlparse(hub.replace("&amp;", "&")).query)
    assert query["repo"] == ["https://github.com/example-org/military-diplomacy-course"]
    assert query["urlpath"][0].endswith("notebooks/01_history.ipynb")
    assert any(link.startswith("https://binder.example.edu/v2/gh/example-org/military-diplomacy-course/main")
               for link in found)
    assert any(link.startswith("https://colab.research.google.com/github/example-org/military-diplomacy-course/"
                               "blob/main/notebooks/01_history.ipynb") for link in found)
