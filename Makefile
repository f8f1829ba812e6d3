# Helix: `make run` serves the portal with demo data; `make test` runs lint and every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint format migrate messages browser clean serve audit outdated

$(STAMP): requirements.txt requirements-dev.txt
	@echo "==> Creating .venv and installing the pinned requirements (the first time takes about a minute)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --progress-bar on -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	@echo "==> Bringing the database up to date"
	$(BIN)/python manage.py migrate --noinput

# Links in e-mails and digests point where `make run` serves, unless SITE_URL is set in the environment.
RUN_ENV = SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"

run: migrate
	@echo "==> Loading the demo content"
	$(RUN_ENV) $(BIN)/python manage.py seed_demo
	@echo "==> Building the search index"
	$(RUN_ENV) $(BIN)/python manage.py search_rebuild
	@echo "==> Computing everyone's matches"
	$(RUN_ENV) $(BIN)/python manage.py matches_rebuild
	@$(RUN_ENV) $(BIN)/python manage.py demo_logins
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Style, the layers (import-linter contracts in pyproject.toml), then the types (mypy, same file).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Translations are committed compiled (.mo), as Django does; run this after editing a .po file.
messages: install
	$(BIN)/python manage.py makemessages --locale vi --ignore '.venv/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --locale vi --ignore '.venv/*'

# Known vulnerabilities in everything .venv holds, from PyPI's advisory data (needs pypi.org);
# --strict fails when a package could not be checked, so an audit that could not look is not a pass.
audit: install
	$(BIN)/pip-audit --strict --progress-spinner off

# Installed packages with a newer release on the configured package index: candidates for a pin bump.
outdated: install
	$(BIN)/pip list --outdated

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

# A production-like stack on this machine: gunicorn, a Celery worker and beat (django-celery-beat's
# database scheduler) on PostgreSQL and Redis, with production settings. Every variable may be set
# in the environment; SECRET_KEY is generated for the session when unset. Ctrl-C stops all three.
SERVE_DATABASE_URL ?= $(PG_URL)/helix
SERVE_BROKER_URL ?= redis://127.0.0.1:6379/0
SERVE_WORKERS ?= 2
serve: install
	@set -euo pipefail; \
	export DJANGO_SETTINGS_MODULE=config.settings.production; \
	export DATABASE_URL="$${DATABASE_URL:-$(SERVE_DATABASE_URL)}"; \
	export CELERY_BROKER_URL="$${CELERY_BROKER_URL:-$(SERVE_BROKER_URL)}"; \
	export CELERY_RESULT_BACKEND="$${CELERY_RESULT_BACKEND:-redis://127.0.0.1:6379/2}"; \
	export CACHE_URL="$${CACHE_URL:-redis://127.0.0.1:6379/1}"; \
	export EMAIL_URL="$${EMAIL_URL:-consolemail://}"; \
	export SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"; \
	export ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost}"; \
	export SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-False}"; \
	export SECURE_HSTS_SECONDS="$${SECURE_HSTS_SECONDS:-0}"; \
	export SECRET_KEY="$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}"; \
	$(BIN)/python -c "import os, psycopg; url = os.environ['DATABASE_URL']; base, name = url.rsplit('/', 1); \
	c = psycopg.connect(base + '/postgres', autocommit=True, connect_timeout=3); \
	c.execute(f'CREATE DATABASE \"{name}\"') if not c.execute('SELECT 1 FROM pg_database WHERE datname = %s', [name]).fetchone() else None"; \
	$(BIN)/python manage.py migrate --noinput; \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0; \
	echo "Serving on $$SITE_URL: gunicorn, Celery worker and beat (broker $$CELERY_BROKER_URL, database $$DATABASE_URL)"; \
	$(BIN)/celery -A config worker -l info --concurrency $(SERVE_WORKERS) & worker=$$!; \
	$(BIN)/celery -A config beat -l info & beat=$$!; \
	$(BIN)/gunicorn config.wsgi:application --bind $(HOST):$(PORT) --workers $(SERVE_WORKERS) --access-logfile - & web=$$!; \
	trap 'kill $$web $$worker $$beat 2>/dev/null; wait' EXIT INT TERM; \
	wait -n $$web $$worker $$beat

clean:
	rm -rf $(VENV) staticfiles helix.sqlite3
