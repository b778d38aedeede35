# The two set-up commands on a fresh machine: `make demo` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTHON ?= python3

.PHONY: install browser demo test bench lint docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/checker check corpora/seed/seed.zh.txt corpora/seed/seed.en.txt --fail-on never
	@echo
	@echo "--- the same checker on a pair with planted errors (corpora/finance):"
	$(VENV)/bin/checker check corpora/finance/finance.zh.txt corpora/finance/finance.errors.en.txt --fail-on never
	@echo
	@echo "--- and on a pair with planted name errors (corpora/names):"
	$(VENV)/bin/checker check corpora/names/names.zh.txt corpora/names/names.errors.en.txt --fail-on never

# Debian's Chromium (and a Chinese font for its screenshots) for the HTML report tests.
# Installed only when missing and only as root (CI is); elsewhere those tests skip, saying why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium for the HTML report tests (apt-get)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium fonts-wqy-microhei; } >/tmp/checker-apt.log 2>&1 \
	      || { tail -5 /tmp/checker-apt.log; echo "warning: chromium could not be installed"; }; \
	  else \
	    echo "chromium is missing: 'sudo apt-get install chromium' to run the HTML report tests"; \
	  fi; }

test: install browser
	$(VENV)/bin/ruff check checker tests bench
	$(PY) -m pytest -q

bench: install
	$(PY) bench/run.py

# docs/rules.md from the rule registry (a test fails when it is out of date)
docs: install
	$(PY) -m checker.docs

lint: install
	$(VENV)/bin/ruff check checker tests bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
