"""A Redis cache outage is not a site outage: pages answer (slower), sign-in refuses clearly, health says so.

A real redis-server on a port of its own is started, used, then stopped mid-test.
"""

import shutil
import socket
import subprocess
import time

import pytest
from django.contrib.auth import get_user
from django.core.cache import cache
from django.urls import reverse

from config import cache as resilient
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from tests.smtp import free_port

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs Debian's redis-server"),
]


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_cache(settings, monkeypatch):
    server = RedisServer()
    server.start()
    monkeypatch.setattr(resilient, "RETRY_AFTER", 0.0)  # ask Redis again at once: the test restarts it
    settings.CACHES = {
        "default": {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": f"redis://127.0.0.1:{server.port}/0"}
    }
    yield server
    if server.process.poll() is None:
        server.stop()


PUBLIC_PAGES = [
    "/",
    "/en/",
    reverse("ecosystem:organisation_list"),
    reverse("ecosystem:program_list"),
    "/search/?q=nong+nghiep",
]


def test_public_pages_answer_while_the_cache_is_down(client, redis_cache):
    cache.set("probe", "up")
    assert cache.get("probe") == "up"  # the site really uses this Redis
    answered_with_cache = {url: client.get(url).status_code for url in PUBLIC_PAGES}

    redis_cache.stop()

    assert {url: client.get(url).status_code for url in PUBLIC_PAGES} == answered_with_cache
    assert set(answered_with_cache.values()) == {200}
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json()["checks"]["cache"]["ok"] is False


def test_sign_in_is_refused_with_a_clear_message_while_the_cache_is_down_then_works_again(client, redis_cache):
    person = UserFactory()
    redis_cache.stop()

    refused = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})

    assert refused.status_code == 429
    assert "thử lại sau ít phút" in refused.content.decode()
    assert not get_user(client).is_authenticated  # no unlimited guessing while the counters are gone

    redis_cache.start()
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert get_user(client).is_authenticated
