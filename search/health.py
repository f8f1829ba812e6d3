"""The search engine's part of /healthz (config/health.py)."""

from search.backends import get_search_backend


def check_search() -> dict:
    """Return the search engine's state: its name, whether it answers, how many documents it holds."""
    backend = get_search_backend()
    return {"backend": backend.name, **backend.check()}
