# The single entry point for building, testing and benchmarking (README and CI call these targets).
# `make help` lists them.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.DEFAULT_GOAL := help
.PHONY: help venv install demo install-test test test-rust test-python lint fmt bench dev

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

venv: $(PY) ## create the virtualenv in .venv

install: $(PY) ## build the release wheel and install it into .venv
	$(PIP) install --quiet .

demo: install ## install, extract the bundled example articles, print the head of each table
	$(VENV)/bin/nkextract extract examples/articles --out out
	$(VENV)/bin/nkextract show out

install-test: $(PY) ## install the package with what the tests need
	$(PIP) install --quiet '.[test]'

test-rust: ## Rust unit tests of the core (no Python needed)
	cargo test --lib --examples --tests --quiet

test-python: ## Python tests, notebooks included, against the installed package
	$(PY) -m pytest -q -p no:cacheprovider tests

test: install-test lint test-rust test-python ## install what tests need and run all tests (lint included)

lint: ## rustfmt and clippy, warnings are errors (the stub check runs in pytest)
	cargo fmt --check
	cargo clippy --quiet --lib --examples --tests --benches -- -D warnings

fmt: ## format the Rust code
	cargo fmt

dev: $(PY) ## build the extension in place into .venv (for development)
	$(VENV)/bin/pip install --quiet maturin && $(VENV)/bin/maturin develop --release

bench: ## benchmarks (see BENCHMARKS.md)
	$(PY) benchmarks/run.py
