"""Celery tasks of the outbox and digests: thin, id-taking, safe to run twice.

acks_late + reject_on_worker_lost put a task back on the queue when its worker dies; the outbox
claim makes running it again harmless, and the sweeper re-queues whatever a lost task left behind.
"""

import logging

from celery import group, shared_task
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from notifications import delivery as outbox
from notifications import digests, reminders
from notifications.models import Delivery

logger = logging.getLogger(__name__)

TASK_OPTIONS = {"acks_late": True, "reject_on_worker_lost": True}
# Publishing gives up quickly when the broker is down: the sweeper queues what was not published.
PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


def _batches(ids: list[int], size: int) -> list[list[int]]:
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def enqueue_deliveries(ids: list[int]) -> None:
    """Queue deliveries in batches (one task and one SMTP connection per batch).

    When the broker is down nothing is lost: the rows stay unqueued and the sweeper queues them.
    """
    if not ids:
        return
    batches = _batches(list(ids), settings.NOTIFICATIONS_BATCH_SIZE)
    try:
        if len(batches) == 1:
            deliveries_send.apply_async((batches[0],), retry=True, retry_policy=PUBLISH_RETRY_POLICY)
        else:
            group(deliveries_send.s(batch) for batch in batches).apply_async(
                retry=True, retry_policy=PUBLISH_RETRY_POLICY
            )
    except Exception as error:  # noqa: BLE001 - a notification must never fail its event because a queue is down
        logger.warning("e-mail not queued; the sweeper will catch up", extra={"count": len(ids), "error": str(error)})
        return
    Delivery.objects.filter(pk__in=ids).update(enqueued_at=timezone.now())


@shared_task(bind=True, max_retries=None, **TASK_OPTIONS)
def delivery_send(self, delivery_id: int) -> str:
    """Send one delivery; a temporary SMTP failure retries it with back-off."""
    outcome = outbox.delivery_send(delivery_id=delivery_id)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.status


@shared_task(
    bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5, **TASK_OPTIONS
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
