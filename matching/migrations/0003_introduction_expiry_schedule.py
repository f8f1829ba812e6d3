"""Expire unanswered introduction requests every hour with django-celery-beat (editable in the Django admin)."""

from django.db import migrations

EXPIRY_NAME = "matching: expire unanswered introductions"
EXPIRY_TASK = "matching.tasks_introductions.introductions_expire"


def schedule_expiry(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_hour, _ = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    PeriodicTask.objects.update_or_create(
        name=EXPIRY_NAME,
        defaults={
            "task": EXPIRY_TASK,
            "interval": every_hour,
            "enabled": True,
            # The next run does the same work: a run that waited an hour is worth nothing.
            "expire_seconds": 60 * 60,
            "description": "Marks introduction requests nobody answered in time as expired and tells the "
            "people who asked (MATCHING_INTRODUCTION_EXPIRY_DAYS).",
        },
    )


def unschedule_expiry(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=EXPIRY_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_refit_and_sweeper_schedule"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule_expiry, unschedule_expiry)]
