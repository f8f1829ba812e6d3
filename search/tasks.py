"""Celery tasks of the search index: thin wrappers around `search.services`, safe to run twice."""

from celery import shared_task
from django.db import DatabaseError

from search import services
from search.backends import SearchUnavailable

# An engine or database that is down comes back; until it does, retries back off (and the sweeper waits).
RETRY_ON = (SearchUnavailable, DatabaseError, ConnectionError)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=RETRY_ON,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def search_index_changes(self, changes: dict[str, list[int]]) -> dict[str, int]:
    """Re-index the documents affected by the changed rows ("app.model" → ids)."""
    return services.search_changes_index(changes=changes).as_dict()


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=RETRY_ON,
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=3,
)
def search_sweep(self) -> dict[str, int]:
    """Index whatever changed since it was last indexed (django-celery-beat runs this every 5 minutes)."""
    return services.search_index_sweep().as_dict()
