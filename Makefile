# Everyday use: `make` builds every article into build/; `make test` runs the test suite.
# Every target calls the pipeline's CLI, pytest or scripts/; no logic lives here.
# `make` installs only what building needs (scripts/setup); the targets that run tests first
# install the test tools too (scripts/setup-tests: pytest, Chromium, npm, poppler); `make docs` builds the
# documentation site (scripts/setup-docs: Sphinx).

# Not PYTHON: that one, from the environment, names the Python scripts/setup makes .venv from.
VENV_PYTHON := .venv/bin/python
STAMP := .venv/.installed
TEST_STAMP := .venv/.installed-tests
DOCS_STAMP := .venv/.installed-docs

.PHONY: all build test check clean distclean bench golden docs

all: build

$(STAMP): pyproject.toml scripts/setup
	scripts/setup
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) pyproject.toml package.json package-lock.json scripts/setup-tests
	scripts/setup-tests
	touch $(TEST_STAMP)

$(DOCS_STAMP): $(STAMP) pyproject.toml scripts/setup-docs
	scripts/setup-docs
	touch $(DOCS_STAMP)

build: $(STAMP)
	$(VENV_PYTHON) -m pipeline build

# The suite runs on every core (pytest-xdist, at most four workers), each test file on one worker,
# so a file's shared fixtures (a real build, most of them) are made once; files are handed out in the
# order collected (the longest first: tests/conftest.py), not by how many tests each holds.
test: $(TEST_STAMP)
	$(VENV_PYTHON) -m pytest --numprocesses auto --maxprocesses 4 --dist loadfile --no-loadscope-reorder

check: $(STAMP)
	$(VENV_PYTHON) -m pipeline check

golden: $(TEST_STAMP)
	UPDATE_GOLDEN=1 $(VENV_PYTHON) -m pytest -m "not slow" tests

# The documentation site, from docs/ into docs/_build/html/ (not build/: that is the handouts' own folder).
# Strict: a broken link, a missing page or a page in no table of contents fails; -E rereads every page, since
# the reference pages are made from the code.
docs: $(DOCS_STAMP)
	.venv/bin/sphinx-build -E -W --keep-going -n -q -b html docs docs/_build/html
	@echo "docs: open docs/_build/html/index.html"

bench: $(STAMP)
	$(VENV_PYTHON) -m benchmark

clean: $(STAMP)
	$(VENV_PYTHON) -m pipeline clean

distclean: clean
	rm -rf .cache .venv node_modules
