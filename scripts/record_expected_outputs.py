"""Record the outputs of every ``# NBVAL_CHECK_OUTPUT`` cell into notebooks/expected_outputs.json.

Run it after changing a checked cell or the data it reads, then review the diff: the file is
what the tests will hold the notebooks to.

    .venv/bin/python scripts/record_expected_outputs.py
"""
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "notebooks" / "expected_outputs.json"
KEEP = {"text/plain"}  # rich outputs (HTML tables, charts) carry ids that change on every run


def checked_outputs(path: Path) -> dict:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=120, resources={"metadata": {"path": str(path.parent)}}).execute()
    recorded = {}
    for cell in notebook.cells:
        if cell.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in cell.source:
            outputs = []
            for output in cell.outputs:
                output = dict(output)
                output.pop("execution_count", None)
                output.pop("metadata", None)
                if "data" in output:
                    output["data"] = {k: v for k, v in output["data"].items() if k in KEEP}
                outputs.append(output)
            recorded[cell["id"]] = outputs
    return recorded


def main() -> int:
    expected = {path.name: checked_outputs(path) for path in sorted((ROOT / "notebooks").glob("*.ipynb"))}
    TARGET.write_text(json.dumps({k: v for k, v in expected.items() if v}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
