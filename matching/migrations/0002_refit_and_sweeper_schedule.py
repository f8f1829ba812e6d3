"""Schedule the nightly refit and the five-minute sweeper with django-celery-beat (editable in the admin)."""

from django.db import migrations

TASKS = {
    "matching: refit and recompute every match": {
        "task": "matching.tasks.matches_refit",
        "crontab": {"minute": "30", "hour": "2"},
        "description": "Refits the matching models on everything and recomputes every match, "
        "sharded across the workers.",
    },
    "matching: recompute what changed": {
        "task": "matching.tasks.matches_sweep",
        "interval": 5,
        "description": "Recomputes the matches of anything changed since its matches were computed, "
        "so nothing is lost while the broker is down.",
    },
}


def schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, spec in TASKS.items():
        defaults = {"task": spec["task"], "enabled": True, "description": spec["description"]}
        if "interval" in spec:
            defaults["interval"], _ = IntervalSchedule.objects.get_or_create(every=spec["interval"], period="minutes")
            # A sweep that waited longer than the next one is worth nothing: drop it.
            defaults["expire_seconds"] = spec["interval"] * 60
        else:
            defaults["crontab"], _ = CrontabSchedule.objects.get_or_create(
                **spec["crontab"], day_of_week="*", day_of_month="*", month_of_year="*"
            )
        PeriodicTask.objects.update_or_create(name=name, defaults=defaults)


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=TASKS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
