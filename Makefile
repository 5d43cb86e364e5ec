# Two commands: `make site` builds the example roadmap into site/, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1

.PHONY: site site-public serve test check bench dist clean need-chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
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

# the browser tests drive Debian's chromium (Playwright's own browser download is not used)
need-chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "make test needs Debian's chromium: sudo apt-get install chromium"; exit 1; }

test: need-chromium $(TSTAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# a wheel and a source archive in $(DIST) (default dist/), to install roadmap-gen from (README: Install)
DIST ?= dist
dist: $(BIN)/python
	$(BIN)/python -m pip install --quiet build
	rm -rf $(DIST)
	$(BIN)/python -m build --quiet --outdir $(DIST) .

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site site-public build dist .pytest_cache
