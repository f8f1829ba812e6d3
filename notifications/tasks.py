"""Celery tasks of the outbox and digests: thin, id-taking, safe to run twice.

acks_late + reject_on_worker_lost put a task back on the queue when its worker dies; the outbox
claim makes running it again harmless, and the sweeper re-queues whatever a lost task left behind.
"""

import logging

from celery import shared_task
from django.db import DatabaseError

from notifications import delivery as outbox
from notifications import digests, reminders
from notifications.queueing import DELIVERIES_SEND, enqueue_deliveries

logger = logging.getLogger(__name__)

TASK_OPTIONS = {"acks_late": True, "reject_on_worker_lost": True}


@shared_task(bind=True, max_retries=None, **TASK_OPTIONS)
def delivery_send(self, delivery_id: int) -> str:
    """Send one delivery; a temporary SMTP failure retries it with back-off."""
    outcome = outbox.delivery_send(delivery_id=delivery_id)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.status


@shared_task(
    bind=True, name=DELIVERIES_SEND, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5, **TASK_OPTIONS
)  # fmt: skip
def deliveries_send(self, delivery_ids: list[int]) -> dict[str, int]:
    """Send a batch of deliveries over one SMTP connection; return how many ended how."""
    counts: dict[str, int] = {}
    connection = outbox.open_connection()
    try:
        for delivery_id, outcome in outbox.deliveries_send_batch(delivery_ids=delivery_ids, connection=connection):
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            if outcome.retry_in is not None:
                delivery_send.apply_async((delivery_id,), countdown=outcome.retry_in)
    finally:
        connection.close()
    logger.info("deliveries sent", extra={"counts": counts})
    return counts


@shared_task(bind=True, **TASK_OPTIONS)
def digests_plan(self) -> int:
    """Queue today's digests (django-celery-beat runs this daily); return how many were queued."""
    ids = digests.digests_plan()
    enqueue_deliveries(ids)
    return len(ids)


@shared_task(bind=True, **TASK_OPTIONS)
def deliveries_sweep(self) -> int:
    """Re-queue deliveries that are due but no task holds (lost task, dead worker, quiet day over)."""
    ids = outbox.deliveries_due()
    enqueue_deliveries(ids)
    if ids:
        logger.warning("sweeper re-queued deliveries", extra={"count": len(ids)})
    return len(ids)


@shared_task(bind=True, **TASK_OPTIONS)
def program_reminders_send(self) -> int:
    """Remind people of saved programs closing within three days (once per person and program)."""
    return reminders.program_reminders_create()
