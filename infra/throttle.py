"""Rate limits for our own views, counted on the shared cache by django-ratelimit.

allauth keeps its limiter for its own views: the public helper reads only ACCOUNT_RATE_LIMITS,
never counts GET requests (search is GET), and its docstring plans its deprecation. django-ratelimit's
`get_usage` takes any rate and key and tells how long the window has left, which becomes the
Retry-After header; it counts with the cache's atomic `add` and `incr`.

When the cache cannot count (Redis down: see config/cache.py) `get_usage` answers None, as
RATELIMIT_FAIL_OPEN asks, and each caller decides with `fail_open` whether that lets the action
through or refuses it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.http import HttpRequest
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refusal:
    """Why a request must wait: `retry_after` seconds, or None when the cache could not count."""

    retry_after: int | None


def throttle(request: HttpRequest, *, group: str, rate: str, key: str | Callable, fail_open: bool) -> Refusal | None:
    """Return a refusal when this request is over `rate` for `key`, else None; the attempt is counted.

    `rate` and `key` are django-ratelimit's ("20/h", "ip", or a callable of (group, request)).
    """
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage is None:
        if fail_open:
            return None
        logger.warning("rate limit not counted: cache unavailable; refusing", extra={"group": group})
        return Refusal(retry_after=None)
    if usage["should_limit"]:
        logger.info("rate limit reached", extra={"group": group, "rate": rate})
        return Refusal(retry_after=max(usage["time_left"], 1))
    return None


def client_ip(request: HttpRequest) -> str:
    """Return the client's address as allauth's login limits see it (ALLAUTH_TRUSTED_PROXY_COUNT)."""
    # One notion of "the client" for every limit: behind a proxy REMOTE_ADDR is the proxy itself,
    # and all visitors would share one allowance.
    return get_adapter(request).get_client_ip(request)
