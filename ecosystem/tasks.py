"""Periodic work on ecosystem content."""

import logging

from celery import shared_task
from django.core.management import call_command

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def programs_publish_scheduled() -> None:
    """Publish programs whose go-live time has come and unpublish those whose call has closed.

    Wagtail's `publish_scheduled` does both and is idempotent, so a retried or doubled tick is harmless.
    """
    call_command("publish_scheduled")
    logger.info("scheduled publishing done")
