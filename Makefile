# Two commands do all set-up on a fresh machine with Python 3.11+:
#   make serve   build from data/ if needed, then serve on http://127.0.0.1:8000
#   make test    run the test suite (lint included)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: serve test build validate eval lint clean

$(BIN)/kb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/kb

serve: $(BIN)/kb
	$(BIN)/kb serve

test: $(BIN)/kb
	$(BIN)/ruff check kb indexer api bench tests
	$(BIN)/ruff format --check kb indexer api bench tests
	$(BIN)/pytest -q

build: $(BIN)/kb
	$(BIN)/kb build

validate: $(BIN)/kb
	$(BIN)/kb validate

lint: $(BIN)/kb
	$(BIN)/ruff check --fix kb indexer api tests
	$(BIN)/ruff format kb indexer api tests

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache
