"""The search backend loader: `get_search_backend()` returns the engine configured in SEARCH_BACKENDS.

    SEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database", "OPTIONS": {...}}}

Each backend module exports `SearchBackend`. Instances are kept per alias and dropped whenever
the setting changes (tests), so configuration mistakes surface on first use, loudly.
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from search.backends.base import BaseSearchBackend, DocumentKey, SearchUnavailable

_backends: dict[str, BaseSearchBackend] = {}


def load_backend(alias: str = "default") -> BaseSearchBackend:
    """Return a new backend for this alias of SEARCH_BACKENDS."""
    try:
        config = settings.SEARCH_BACKENDS[alias]
    except KeyError:
        raise ImproperlyConfigured(f"SEARCH_BACKENDS has no {alias!r} entry") from None
    path = config.get("BACKEND")
    try:
        module = import_module(path)
        backend_class = module.SearchBackend
    except (ImportError, AttributeError, TypeError) as exc:
        raise ImproperlyConfigured(f"SEARCH_BACKENDS[{alias!r}]: {path!r} is not a search backend module") from exc
    return backend_class(alias, **config.get("OPTIONS", {}))


def get_search_backend(alias: str = "default") -> BaseSearchBackend:
    """Return the configured search backend (one instance per alias and process)."""
    if alias not in _backends:
        _backends[alias] = load_backend(alias)
    return _backends[alias]


@receiver(setting_changed)
def _forget_backends(*, setting, **kwargs):
    if setting in ("SEARCH_BACKENDS", "DATABASES"):
        _backends.clear()


__all__ = ["BaseSearchBackend", "DocumentKey", "SearchUnavailable", "get_search_backend", "load_backend"]
