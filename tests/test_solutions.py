"""The code in every exercise solution runs against the real datasets.

Solutions are shown in the book as static code inside hidden dropdowns, so nothing else executes
them: without this test a renamed column would leave a solution that no longer works.
"""
import contextlib
import io
import re

import nbformat
import pytest

from coursekit.paths import REPO_ROOT

SOLUTION = re.compile(r"````\{solution\}[^\n]*\n(.*?)\n````", re.S)
CODE = re.compile(r"```python\n(.*?)\n```", re.S)


def solution_blocks():
    for path in sorted((REPO_ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
        for number, solution in enumerate(SOLUTION.findall(text), start=1):
            for code in CODE.findall(solution):
                yield pytest.param(code, id=f"{path.stem}-solution{number}")


BLOCKS = list(solution_blocks())


def test_each_chapter_has_at_least_two_coded_solutions():
    chapters = {param.id.split("-")[0] for param in BLOCKS}
    for chapter in chapters:
        assert sum(param.id.startswith(chapter) for param in BLOCKS) >= 2


@pytest.mark.parametrize("code", BLOCKS)
def test_solution_code_runs(code):
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<solution>", "exec"), {})
    assert printed.getvalue().strip(), "a solution should show its result"


def test_nato_waves_solution_reaches_32():
    code = next(p.values[0] for p in BLOCKS if "joined_per_year" in p.values[0])
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, namespace)
    assert namespace["joined_per_year"].cumsum().iloc[-1] == 32
    assert namespace["joined_per_year"].loc[2004] == 7


def test_lifespan_solution_matches_its_stated_results():
    code = next(p.values[0] for p in BLOCKS if "lifespan" in p.values[0])
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, namespace)
    lifespans = namespace["ended"].set_index("alliance_id")["lifespan"]
    assert (lifespans["seato"], lifespans["cento"], lifespans["warsaw_pact"]) == (23, 24, 36)
