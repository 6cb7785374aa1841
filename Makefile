# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

.PHONY: install run test lint format demo check-html bench bench-quick

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

# Every kind of public page through the Nu HTML Checker (needs Java and npm; not part of `test`).
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	npm install --no-save --no-package-lock vnu-jar@26.9.27

check-html: install $(VNU_JAR)
	env -u DATABASE_URL $(BIN)/python scripts/check_html.py

# Load tests with wrk (installed with apt-get when missing): benchmarks/results.md.
# Not part of `test`. BENCH_ARGS=--reuse keeps the databases built by an earlier run.
bench: install
	$(BIN)/python -m benchmarks.run --scale $(BENCH_ARGS)

bench-quick: install
	$(BIN)/python -m benchmarks.run --articles 300 --comments 6000 --contributors 50 \
		--scale --scale-sizes 100,1000 --duration 3 --warmup 1 --reference 1 \
		--output benchmarks/out/results-quick.md $(BENCH_ARGS)
