"""Give nbval the expected outputs of the cells marked ``# NBVAL_CHECK_OUTPUT``.

Notebooks are committed without outputs, and nbval silently skips comparing a cell that has no
stored output, so a check against an empty notebook could never fail. The expected outputs live
instead in ``notebooks/expected_outputs.json`` (readable, reviewable text, recorded with
``scripts/record_expected_outputs.py``) and are put back into the cells before nbval runs them.
"""
import json
from pathlib import Path

import nbformat
import pytest

EXPECTED_OUTPUTS = Path(__file__).parent / "notebooks" / "expected_outputs.json"
MARKER = "NBVAL_CHECK_OUTPUT"


def pytest_collection_modifyitems(session, config, items):
    try:
        from nbval.plugin import IPyNbCell
    except ImportError:
        return
    expected = json.loads(EXPECTED_OUTPUTS.read_text(encoding="utf-8")) if EXPECTED_OUTPUTS.exists() else {}
    for item in items:
        if not isinstance(item, IPyNbCell) or MARKER not in item.cell.source:
            continue
        notebook = Path(str(item.parent.fspath)).name
        outputs = expected.get(notebook, {}).get(item.cell.get("id"))
        if outputs is None:
            raise pytest.UsageError(
                f"{notebook}, cell {item.cell.get('id')}: marked {MARKER} but has no expected output in "
                f"{EXPECTED_OUTPUTS.name}; run scripts/record_expected_outputs.py and review the result.")
        item.cell.outputs = [nbformat.from_dict(output) for output in outputs]
        # The recorder keeps the text/plain form only (HTML tables and charts carry ids that change).
        if "text/html" not in item.parent.skip_compare:
            item.parent.skip_compare = (*item.parent.skip_compare, "text/html")
        item.cell.execution_count = 1  # nbval only compares cells that count as run
