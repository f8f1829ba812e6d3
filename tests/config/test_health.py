"""GET /healthz reports the database, cache and broker; 200 when all are up, 503 otherwise.
GET /livez says only that the process answers, whatever the services do."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/15"
RABBITMQ = "amqp://guest:guest@127.0.0.1:5672//"
NOBODY_LISTENS = "127.0.0.1:9"  # the discard port: closed on this machine


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS}}


def use_broker(settings, url):
    settings.CELERY_BROKER_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False


TOKEN = "monitor-token-from-the-environment"


@pytest.fixture(autouse=True)
def _monitor_token(settings):
    settings.HEALTHZ_TOKEN = TOKEN


def details(client):
    return client.get("/healthz", headers={"Authorization": f"Bearer {TOKEN}"})


def test_embedded_default_is_healthy(client):
    response = details(client)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["broker"] == {"ok": True, "mode": "in-process"}


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", f"Basic {TOKEN}x"])
def test_the_public_reads_up_or_down_and_no_details(client, settings, authorization):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{NOBODY_LISTENS}/0",
        }
    }
    headers = {"Authorization": authorization} if authorization else {}

    response = client.get("/healthz", headers=headers)

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": {"ok": True},
        "cache": {"ok": False},
        "broker": {"ok": True},
        "search": {"ok": True},
    }  # no vendor, transport or error name: they tell an attacker what runs where


@pytest.mark.parametrize("broker", [REDIS, RABBITMQ], ids=["redis", "rabbitmq"])
def test_real_services_up(client, settings, redis_cache, broker):
    use_broker(settings, broker)
    response = details(client)
    assert response.status_code == 200, response.content
    checks = response.json()["checks"]
    assert checks["cache"]["ok"] and checks["broker"]["ok"] and checks["database"]["ok"]
    assert checks["database"]["vendor"] == connection.vendor
    assert checks["broker"]["transport"] == broker.split(":", 1)[0]


def test_broker_down(client, settings, redis_cache):
    use_broker(settings, f"redis://{NOBODY_LISTENS}/0")
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_cache_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{NOBODY_LISTENS}/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["ok"] is False


def test_database_down():
    # A fresh process whose database is unreachable: the check must answer 503, not crash, and the
    # process is still alive (a process manager must not restart it for the database's sake).
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz'); alive = Client().get('/livez');"
        "print(json.dumps({'status': r.status_code, 'body': r.json(),"
        " 'alive': [alive.status_code, alive.content.decode()]}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://postgres@{NOBODY_LISTENS}/helix",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["body"]["checks"]["database"]["ok"] is False
    assert outcome["body"]["checks"]["cache"]["ok"] is True
    assert outcome["alive"] == [200, "ok"]
