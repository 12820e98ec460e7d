# Short aliases. `make serve` and `make test` work on a fresh clone: they create .venv
# and install the hash-pinned packages (and, for the tests, Debian's chromium and valgrind).
VENV := .venv
PY := $(VENV)/bin/python
SITE_DIR := site
export NO_MKDOCS_2_WARNING := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
.DEFAULT_GOAL := help
PORT ?= 8000
DEV_ADDR ?= 127.0.0.1:$(PORT)

.PHONY: help serve build preview lighthouse lighthouse-deps check urls test test-fast lint format lock chromium valgrind search-bench search-train benchmark clean

$(VENV)/.site-deps: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

$(VENV)/.dev-deps: $(VENV)/.site-deps requirements-dev.txt
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.txt
	touch $@

help:  ## list these targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /\1\t/' | \
	  awk -F '\t' '{ printf "  make %-13s %s\n", $$1, $$2 }'

# A busy port is reported in one line before anything is built (scripts/serve.py).
serve: $(VENV)/.site-deps  ## serve the site with live reload on http://127.0.0.1:8000 (PORT=8001 or DEV_ADDR=host:port to change)
	$(PY) -m scripts.serve --dev-addr $(DEV_ADDR)

# Built in a staging folder of its own and swapped into place in one atomic step only
# when the build succeeds; one build at a time (scripts/build_site.py).
build: $(VENV)/.site-deps  ## build the site into site/
	$(PY) -m scripts.build_site $(SITE_DIR)

preview: build  ## serve site/ as a static host does, with its _headers and _redirects (PORT= to change)
	$(PY) -m scripts.preview_site $(SITE_DIR) --port $(PORT)

# Every checker runs, even after one fails; the list is in scripts/check_all.py.
check: $(VENV)/.site-deps  ## strict build, then the link, parity, readability, URL and lock checks
	$(PY) -m scripts.check_all $(SITE_DIR)

urls: build  ## add the site's new URLs to tests/published-urls.txt (never remove one)
	$(PY) -m scripts.published_urls $(SITE_DIR) --update

benchmark: $(VENV)/.dev-deps valgrind  ## build and check speed at 50, 200, 400 and 1000 questions (see BENCHMARKS.md)
	for n in 50 200 400 1000; do $(PY) -m scripts.benchmark --questions $$n --bare --repeat 7 --instructions || exit 1; done

search-bench: build $(VENV)/.dev-deps chromium  ## search relevance per language, in chromium
	$(PY) -m scripts.search_bench $(SITE_DIR)

search-train: build $(VENV)/.dev-deps chromium  ## learn the search ranker's weights from the tuning set, then rebuild
	$(PY) -m scripts.search_ranker $(SITE_DIR)
	$(MAKE) --no-print-directory build

chromium:  ## install Debian's chromium for the browser tests, when missing
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# Node and npm from Debian when missing; Lighthouse from its lock file, with its hashes.
# package.json pins two "latest" dependencies of a Lighthouse package (overrides): with
# "latest", npm ci refuses the lock file as soon as a newer version is published.
LIGHTHOUSE_DIR := tools/lighthouse
$(LIGHTHOUSE_DIR)/node_modules/.installed: $(LIGHTHOUSE_DIR)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for Lighthouse"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }
	cd $(LIGHTHOUSE_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

lighthouse-deps: $(LIGHTHOUSE_DIR)/node_modules/.installed

lighthouse: build chromium lighthouse-deps  ## Lighthouse's four scores per page type, mobile, offline (goals: see scripts/lighthouse.py)
	$(PY) -m scripts.lighthouse $(SITE_DIR)

valgrind:  ## install Debian's valgrind for the benchmark's instruction counts, when missing
	@command -v valgrind >/dev/null 2>&1 || { \
	  echo "Installing Debian's valgrind for the benchmark's instruction counts"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; }

# pytest exits 5 when it collects no test: that must fail, never pass quietly.
test: $(VENV)/.dev-deps chromium valgrind lighthouse-deps lint  ## run every test (lint included)
	$(PY) -m pytest; status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; fi; exit $$status

# The edit loop: every test that needs neither chromium nor valgrind, lint included.
test-fast: $(VENV)/.dev-deps lint  ## run every test that needs neither chromium nor valgrind
	$(PY) -m pytest -m "not browser and not valgrind"; status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; fi; exit $$status

lint: $(VENV)/.dev-deps  ## check formatting and lint
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

format: $(VENV)/.dev-deps  ## format the code
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# pip-tools is installed from its own lock, with hashes, in a venv of its own.
$(VENV)-lock/.lock-deps: requirements-lock.txt
	rm -rf $(VENV)-lock
	python3 -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet --require-hashes --no-deps -r requirements-lock.txt
	touch $@

lock: $(VENV)-lock/.lock-deps  ## regenerate requirements*.txt from requirements*.in, with hashes
	for name in requirements requirements-dev requirements-lock; do \
	  $(VENV)-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links -o $$name.txt $$name.in || exit 1; done

# Also the staging folders of interrupted builds (scripts/build_site.py deletes them too).
clean:
	rm -rf $(SITE_DIR) $(dir $(SITE_DIR)).$(notdir $(SITE_DIR))-staging* .pytest_cache
