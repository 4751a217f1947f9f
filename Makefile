# Mutuus: the README's commands. Each target installs what it needs.
#   make serve           build and serve the site on http://127.0.0.1:8000, rebuilt
#                        and reloaded on every change (ENGINE=zensical to try Zensical)
#   make build           write the production site to site/ (MkDocs + Material, strict)
#   make build-zensical  write the same site to site/ with Zensical instead
#   make test            run every test (Python, Pyodide under Node, real Chromium)
#   make bench           measure speed against baselines run in the same process
#
# Both builds run the same steps around the generator (sitebuild/): `pre`
# builds the calculators wheel, `post` copies it with the Pyodide runtime into
# site/ and writes the Content-Security-Policy into every page; one command,
# `python -m sitebuild build --engine mkdocs|zensical site`, runs the three.
# Work whose inputs did not change is kept in .sitebuild/ (wheel, snapshot, trimmed
# standard library, the service worker's Workbox part, compiled templates).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# The browser `make bench` measures in (Lighthouse, first result, offline):
# Debian's Chromium. Elsewhere than Debian, point it at another Chromium-based
# browser: make test CHROMIUM=/usr/bin/google-chrome
CHROMIUM ?= /usr/bin/chromium
export MUTUUS_CHROMIUM := $(CHROMIUM)
# The browser `make test` drives: Debian's chromium-headless-shell, the same
# Chromium release (same Blink and V8) without the desktop browser's layers,
# as Playwright itself uses for headless runs. On 2 cores, in fresh clones of
# two commits that differ only in this, pytest took 311 s instead of 401 s
# (test time summed over both workers: 579 s instead of 750 s). If it
# is missing and cannot be installed, the tests use $(CHROMIUM); to run them
# in the full browser: make test TEST_CHROMIUM=/usr/bin/chromium
TEST_CHROMIUM ?= /usr/bin/chromium-headless-shell
export NO_MKDOCS_2_WARNING := 1
# Python may keep the bytecode it compiles (__pycache__/, ignored by git), even
# where the environment says not to (PYTHONDONTWRITEBYTECODE, set on our
# machines): otherwise every process of a run (pytest and its two workers,
# each site build, each command a test starts) compiles mkdocs, Material,
# pytest and our own modules again. Collecting the tests took 8.0 s each
# time without it; with it, 2.4 s once a first run had kept the bytecode.
unexport PYTHONDONTWRITEBYTECODE
ENGINE ?= mkdocs
# pytest-xdist workers for `make test` (0: one process). The controller builds
# both sites once, in the background (tests/conftest.py); tests are spread by
# module, so a module's shared booted calculator page is booted once, in the
# order tests/conftest.py gives (--no-loadscope-reorder): tests needing no
# site first, then the browser modules, heaviest first.
TEST_WORKERS ?= 2

.PHONY: serve build build-zensical test bench clean chromium

# --- installation ----------------------------------------------------------
# A stamp file per requirements set: reinstall only when the lock changes.
# pip installs only uv (requirements/bootstrap.txt, hashed); uv then
# installs the hashed locks, fetching in parallel: the test set took 3 s here
# (warm cache) where pip, asking the index about one package at a time, took
# about 40 s.
# uv has its own stamp, so a venv made before uv came in gets it too.
PIP_INSTALL := $(VENV)/bin/uv pip install --quiet --python $(PY) --require-hashes
# The venv gets no pip of its own: `python -m venv` spends 8 s copying one in
# (ensurepip), where the machine's pip installs uv into it in 4 s. Where
# that pip is missing or older than 22.3 (no --python), ensurepip after all.
BOOTSTRAP := install --quiet --require-hashes -r requirements/bootstrap.txt
$(PY):
	$(PYTHON) -m venv --without-pip $(VENV)

$(VENV)/.uv-installed: requirements/bootstrap.txt | $(PY)
	$(PYTHON) -m pip --python $(PY) $(BOOTSTRAP) 2>/dev/null \
	  || { $(PY) -m ensurepip --default-pip >/dev/null && $(PY) -m pip $(BOOTSTRAP); }
	touch $@

$(VENV)/.docs-installed: requirements/docs.txt $(VENV)/.uv-installed
	$(PIP_INSTALL) -r requirements/docs.txt
	touch $@

$(VENV)/.zensical-installed: requirements/zensical.txt $(VENV)/.uv-installed
	$(PIP_INSTALL) -r requirements/zensical.txt
	touch $@ $(VENV)/.docs-installed

# The test set includes docs and zensical: `make test` builds with both.
$(VENV)/.test-installed: requirements/test.txt $(VENV)/.uv-installed
	$(PIP_INSTALL) -r requirements/test.txt
	touch $@ $(VENV)/.docs-installed $(VENV)/.zensical-installed

# --prefer-offline: a package already in npm's cache is taken from it without
# asking the registry whether it changed (the lock pins each one by its
# hash). npm ci took 18 s instead of 24 s here with the cache warm; with
# the cache empty, as on a new machine, it downloads as before.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --prefer-offline
	touch $@

# Lighthouse (134 of the 498 npm packages) serves only `make bench`: it has its own
# lock in bench/, so `make test` and `make serve` do not install it.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --prefer-offline
	touch $@

# Debian's Chromium and its headless shell drive the browser tests
# (Playwright's own download does not work on our machines). Installed for
# root; others get the command to run. Without the shell, the full browser
# does the tests (slower); without either, the tests cannot run.
chromium:
	@need=""; \
	[ -x "$(CHROMIUM)" ] || need="chromium"; \
	[ -x "$(TEST_CHROMIUM)" ] || need="$$need chromium-headless-shell"; \
	if [ -n "$$need" ] && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  echo "Installation de$$need (Debian)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need >/dev/null \
	    || echo "Installation incomplète : les tests utiliseront le navigateur présent."; \
	fi; \
	if [ ! -x "$(CHROMIUM)" ] && [ ! -x "$(TEST_CHROMIUM)" ]; then \
	  echo "Chromium est requis pour les tests : sudo apt-get install -y chromium chromium-headless-shell"; exit 1; \
	fi

# --- the four commands -----------------------------------------------------
serve: $(VENV)/.docs-installed $(if $(filter zensical,$(ENGINE)),$(VENV)/.zensical-installed) node_modules/.installed
	$(PY) -m sitebuild serve --engine $(ENGINE) --addr 127.0.0.1:8000

# Both builds, make serve, the tests and the bench build by this one path,
# `python -m sitebuild build --engine …` (sitebuild/build.py: pre, the
# generator, post). MkDocs runs in that process (issue 27: three processes
# imported MkDocs, Material and the macros twice over); Zensical as its own
# command, with the project root on PYTHONPATH for macros/.
build: $(VENV)/.docs-installed node_modules/.installed
	$(PY) -m sitebuild build --engine mkdocs site

build-zensical: $(VENV)/.zensical-installed node_modules/.installed
	$(PY) -m sitebuild build --engine zensical site

test: $(VENV)/.test-installed node_modules/.installed chromium
	MUTUUS_CHROMIUM="$$(if [ -x "$(TEST_CHROMIUM)" ]; then echo "$(TEST_CHROMIUM)"; else echo "$(CHROMIUM)"; fi)" \
	  $(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder

bench: $(VENV)/.test-installed node_modules/.installed bench/node_modules/.installed chromium
	$(PY) bench/build.py
	$(PY) bench/run.py
	$(PY) bench/shaped.py
	$(PY) bench/agreements.py
	$(PY) bench/board.py
	$(PY) bench/offline.py
	$(PY) bench/lighthouse.py

clean:
	rm -rf site .cache .sitebuild .pytest_cache .hypothesis
