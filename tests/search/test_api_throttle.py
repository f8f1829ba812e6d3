"""Searches are rate-limited per client address on the shared cache: the JSON API answers 429 with
Retry-After, the page answers the bilingual "please wait" page, and while the cache is down search
keeps working (it is public and read-only).

The cache is a real redis-server (the resilient cache production uses).
"""

from datetime import UTC, datetime

import pytest
import redis
import time_machine
from django.urls import reverse

from tests.redis_server import needs_redis_server, redis_as_cache

pytestmark = [pytest.mark.django_db, needs_redis_server]

API = reverse("search_api:search")
SUGGEST = reverse("search_api:suggest")
SCRAPER, NEIGHBOUR = "203.0.113.7", "198.51.100.20"


@pytest.fixture(autouse=True)
def one_window():
    """django-ratelimit counts in fixed windows of the clock (a minute for "2/m"): the clock is held
    mid-minute, so a test's requests never straddle two windows and find their allowance renewed."""
    with time_machine.travel(datetime(2026, 12, 5, 9, 0, 30, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def redis_cache(settings, monkeypatch):
    with redis_as_cache(settings, monkeypatch) as server:
        yield server


def search(client, address, url=API):
    return client.get(url, {"q": "nong nghiep"}, REMOTE_ADDR=address)


def test_past_the_limit_the_api_answers_429_with_retry_after_and_other_addresses_still_search(
    client, redis_cache, settings
):
    settings.SEARCH_RATE_LIMIT = "3/m"

    answered = [search(client, SCRAPER).status_code for _ in range(3)]
    refused = search(client, SCRAPER)

    assert answered == [200, 200, 200]
    assert refused.status_code == 429
    assert refused.json()["error"] == "rate_limited" and refused.json()["message"]
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "no-store" in refused["Cache-Control"]
    assert search(client, NEIGHBOUR).status_code == 200
    # The counters are in the shared Redis, so every worker process sees the same allowance.
    assert redis.Redis(port=redis_cache.port).keys("*rl:*")


def test_the_page_shares_the_allowance_and_answers_the_please_wait_page(client, redis_cache, settings):
    settings.SEARCH_RATE_LIMIT = "2/m"
    search(client, SCRAPER)
    assert search(client, SCRAPER, url="/search/").status_code == 200

    refused = search(client, SCRAPER, url="/search/")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Vui lòng chờ một chút" in refused.content.decode()


def test_suggestions_have_their_own_limit_and_a_refusal_is_never_cached_publicly(client, redis_cache, settings):
    settings.SEARCH_SUGGEST_RATE_LIMIT = "2/m"
    answered = [search(client, SCRAPER, url=SUGGEST) for _ in range(2)]

    refused = search(client, SCRAPER, url=SUGGEST)

    assert [response.status_code for response in answered] == [200, 200]
    assert "public" in answered[0]["Cache-Control"]
    assert refused.status_code == 429 and refused.json() == {"suggestions": [], "error": "rate_limited"}
    assert "public" not in refused["Cache-Control"] and int(refused["Retry-After"]) > 0
    assert search(client, SCRAPER).status_code == 200  # searching itself is still allowed


def test_while_the_cache_is_down_search_keeps_answering(client, redis_cache, settings):
    settings.SEARCH_RATE_LIMIT = "1/m"
    redis_cache.stop()

    assert [search(client, SCRAPER).status_code for _ in range(3)] == [200, 200, 200]
    assert search(client, SCRAPER, url="/search/").status_code == 200


def test_behind_a_trusted_proxy_each_visitor_has_an_allowance_of_their_own(client, redis_cache, settings):
    settings.SEARCH_RATE_LIMIT = "1/m"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"

    def through_proxy(visitor):
        return client.get(API, {"q": "nong nghiep"}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=visitor)

    assert through_proxy(SCRAPER).status_code == 200
    assert through_proxy(SCRAPER).status_code == 429
    assert through_proxy(NEIGHBOUR).status_code == 200
