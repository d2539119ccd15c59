# The course's entry points. `make book` builds the site; `make test` runs every test.
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
SEMINAR_VENV := .venv-seminar
SEMINAR_PORT ?= 8866
CHAPTER ?= 06_capstone_simulation

.PHONY: book serve lab seminar test bench clean help

help:
	@echo "make book   build the book into _build/html (strict: any warning fails)"
	@echo "make serve  serve the built book on http://127.0.0.1:$(PORT)"
	@echo "make lab    open the notebooks in JupyterLab"
	@echo "make seminar [CHAPTER=01_history]  presenter view (code hidden, widgets live) on http://127.0.0.1:$(SEMINAR_PORT)"
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

$(SEMINAR_VENV)/.deps: requirements.txt requirements-seminar.txt pyproject.toml
	$(PYTHON) -m venv $(SEMINAR_VENV)
	$(SEMINAR_VENV)/bin/pip install --quiet --upgrade pip
	$(SEMINAR_VENV)/bin/pip install --quiet -r requirements-seminar.txt
	touch $@

book: $(VENV)/.book-deps
	$(BIN)/jupyter-book build . --all -n -W --keep-going

serve:
	@test -f _build/html/index.html || { echo "No built book yet: run 'make book' first."; exit 1; }
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lab: $(VENV)/.book-deps
	$(BIN)/jupyter lab notebooks/

seminar: $(SEMINAR_VENV)/.deps
	@echo "Presenter view of notebooks/$(CHAPTER).ipynb on http://127.0.0.1:$(SEMINAR_PORT) (Ctrl+C to stop)"
	JUPYTER_PATH=$(CURDIR)/seminar $(SEMINAR_VENV)/bin/voila notebooks/$(CHAPTER).ipynb --template=course \
		--Voila.ip=127.0.0.1 --port=$(SEMINAR_PORT) --no-browser

test: $(VENV)/.test-deps $(SEMINAR_VENV)/.deps
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

bench: $(VENV)/.test-deps
	bash scripts/ensure-chromium.sh
	$(BIN)/python scripts/bench.py

clean:
	rm -rf _build
