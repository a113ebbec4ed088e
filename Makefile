# Two entry points that work on a fresh clone with Python 3.11+, make and git:
#   make catalog   set up, then check this repository's own registry (the main job)
#   make test      set up, then run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup catalog check test lint bench schemas clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "hinges needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# pip does not byte-compile an editable install; do it once so every run starts fast
	$(BIN)/python -m compileall -q tooling/hinges
	touch $(STAMP)

setup: $(STAMP)

catalog: check

check: $(STAMP)
	$(BIN)/hinges check

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check tooling tests benchmarks
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check tooling tests benchmarks
	$(BIN)/ruff format --check tooling tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_new.py
	$(BIN)/python benchmarks/bench_list.py

schemas: $(STAMP)
	$(BIN)/hinges schema decision > tooling/hinges/schemas/decision.schema.json
	$(BIN)/hinges schema tenet > tooling/hinges/schemas/tenet.schema.json

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
