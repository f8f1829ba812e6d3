"""Schedule the search sweeper every five minutes with django-celery-beat (editable in the Django admin)."""

from django.db import migrations

SWEEPER_NAME = "search: re-index what changed"
SWEEPER_TASK = "search.tasks.search_sweep"


def schedule_sweeper(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_five_minutes, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.update_or_create(
        name=SWEEPER_NAME,
        defaults={
            "task": SWEEPER_TASK,
            "interval": every_five_minutes,
            "enabled": True,
            # A sweep that waited longer than the next one is worth nothing: drop it.
            "expire_seconds": 5 * 60,
            "description": "Indexes documents changed since they were last indexed, so nothing is lost "
            "while the broker or the search engine is down.",
        },
    )


def unschedule_sweeper(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=SWEEPER_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule_sweeper, unschedule_sweeper)]
