# Mutuus: the README's commands. Each target installs what it needs.
#   make serve   build and serve the site on http://127.0.0.1:8000 with live reload
#   make build   write the production site to site/ (strict build)
#   make test    run every test (Python, Pyodide under Node, real Chromium)
#   make bench   measure speed against baselines run in the same process

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# The browser the tests drive; elsewhere than Debian, point it at another
# Chromium-based browser: make test CHROMIUM=/usr/bin/google-chrome
CHROMIUM ?= /usr/bin/chromium
export MUTUUS_CHROMIUM := $(CHROMIUM)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench clean chromium

# --- installation ----------------------------------------------------------
# A stamp file per requirements set: reinstall only when the lock changes.
$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.docs-installed: requirements/docs.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements/docs.txt
	touch $@

$(VENV)/.test-installed: requirements/test.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements/test.txt
	touch $@ $(VENV)/.docs-installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium drives the browser tests (Playwright's own download does
# not work on our machines). Installed for root; others get the command to run.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  echo "Installation de Chromium (Debian)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "Chromium est requis pour les tests : sudo apt-get install -y chromium"; exit 1; \
	fi

# --- the four commands -----------------------------------------------------
serve: $(VENV)/.docs-installed node_modules/.installed
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.docs-installed node_modules/.installed
	$(PY) -m mkdocs build --strict

test: $(VENV)/.test-installed node_modules/.installed chromium
	$(PY) -m pytest

bench: $(VENV)/.test-installed node_modules/.installed chromium
	$(PY) bench/build.py
	$(PY) bench/run.py
	$(PY) bench/offline.py
	$(PY) bench/lighthouse.py

clean:
	rm -rf site .cache .pytest_cache .hypothesis
