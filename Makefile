# Everyday use: `make` builds every article into build/; `make test` runs the test suite.
# Every target calls the pipeline's CLI, pytest or scripts/; no logic lives here.

PYTHON := .venv/bin/python
STAMP := .venv/.installed

.PHONY: all build test check clean distclean bench golden

all: build

$(STAMP): pyproject.toml package.json package-lock.json scripts/setup
	scripts/setup
	touch $(STAMP)

build: $(STAMP)
	$(PYTHON) -m pipeline build

test: $(STAMP)
	$(PYTHON) -m pytest

check: $(STAMP)
	$(PYTHON) -m pipeline check

golden: $(STAMP)
	UPDATE_GOLDEN=1 $(PYTHON) -m pytest -m "not slow" tests

bench: $(STAMP)
	$(PYTHON) -m benchmark

clean: $(STAMP)
	$(PYTHON) -m pipeline clean

distclean: clean
	rm -rf .cache .venv node_modules
