# The commands anyone needs: make run, make test (make test-fast while editing), make lint, make bench.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast install lint docs schema bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## install: .venv with partreg (editable) and the test tools; .venv/bin/partreg works
install: $(STAMP)

## run: lint the example register, list it, show the reviews due, and publish it to site/
run: $(STAMP)
	$(BIN)/partreg lint
	$(BIN)/partreg list
	$(BIN)/partreg review-due
	$(BIN)/partreg render --out site

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## test-fast: the in-process tests only, in seconds: none that starts a process (marked spawns) or takes a second (marked slow); a test that starts one unmarked fails
# (compiled modules and rewritten tests are kept between runs, in the temporary folder: compiling
# them again is a third of the run where PYTHONDONTWRITEBYTECODE is set)
test-fast: $(STAMP)
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX="$${TMPDIR:-/tmp}/partreg-pycache" $(BIN)/python -m pytest -m "not spawns and not slow"

## lint: ruff and mypy (strict) on the code
lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

## bench: partreg against yamllint and check-jsonschema on generated registers (several minutes)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

## docs: regenerate docs/rules.md from the rules' docstrings, and docs/format.md from the models
docs: $(STAMP)
	$(BIN)/partreg rules --format markdown > docs/rules.md
	$(BIN)/python -c "import sys, partreg.formatdoc as f; sys.stdout.write(f.format_markdown())" > docs/format.md

## schema: regenerate schema/arrangement.v1.json from the models
schema: $(STAMP)
	$(BIN)/partreg schema > schema/arrangement.v1.json

clean:
	rm -rf $(VENV) site build dist .pytest_cache .mypy_cache .ruff_cache
