"""Measure the course against the design brief's performance budgets and print a table.

    make bench        (writes bench/results.md and prints it)

Budgets (design brief): cold build well under a minute on 2 cores; rebuild after editing one
chapter in seconds; each notebook's run-all in a few seconds; a widget answers in under 100 ms;
a chapter page light enough for a slow network. Figures are reported, never asserted.
"""
from __future__ import annotations

import functools
import http.server
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SITE = ROOT / "_build" / "html"
OUT = ROOT / "bench" / "results.md"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def build_times() -> list[tuple[str, str]]:
    jb = str(BIN / "jupyter-book")
    subprocess.run([jb, "clean", str(ROOT)], cwd=ROOT, check=True, capture_output=True)
    cold = timed([jb, "build", str(ROOT), "-n", "-W", "--keep-going"])
    warm = timed([jb, "build", str(ROOT), "-n", "-W", "--keep-going"])
    chapter = ROOT / "notebooks" / "01_history.ipynb"
    original = chapter.read_bytes()
    try:
        chapter.touch()
        edited = timed([jb, "build", str(ROOT), "-n", "-W", "--keep-going"])
    finally:
        chapter.write_bytes(original)
    return [("Cold build, dependencies installed (jupyter-book build, executes every notebook)", f"{cold:.1f} s"),
            ("Rebuild with nothing changed", f"{warm:.1f} s"),
            ("Rebuild after editing one chapter (01_history)", f"{edited:.1f} s")]


def notebook_times() -> list[tuple[str, str]]:
    import nbformat
    from nbclient import NotebookClient

    rows = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=300, resources={"metadata": {"path": str(path.parent)}})
        with client.setup_kernel():
            start = time.perf_counter()
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
            rows.append((f"Run all, fresh kernel: {path.name} (kernel start-up excluded)",
                         f"{time.perf_counter() - start:.2f} s"))
    return rows


def widget_times() -> list[tuple[str, str]]:
    from coursekit.exercises import ClassificationExercise, ExerciseDesigner, OrderingExercise

    def median_ms(click, repeats=50):
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            click()
            samples.append((time.perf_counter() - start) * 1000)
        return statistics.median(samples)

    def alternating(parts, setter, values):
        # Each timed click gets a different answer, so the feedback really changes (a repeated
        # identical answer would skip the update and flatter the figure).
        state = {"n": 0}

        def click():
            setter(parts, values[state["n"] % len(values)])
            state["n"] += 1
            parts["check"].click()
        return click

    classify = ClassificationExercise.from_content("01_history").widget().parts
    options = list(classify["choice"].options)
    ordering = OrderingExercise.from_content("01_history").widget().parts
    designer = ExerciseDesigner().widget().parts
    clicks = {
        "classification": alternating(classify, lambda p, v: setattr(p["choice"], "value", v), options[:2]),
        "ordering": alternating(ordering, lambda p, v: setattr(p["answer"], "value", v),
                                ["A, B, C, D, E, F", "F, E, D, C, B, A"]),
        "exercise designer": alternating(designer, lambda p, v: setattr(p["partners"][v], "value",
                                                                        not p["partners"][v].value), [0, 1]),
    }
    return [(f"Widget feedback, Python handler only (no kernel round trip), median of 50 clicks: {name}",
             f"{median_ms(click):.3f} ms") for name, click in clicks.items()]


def page_figures() -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    pages = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if "_static" not in p.parts)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                             headless=True, args=["--no-sandbox", "--disable-gpu",
                                                                  "--disable-background-networking"])
        for path in pages:
            context = browser.new_context()  # a fresh context: a cold cache for every page
            page = context.new_page()
            sizes = []
            page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
            start = time.perf_counter()
            page.goto(f"{base}/{path}", wait_until="load")
            page.wait_for_function("() => [...document.querySelectorAll('.coursekit-chart-canvas')]"
                                   ".every(c => c.dataset.rendered === 'true')", timeout=30_000)
            charts_ms = (time.perf_counter() - start) * 1000
            page.wait_for_load_state("networkidle")
            n_charts = page.locator(".coursekit-chart-canvas").count()
            chart_note = f"; all {n_charts} charts drawn in {charts_ms:.0f} ms" if n_charts else ""
            rows.append((f"Page {path}: bytes on a cold load{', time to draw every chart' if n_charts else ''}",
                         f"{sum(sizes) / 1024:.0f} KiB{chart_note}"))
            context.close()
        browser.close()
    server.shutdown()
    return rows


def main() -> int:
    sys.path.insert(0, str(ROOT))
    rows = [*build_times(), *notebook_times(), *widget_times(), *page_figures()]
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    table = "| measure | result |\n|---|---|\n" + "\n".join(f"| {name} | {value} |" for name, value in rows)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(f"Measured on {time.strftime('%Y-%m-%d')} ({machine}).\n\n{table}\n", encoding="utf-8")
    print(OUT.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
