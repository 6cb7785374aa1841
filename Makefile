# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

.PHONY: install run edge test lint format demo check-html test-e2e bench bench-quick fuzz

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# `make run` behind Varnish (deploy/varnish/default.vcl) on 127.0.0.1:8080, purged by key.
edge: install
	scripts/edge.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# SQLite always; PostgreSQL too when DATABASE_URL is set (as .ci/run does).
test: lint
	env -u DATABASE_URL $(BIN)/python manage.py makemigrations --check --dry-run
	env -u DATABASE_URL $(BIN)/pytest
	if [ -n "$$DATABASE_URL" ]; then $(BIN)/pytest; fi

# Generated input (hypothesis) against every public address, form and importer, at length:
# the tests marked "fuzz", with a few hundred examples each (`make test` runs a few dozen).
fuzz: install
	env -u DATABASE_URL HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -m fuzz --hypothesis-show-statistics

# Browser checks (not part of `test`): they need Java, npm and Debian's chromium
# (`apt-get install chromium`; .ci/run installs it when missing).
E2E_STAMP := $(VENV)/.e2e-installed-$(shell cat requirements-e2e.txt | cksum | cut -d' ' -f1)
NPM_STAMP := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)

$(E2E_STAMP): $(STAMP) requirements-e2e.txt
	$(BIN)/python -m pip install -q -r requirements-e2e.txt
	rm -f $(VENV)/.e2e-installed-* && touch $@

# vnu-jar ships its jar; its install script would fetch a Java runtime: the system Java is used.
$(NPM_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Every kind of public page of the demo newsroom: Nu HTML Checker and axe-core.
check-html: $(E2E_STAMP) $(NPM_STAMP)
	env -u DATABASE_URL $(BIN)/python scripts/check_html.py

# Journeys in Chromium from a fresh database: SQLite, and PostgreSQL when DATABASE_URL is set.
test-e2e: $(E2E_STAMP) $(NPM_STAMP)
	env -u DATABASE_URL $(BIN)/pytest e2e
	if [ -n "$$DATABASE_URL" ]; then $(BIN)/pytest e2e; fi

# Load tests with wrk (installed with apt-get when missing): benchmarks/results.md.
# Not part of `test`. BENCH_ARGS=--reuse keeps the databases built by an earlier run.
bench: install
	$(BIN)/python -m benchmarks.run --scale $(BENCH_ARGS)

bench-quick: install
	$(BIN)/python -m benchmarks.run --articles 300 --comments 6000 --contributors 50 \
		--scale --scale-sizes 100,1000 --duration 3 --warmup 1 --reference 1 \
		--output benchmarks/out/results-quick.md $(BENCH_ARGS)
