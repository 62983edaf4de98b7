# cme-credits: `make run` starts the whole system locally, `make test` runs every check.
SHELL := /bin/bash
# Lambda runs python3.12; chalice packages for the Python it runs under, so prefer 3.12 everywhere.
PYENV_PYTHONS := $(wildcard $(or $(PYENV_ROOT),$(HOME)/.pyenv)/versions/3.12*/bin/python3.12)
PYTHON ?= $(shell for p in $(PYENV_PYTHONS) python3.12 python3; do \
	$$p -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
PIP_FLAGS ?= --disable-pip-version-check --no-input
CHROMIUM := /usr/bin/chromium

.PHONY: run reset test lint test-python test-web test-browser package bench bench-scale load web fonts lock clean

## The Python environment: requirements-dev.txt locks all of it (runtime, render and dev) with hashes; pip refuses
## any file whose hash the lock lacks. `make lock` (scripts/lock.sh, uv) rewrites the locks from requirements*.in.
$(VENV)/.installed: requirements.txt requirements-render.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q $(PIP_FLAGS) --require-hashes -r requirements-dev.txt
	touch $@

lock:
	PYTHON=$(PYTHON) bash scripts/lock.sh

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

web/dist/index.html: web/node_modules/.installed $(shell find web/src web/m web/public -type f 2>/dev/null) web/index.html web/vite.config.ts
	cd web && npm run build --silent

web: web/dist/index.html

## fonts: the PDF fonts in chalicelib/fonts/ (Noto Sans SC/HK/JP from fonts/package-lock.json, subset by
## scripts/build_fonts.py with fontTools); build output, packaged as the fonts layer (/opt/fonts on Lambda)
FONTS := chalicelib/fonts/fonts.json

fonts/node_modules/.installed: fonts/package.json fonts/package-lock.json
	cd fonts && npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
	touch $@

$(FONTS): fonts/node_modules/.installed scripts/build_fonts.py | $(VENV)/.installed
	$(PY) scripts/build_fonts.py

fonts: $(FONTS)

## run: API, console (/), phone pages (/m/), local AWS (moto) and demo data on http://127.0.0.1:8000
## (`make run LAN=1`: on this machine's LAN address instead, for a real phone; `LAN_ADDRESS=…` picks the address)
run: $(VENV)/.installed web $(FONTS)
	$(PY) -m localdev.run

## reset: wipe the local system's data (.local/)
reset:
	rm -rf .local

## test: lint, web unit tests and build, package check, then every Python test (unit, API, schemathesis,
## infra, browser) in one pytest run; test-python needs the package (the deployment rehearsal deploys it)
test: lint test-web package test-python

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check chalicelib localdev app.py tests scripts benchmarks
	$(VENV)/bin/mypy

test-python: $(VENV)/.installed web $(FONTS) $(CHROMIUM) package
	$(VENV)/bin/pytest -q tests

test-web: web/node_modules/.installed
	cd web && npm test --silent

$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests"
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi

test-browser: $(VENV)/.installed web $(FONTS) $(CHROMIUM)
	$(VENV)/bin/pytest -q tests/browser

## package: the API of each stage of PACKAGE_STAGES (code zip by chalice package with the merge template; the layers,
## dependencies from the locks and the fonts, built once), both web templates (build/package/web-cn.json for the China
## regions, web.json for the global partition), cfn-lint of every template for its regions, Lambda bundle checks
## (infra/check_bundle.py: sizes with 20 MB headroom, wheels, locks). Stage dev in build/package/, prod in
## build/package/prod/; each API template deploys in a China or a global region.
PACKAGE_STAGES ?= dev prod
package: $(VENV)/.installed $(FONTS)
	VENV=$(VENV) bash scripts/package.sh $(PACKAGE_STAGES)

## bench: performance measurements (not pass/fail tests)
bench: $(VENV)/.installed $(FONTS)
	$(PY) -m benchmarks.api
	$(PY) -m benchmarks.rendering

## bench-scale: province-scale figures of issue #13 (moto in-process; one `scale:` line per figure, then PASS/MISS);
## BENCH_SCALE_SIZES="100,1000;2000,10000" (sessions; attendees) chooses the sizes. Not part of `make test`.
bench-scale: $(VENV)/.installed $(FONTS)
	$(PY) -m benchmarks.scale

## load: 2,000 attendees sign in and out concurrently against a running `make run`
## (LOAD_ARGS="--url http://127.0.0.1:8000 --attendees 2000 --concurrency 50")
load: $(VENV)/.installed
	$(PY) -m benchmarks.load_attendance $(LOAD_ARGS)

clean:
	rm -rf build web/dist chalicelib/fonts
