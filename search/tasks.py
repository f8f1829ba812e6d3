"""Celery tasks of the search index: thin wrappers around `search.services`, safe to run twice; and
the queue that sends the changes of a transaction to be indexed when it commits."""

import logging
from collections.abc import Iterable

from celery import shared_task
from django.db import DatabaseError

from infra.celery_app import app as celery_app
from infra.commit_buffer import CommitBuffer
from search import services
from search.backends import SearchUnavailable

# An engine or database that is down comes back; until it does, retries back off (and the sweeper waits).
RETRY_ON = (SearchUnavailable, DatabaseError, ConnectionError)
# A request's indexing is queued once; if the broker is down the sweeper catches up, so don't wait long.
PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}

logger = logging.getLogger(__name__)


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


# -- Queueing on commit --------------------------------------------------------------------------


def _send(pending: dict[str, set[int]]) -> None:
    # Helix's own app, not Celery's "current app", which any Celery() created later (a client) would replace.
    task = celery_app.tasks[search_index_changes.name]
    batches = [{label: chunk} for label, ids in pending.items() for chunk in services.chunks(ids)]
    for changes in batches:
        try:
            task.apply_async(kwargs={"changes": changes}, retry=True, retry_policy=PUBLISH_RETRY_POLICY)
        except Exception as exc:  # noqa: BLE001 - a save must never fail because its indexing could not be queued
            logger.warning(
                "search indexing not queued; the sweeper will catch up",
                extra={"changes": {label: len(ids) for label, ids in changes.items()}, "error": repr(exc)},
            )


_buffer = CommitBuffer("search", _send)


def search_index_enqueue(*, changes: dict[str, Iterable[int]]) -> None:
    """Queue re-indexing of the changed rows for when the current transaction commits."""
    _buffer.add(changes)
