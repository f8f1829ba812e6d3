"""A Redis cache outage is not a site outage: pages answer (slower), sign-in refuses clearly, health says so.

A real redis-server on a port of its own is started, used, then stopped mid-test.
"""

import pytest
from django.contrib.auth import get_user
from django.core.cache import cache
from django.urls import reverse

from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from tests.redis_server import needs_redis_server, redis_as_cache

pytestmark = [pytest.mark.django_db, needs_redis_server]


@pytest.fixture
def redis_cache(settings, monkeypatch):
    with redis_as_cache(settings, monkeypatch) as server:
        yield server


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
