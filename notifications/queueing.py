"""Queueing deliveries for sending: in batches, one task and one SMTP connection per batch.

Services that create deliveries queue them here when their transaction commits; the task that
sends them (`notifications.tasks.deliveries_send`) is named, not imported, so the outbox's
services never depend on the tasks that run them.
"""

import logging

from celery import group
from django.conf import settings
from django.utils import timezone

from infra.celery_app import app as celery_app
from notifications.models import Delivery

logger = logging.getLogger(__name__)

DELIVERIES_SEND = "notifications.tasks.deliveries_send"
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
            celery_app.signature(DELIVERIES_SEND, args=(batches[0],)).apply_async(
                retry=True, retry_policy=PUBLISH_RETRY_POLICY
            )
        else:
            signatures = [celery_app.signature(DELIVERIES_SEND, args=(batch,)) for batch in batches]
            group(signatures, app=celery_app).apply_async(retry=True, retry_policy=PUBLISH_RETRY_POLICY)
    except Exception as error:  # noqa: BLE001 - a notification must never fail its event because a queue is down
        logger.warning("e-mail not queued; the sweeper will catch up", extra={"count": len(ids), "error": str(error)})
        return
    Delivery.objects.filter(pk__in=ids).update(enqueued_at=timezone.now())
