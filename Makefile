# Everyday use: `make` builds every article into build/; `make test` runs the test suite.
# Every target calls the pipeline's CLI, pytest or scripts/; no logic lives here.
# `make` installs only what building needs (scripts/setup); the targets that run tests first
# install the test tools too (scripts/setup-tests: pytest, Chromium, npm, poppler).

# Not PYTHON: that one, from the environment, names the Python scripts/setup makes .venv from.
VENV_PYTHON := .venv/bin/python
STAMP := .venv/.installed
TEST_STAMP := .venv/.installed-tests

.PHONY: all build test check clean distclean bench golden

all: build

$(STAMP): pyproject.toml scripts/setup
	scripts/setup
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) pyproject.toml package.json package-lock.json scripts/setup-tests
	scripts/setup-tests
	touch $(TEST_STAMP)

build: $(STAMP)
	$(VENV_PYTHON) -m pipeline build

test: $(TEST_STAMP)
	$(VENV_PYTHON) -m pytest

check: $(STAMP)
	$(VENV_PYTHON) -m pipeline check

golden: $(TEST_STAMP)
	UPDATE_GOLDEN=1 $(VENV_PYTHON) -m pytest -m "not slow" tests

bench: $(STAMP)
	$(VENV_PYTHON) -m benchmark

clean: $(STAMP)
	$(VENV_PYTHON) -m pipeline clean

distclean: clean
	rm -rf .cache .venv node_modules
