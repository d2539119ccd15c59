"""Where the code is running: inside the book build, or in a live notebook.

The book's Sphinx extension sets COURSEKIT_MODE=book before notebooks execute; the kernels it
starts inherit it. Charts then rely on the page's shared Vega script, and widget exercises
render as a static card that says a live notebook is needed.
"""
import os

MODE_VARIABLE = "COURSEKIT_MODE"


def in_book_build() -> bool:
    return os.environ.get(MODE_VARIABLE) == "book"
