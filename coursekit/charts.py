"""One look for every chart, and an Altair renderer that works with no network.

Altair's default HTML loads Vega from a CDN. This renderer draws charts with the Vega bundle
that ships inside the ``vl-convert-python`` package instead: the book serves it once per page
(see ``coursekit.sphinx_ext``); a live notebook gets it inline with the chart.
"""
from __future__ import annotations

import hashlib
import html
import itertools
import json
from functools import lru_cache

import altair as alt

from .mode import in_book_build

# Okabe & Ito's palette: distinguishable with every common form of colour blindness. Their
# yellow comes last because it is too faint on white for marks that carry meaning.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
BOOK_BUNDLE_PATH = "vendor/vega-bundle.js"  # relative to the built site's _static folder

EMBED_OPTIONS = {
    "renderer": "svg",  # an SVG tree is readable by assistive technology and by the tests
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


@alt.theme.register("coursekit", enable=True)
def course_theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "view": {"stroke": None},
            "range": {"category": PALETTE},
            "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 13, "subtitleColor": "#444"},
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": "#222", "titleColor": "#222",
                     "gridColor": "#e5e5e5"},
            "legend": {"labelFontSize": 12, "titleFontSize": 13},
            "mark": {"color": PALETTE[0]},
        }
    }


def describe(chart: alt.TopLevelMixin, *, source: str, description: str) -> alt.TopLevelMixin:
    """Attach the source line and the screen-reader description every course chart must carry."""
    return chart.properties(description=description, usermeta={"coursekit": {"source": source}})


class ChartMetadataError(ValueError):
    """A chart lacks its title, source or description."""


def _chart_parts(spec: dict) -> tuple[str, str, str]:
    title = spec.get("title")
    title = title.get("text") if isinstance(title, dict) else title
    source = spec.get("usermeta", {}).get("coursekit", {}).get("source")
    description = spec.get("description")
    missing = [name for name, value in (("title", title), ("source", source), ("description", description))
               if not value]
    if missing:
        raise ChartMetadataError(
            f"This chart has no {', no '.join(missing)}. Give it a title with .properties(title=...) "
            "and pass it through coursekit.charts.describe(chart, source=..., description=...).")
    return (" ".join(title) if isinstance(title, list) else title), source, description


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """The Vega, Vega-Lite and vega-embed bundle, scoped so it can be loaded more than once."""
    import vl_convert

    # The bundle declares top-level consts; a function scope keeps two copies from clashing.
    return "if (!window.vegaEmbed) { (function () {\n" + vl_convert.javascript_bundle() + "\n})(); }\n"


_chart_counter = itertools.count(1)


def chart_html(spec: dict, *, inline_bundle: bool) -> str:
    """A figure with the chart, its description and its source, plus the script that draws it."""
    title, source, description = _chart_parts(spec)
    digest = hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]
    chart_id = f"coursekit-chart-{digest}-{next(_chart_counter)}"
    spec_json = json.dumps(spec).replace("</", "<\\/")
    draw = (
        "(function () {\n"
        f"  var target = document.getElementById('{chart_id}');\n"
        "  function draw() {\n"
        f"    vegaEmbed(target, {spec_json}, {json.dumps(EMBED_OPTIONS)})\n"
        "      .then(function () {\n"
        "        var menu = target.querySelector('.vega-actions') && target.querySelector('details > summary');\n"
        "        if (menu) { menu.setAttribute('aria-label', 'Chart menu: save as image'); }\n"
        "        target.setAttribute('data-rendered', 'true');\n"
        "      })\n"
        "      .catch(function (err) { target.textContent = 'The chart could not be drawn: ' + err; });\n"
        "  }\n"
        "  if (window.vegaEmbed) { draw(); } else { window.addEventListener('load', draw); }\n"
        "})();"
    )
    bundle = f"<script>{vega_bundle()}</script>\n" if inline_bundle else ""
    return (
        f'<figure class="coursekit-chart" aria-describedby="{chart_id}-desc">\n'
        f'<div id="{chart_id}" class="coursekit-chart-canvas" data-title="{html.escape(title)}"></div>\n'
        f'<figcaption><span class="coursekit-chart-source">Source: {html.escape(source)}</span>\n'
        f'<details class="coursekit-chart-description"><summary>Text description of the chart</summary>'
        f'<p id="{chart_id}-desc">{html.escape(description)}</p></details></figcaption>\n'
        f"</figure>\n{bundle}<script>{draw}</script>"
    )


def _render(spec: dict, **_options) -> dict:
    return {"text/html": chart_html(spec, inline_bundle=not in_book_build()),
            "text/plain": f"<Chart: {_chart_parts(spec)[0]}>"}


alt.renderers.register("coursekit", _render)
alt.renderers.enable("coursekit")
