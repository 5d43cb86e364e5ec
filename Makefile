# Two commands: `make site` builds the example roadmap into site/, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1

.PHONY: site site-public serve test check bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP) tests/browser/package-lock.json
	$(BIN)/pip install --quiet -e '.[test]'
	cd tests/browser && npm ci --silent --no-audit --no-fund
	touch $@

site: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# the public site of the same roadmap: only what is marked `visibility: public` (docs/audiences.md)
site-public: $(STAMP)
	$(BIN)/mkdocs build --strict -f mkdocs.public.yml --site-dir site-public

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/roadmap-gen check .

test: $(TSTAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site site-public build dist .pytest_cache
