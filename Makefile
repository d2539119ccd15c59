# The course's entry points. `make book` builds the site; `make test` runs every test.
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: book serve lab test bench clean help

help:
	@echo "make book   build the book into _build/html (strict: any warning fails)"
	@echo "make serve  serve the built book on http://127.0.0.1:$(PORT)"
	@echo "make lab    open the notebooks in JupyterLab"
	@echo "make test   run every test: data, package, notebooks, book build, browser"
	@echo "make bench  measure build, notebook, widget and page performance (bench/results.md)"
	@echo "make clean  remove the built book"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.book-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.book-deps
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

book: $(VENV)/.book-deps
	$(BIN)/jupyter-book build . --all -n -W --keep-going

serve:
	@test -f _build/html/index.html || { echo "No built book yet: run 'make book' first."; exit 1; }
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lab: $(VENV)/.book-deps
	$(BIN)/jupyter lab notebooks/

test: $(VENV)/.test-deps
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

bench: $(VENV)/.test-deps
	bash scripts/ensure-chromium.sh
	$(BIN)/python scripts/bench.py

clean:
	rm -rf _build
