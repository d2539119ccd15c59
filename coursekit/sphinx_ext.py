"""The book's local Sphinx extension: offline charts, and a quiet browser console.

- Tells notebook kernels they run inside the book build (``COURSEKIT_MODE=book``).
- Serves the Vega bundle from the site itself, on the pages that have charts, instead of a CDN.
- Drops the CDN scripts other extensions would add (widgets, thebe) when a page does not need them.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import shutil

from .catalogue import DOWNLOAD_FOLDER
from .charts import BOOK_BUNDLE_PATH, vega_bundle
from .mode import MODE_VARIABLE
from .paths import DATA_DIR


def _page_has_charts(context: dict) -> bool:
    return "coursekit-chart" in (context.get("body") or "")


def _is_thebe_script(script) -> bool:
    # Thebe (live code on the page) is switched off, yet jupyter-book still loads it, and
    # Sphinx 7.4 emits its inline CDN address twice, which the browser reports as an error.
    body = getattr(script, "attributes", {}).get("body", "") or ""
    return "sphinx-thebe" in (getattr(script, "filename", "") or "") or "THEBE_JS_URL" in body


def _add_page_scripts(app, pagename, templatename, context, doctree):
    if not context.get("default_mode"):
        # jupyter-book leaves the theme's mode empty, which the theme reports as a console error.
        context["default_mode"] = "auto"
    if "script_files" in context:
        context["script_files"][:] = [s for s in context["script_files"] if not _is_thebe_script(s)]
    if context.get("body"):
        # docutils marks citation lists role="list" but fills them with links, not list items,
        # which screen readers (and axe) reject; as a plain block the entries read correctly.
        context["body"] = context["body"].replace('<div role="list" class="citation-list">',
                                                  '<div class="citation-list">')
    if _page_has_charts(context):
        # defer: the 0.9 MB bundle must not block the page's first paint; charts wait for 'load'.
        app.add_js_file(BOOK_BUNDLE_PATH, loading_method="defer")


def _write_bundle(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / BOOK_BUNDLE_PATH
    bundle = vega_bundle()
    if not target.exists() or target.read_text(encoding="utf-8") != bundle:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bundle, encoding="utf-8")


def _copy_datasets(app, exception):
    # The data page links every CSV for download; serve them from the site itself.
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / DOWNLOAD_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for path in [*DATA_DIR.glob("*.csv"), DATA_DIR / "datapackage.json"]:
        shutil.copy2(path, target / path.name)


FONTAWESOME_SCRIPT = re.compile(r'<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>\s*')
SIDEBAR_TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
NAMED_SIDEBAR_TOGGLE = ('<summary aria-label="Show or hide this section\'s pages">'
                        '<span class="toctree-toggle" role="presentation">')


def _polish_pages(app, exception):
    """Two fixes to the theme's templates, applied to the written pages.

    - The theme loads a 1.4 MB script that redraws its icons as SVG, although its stylesheet
      already draws the same icons from a 150 KB web font: without it every page is 1.4 MB lighter.
    - The sidebar's section toggles are icon-only <summary> elements, which screen readers
      announce without a name (axe: summary-name); they get one.
    """
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        polished = FONTAWESOME_SCRIPT.sub("", text).replace(SIDEBAR_TOGGLE, NAMED_SIDEBAR_TOGGLE)
        if polished != text:
            page.write_text(polished, encoding="utf-8")


def setup(app):
    os.environ[MODE_VARIABLE] = "book"
    app.connect("html-page-context", _add_page_scripts)
    app.connect("build-finished", _write_bundle)
    app.connect("build-finished", _copy_datasets)
    app.connect("build-finished", _polish_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
