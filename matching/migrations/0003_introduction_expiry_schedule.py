"""Expire unanswered introduction requests every hour with django-celery-beat (editable in the Django admin)."""

from django.db import migrations

from infra.beat import beat_schedules

TASKS = {
    "matching: expire unanswered introductions": {
        "task": "matching.tasks_introductions.introductions_expire",
        "every": (1, "hours"),
        # The next run does the same work: a run that waited an hour is worth nothing.
        "expire_seconds": 60 * 60,
        "description": "Marks introduction requests nobody answered in time as expired and tells the "
        "people who asked (MATCHING_INTRODUCTION_EXPIRY_DAYS).",
    }
}


class Migration(migrations.Migration):
    dependencies = [("matching", "0002_refit_and_sweeper_schedule"), ("django_celery_beat", "0019_alter_periodictasks_options")]

    operations = [beat_schedules(TASKS)]
