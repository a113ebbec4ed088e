# Two entry points that work on a fresh clone with Python 3.11+, make and git:
#   make catalog   set up, check this repository's registry and build its catalog site (site/)
#                  with Zensical from the pages `hinges render` writes (decisions/0024)
#   make test      set up, then run the whole test suite (CI runs it through .ci/run)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CATALOG_STAMP := $(VENV)/.installed-catalog
TEST_STAMP := $(VENV)/.installed-test

.PHONY: setup catalog serve check test lint bench schemas reference browser clean

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "hinges needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(CATALOG_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[catalog,zensical]'
	# pip does not byte-compile an editable install; do it once so every run starts fast
	$(BIN)/python -m compileall -q tooling/hinges
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q tooling/hinges
	touch $@ $(CATALOG_STAMP)

setup: $(TEST_STAMP)

catalog: $(CATALOG_STAMP)
	$(BIN)/hinges check
	$(BIN)/hinges render
	$(BIN)/zensical build --strict

serve: $(CATALOG_STAMP)
	$(BIN)/hinges render
	$(BIN)/zensical serve

check: $(CATALOG_STAMP)
	$(BIN)/hinges check

test: $(TEST_STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check tooling tests benchmarks
	$(BIN)/ruff format --check tooling tests benchmarks
	$(BIN)/mypy

lint: $(TEST_STAMP)
	$(BIN)/ruff check tooling tests benchmarks
	$(BIN)/ruff format --check tooling tests benchmarks
	$(BIN)/mypy

# The browser tests drive Debian's Chromium; this installs it (needs root, as in CI).
browser:
	command -v chromium >/dev/null || { apt-get update -q && apt-get install -y -q chromium; }

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_new.py
	$(BIN)/python benchmarks/bench_list.py
	$(BIN)/python benchmarks/bench_site.py
	$(BIN)/python benchmarks/bench_guards.py
	$(BIN)/python benchmarks/bench_render.py
	$(BIN)/python benchmarks/bench_org_render.py
	$(BIN)/python benchmarks/bench_imports.py
	$(BIN)/python benchmarks/bench_mcp.py
	$(BIN)/python benchmarks/bench_sources.py

schemas: $(CATALOG_STAMP)
	$(BIN)/hinges schema decision > tooling/hinges/schemas/decision.schema.json
	$(BIN)/hinges schema tenet > tooling/hinges/schemas/tenet.schema.json
	$(BIN)/hinges schema export > tooling/hinges/schemas/export.schema.json

reference: $(CATALOG_STAMP)
	$(BIN)/python -m hinges.reference --write docs

clean:
	rm -rf $(VENV) site docs/catalog .pytest_cache .mypy_cache .ruff_cache
