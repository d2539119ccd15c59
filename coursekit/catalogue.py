"""The book's data page: every dataset with its description, fields, sources, licence and a download link."""
from __future__ import annotations

import html
from pathlib import Path

from .data import DATA_DIR, _descriptor, load_table

DOWNLOAD_FOLDER = "data"  # where the book's Sphinx extension copies the CSVs, relative to the site root


def _constraints(field: dict) -> str:
    rules = field.get("constraints", {})
    parts = []
    if rules.get("required"):
        parts.append("required")
    if rules.get("unique"):
        parts.append("unique")
    if "enum" in rules:
        parts.append("one of: " + ", ".join(rules["enum"]))
    if "minimum" in rules or "maximum" in rules:
        parts.append(f"from {rules.get('minimum', '…')} to {rules.get('maximum', '…')}")
    return "; ".join(parts)


def dataset_section(resource: dict, licence: str, link_prefix: str, data_dir: Path) -> str:
    frame = load_table(resource["name"], data_dir)
    rows = "".join(
        f"<tr><td><code>{html.escape(f['name'])}</code></td><td>{f['type']}</td>"
        f"<td>{html.escape(f.get('description', ''))}</td><td>{html.escape(_constraints(f))}</td></tr>"
        for f in resource["schema"]["fields"])
    sources = frame["source"].dropna().nunique() if "source" in frame else 0
    keys = ", ".join(resource["schema"].get("primaryKey", []))
    return (
        f'<section class="coursekit-dataset-entry"><h2 id="data-{resource["name"]}">{html.escape(resource["title"])}</h2>'
        f"<p>{html.escape(resource['description'])}</p>"
        f'<p><a class="coursekit-download" href="{link_prefix}{resource["path"]}" download>'
        f'Download {resource["path"]}</a> ({len(frame)} rows; key: {html.escape(keys)}; '
        f"{sources} distinct sources, named row by row in <code>source</code> and <code>source_url</code>; "
        f"licence: {html.escape(licence)})</p>"
        f'<div class="coursekit-table-wrap"><table class="coursekit-fields"><thead><tr><th>Field</th><th>Type</th>'
        f"<th>Meaning</th><th>Rules</th></tr></thead><tbody>{rows}</tbody></table></div></section>")


def data_catalogue(link_prefix: str = f"../{DOWNLOAD_FOLDER}/", data_dir: Path = DATA_DIR):
    """HTML for every dataset of the data package, in the package's order."""
    from IPython.display import HTML

    descriptor = _descriptor(Path(data_dir))
    licence = descriptor["licenses"][0]["title"]
    body = "".join(dataset_section(r, licence, link_prefix, data_dir) for r in descriptor["resources"])
    package = (f'<p>The whole data package (all tables and their schema): '
               f'<a class="coursekit-download" href="{link_prefix}datapackage.json" download>datapackage.json</a>.</p>')
    return HTML(package + body)
