"""Celery tasks of introductions: thin wrappers around `matching.services.introductions`, safe to run twice.

Kept apart from `matching/tasks.py` (the recompute's); the worker loads this module through
CELERY_IMPORTS (config/settings/matching.py).
"""

from celery import shared_task
from django.db import DatabaseError

from matching.services import introductions as services


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(DatabaseError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def introductions_expire(self) -> int:
    """Expire unanswered introduction requests and tell their requesters (django-celery-beat runs this hourly)."""
    return services.introductions_expire()
