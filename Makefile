# Helix: `make run` serves the portal with demo data; `make test` runs lint and every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint format migrate messages browser clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

run: migrate
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py search_rebuild
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Translations are committed compiled (.mo), as Django does; run this after editing a .po file.
messages: install
	$(BIN)/python manage.py makemessages --locale vi --ignore '.venv/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --locale vi --ignore '.venv/*'

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

test: lint browser
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "Tests run on PostgreSQL at $(PG_URL)"; \
		export DATABASE_URL="$(PG_URL)/helix"; \
	else \
		echo "WARNING: no PostgreSQL answers at $(PG_URL); falling back to SQLite"; \
		unset DATABASE_URL; \
	fi; \
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles helix.sqlite3
