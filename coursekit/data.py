"""Load the course's datasets, refusing any that break their Table Schema or the course's logic.

Every table is validated against ``data/datapackage.json`` (Frictionless) before pandas
sees it, so a typo in a CSV stops the notebook with a message naming the file, the row and
the field instead of silently drawing a wrong chart.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .checks import logic_problems
from .paths import DATA_DIR


class DataValidationError(ValueError):
    """A dataset breaks its schema or a logical rule; the message lists every problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Invalid course data:\n" + "\n".join(f"  - {p}" for p in problems))


def _describe_error(path: str, error) -> str:
    """One readable line for one Frictionless error: file, row, field, what is wrong."""
    where = [path]
    row = getattr(error, "row_number", None)
    if row:
        where.append(f"row {row - 1} (line {row})")
    field = getattr(error, "field_name", None)
    if not field and error.type == "foreign-key" and '"' in error.note:
        field = error.note.split('"')[1]  # the note reads: for "alliance_id": values ... not found
    if field:
        where.append(f"field '{field}'")
    cell = getattr(error, "cell", None)
    detail = error.note
    if error.type == "type-error":
        expected = error.note.split("type is ")[-1].strip('"').split("/")[0]
        detail = f"'{cell}' is not a valid {expected}"
    elif error.type == "constraint-error" and "required" in error.note:
        detail = "a required value is missing"
    elif error.type == "constraint-error":
        detail = f"'{cell}' breaks the rule {error.note}"
    return f"{', '.join(where)}: {detail} [{error.type}]"


def schema_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Check every table against the data package's schema (types, constraints, keys)."""
    from frictionless import Package  # imported here: it is slow to import and rarely needed twice

    package = Package(str(data_dir / "datapackage.json"))
    report = package.validate()
    problems = []
    for task in report.tasks:
        rel = f"data/{Path(task.place).name}"
        problems += [_describe_error(rel, error) for error in task.errors]
    problems += [f"data/datapackage.json: {error.note}" for error in report.errors]
    return problems


# How each Table Schema type arrives in pandas: nullable types, so an empty cell is <NA>, not a
# silently invented 0 or "False".
PANDAS_TYPES = {"integer": "Int64", "year": "Int64", "number": "Float64", "boolean": "boolean"}
TRUE_VALUES, FALSE_VALUES = {"true", "True", "TRUE", "1", "yes"}, {"false", "False", "FALSE", "0", "no"}


def _read_resource(resource: dict, data_dir: Path) -> pd.DataFrame:
    """Read one CSV with the pandas types its schema promises (it has already been validated)."""
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(data_dir / resource["path"], dtype=str, keep_default_na=False)
    for field in fields:
        name, kind = field["name"], field["type"]
        column = frame[name].replace("", pd.NA)
        if kind == "date":
            frame[name] = pd.to_datetime(column, format="%Y-%m-%d")
        elif kind == "boolean":
            frame[name] = column.map(lambda v: v if v is pd.NA else v in TRUE_VALUES).astype("boolean")
        elif kind in PANDAS_TYPES:
            frame[name] = pd.to_numeric(column).astype(PANDAS_TYPES[kind])
        else:
            frame[name] = column.astype("string")
    return frame


def _descriptor(data_dir: Path) -> dict:
    return json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _validated_tables(data_dir: Path, stamp: tuple) -> dict[str, pd.DataFrame]:
    """All tables, validated once per change of the files (``stamp`` holds their mtimes)."""
    problems = schema_problems(data_dir)
    if problems:
        raise DataValidationError(problems)
    descriptor = _descriptor(data_dir)
    tables = {res["name"]: _read_resource(res, data_dir) for res in descriptor["resources"]}
    problems = logic_problems(tables)
    if problems:
        raise DataValidationError(problems)
    return tables


def _stamp(data_dir: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.iterdir() if p.is_file()))


def _tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    data_dir = Path(data_dir).resolve()
    return _validated_tables(data_dir, _stamp(data_dir))


def load_tables(data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Every table of the data package, validated, as pandas DataFrames keyed by name."""
    return {name: frame.copy() for name, frame in _tables(data_dir).items()}


def load_table(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """One validated table, e.g. ``load_table("alliances")``. A copy: changing it changes nothing else."""
    tables = _tables(data_dir)
    if name not in tables:
        known = ", ".join(sorted(tables))
        raise KeyError(f"There is no dataset called {name!r}. The datasets are: {known}.")
    return tables[name].copy()


def table_info(name: str, data_dir: Path = DATA_DIR) -> dict:
    """The data package's description of one table (title, description, fields, source)."""
    for resource in _descriptor(Path(data_dir))["resources"]:
        if resource["name"] == name:
            return resource
    raise KeyError(f"There is no dataset called {name!r}.")


def dataset_card(name: str, data_dir: Path = DATA_DIR):
    """A short card naming a dataset, its size, its sources and its licence, for display in a chapter."""
    import html

    from IPython.display import HTML

    info = table_info(name, data_dir)
    frame = load_table(name, data_dir)
    sources = frame["source"].dropna().value_counts() if "source" in frame else []
    items = "".join(f"<li>{html.escape(src)} ({n} rows)</li>" for src, n in list(sources.items())[:6])
    more = len(sources) - 6
    if more > 0:
        items += f"<li>and {more} further sources, named in the table's <code>source</code> column</li>"
    licence = _descriptor(Path(data_dir))["licenses"][0]["title"]
    return HTML(
        f'<div class="coursekit-dataset"><p><strong>Dataset: {html.escape(info["title"])}</strong> '
        f'(<code>data/{info["path"]}</code>, {len(frame)} rows, {len(frame.columns)} columns). '
        f'{html.escape(info["description"])}</p><p>Sources:</p><ul>{items}</ul>'
        f"<p>Licence: {html.escape(licence)}.</p></div>")
