"""A Redis cache whose outage is not a site outage.

Django's RedisCache raises when Redis is unreachable, and Wagtail reads the cache on every page
(the site root paths), so one Redis failure would answer 500 everywhere, logins included. Here an
unreachable Redis reads as an empty cache and drops writes: pages fall back to the database and are
slower, nothing more. `add` answers False, "someone holds this already", which is the safe side for
the two guards built on it: allauth's login rate limits take a lock with `add` (no lock: the attempt
is refused with 429) and TOTP codes are marked used with `add` (not marked: the code is refused), so
an outage refuses sign-ins rather than letting unlimited guesses or replayed codes through.

After a failure the cache is not asked again for `RETRY_AFTER` seconds, so a page that reads it
twenty times waits for one timeout, not twenty.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # A Redis that does not answer (a dropped packet, not a refused connection) must not hang a page.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._down_until = 0.0

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _attempt(self, fallback, method, *args):
        """Return `method(*args)`, or `fallback` while Redis cannot be reached."""
        if self.is_down:
            return fallback
        try:
            return method(*args)
        except UNREACHABLE as error:
            if not self.is_down:
                logger.warning("cache unreachable; serving without it for %ss: %s", RETRY_AFTER, error)
            self._down_until = time.monotonic() + RETRY_AFTER
            return fallback

    # Reads: an unreachable cache has nothing in it.
    def get(self, key, default=None, version=None):
        return self._attempt(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(False, super().has_key, key, version)

    # Writes: dropped (the value is simply not cached).
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt([], super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._attempt(None, super().delete_many, keys, version)

    def clear(self):
        return self._attempt(False, super().clear)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._attempt(missing, super().incr, key, delta, version)
        if value is missing:
            raise ValueError(f"Key '{key}' not found")  # what callers already handle for a missing key
        return value

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # "Already there": the refusing answer for locks and one-time codes (see the module docstring).
        return self._attempt(False, super().add, key, value, timeout, version)
