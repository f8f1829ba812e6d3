"""Periodic tasks that data migrations install with django-celery-beat (staff edit them in the admin).

A migration lists its tasks once, by name, and gets back the operation that schedules them
(and removes them on the way back):

    operations = [beat_schedules({"search: re-index what changed": {"task": "…", "every": (5, "minutes")}})]

Each spec takes `task`, either `every` = (number, period) or `crontab` = {minute, hour, …},
and optionally `description` and `expire_seconds` (drop a run that waited longer than that).
"""

from functools import partial

from django.db import migrations

EVERY_DAY = {"day_of_week": "*", "day_of_month": "*", "month_of_year": "*"}


def _schedule(tasks: dict[str, dict], apps, schema_editor) -> None:
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, spec in tasks.items():
        defaults = {
            "task": spec["task"],
            "enabled": True,
            "description": spec.get("description", ""),
            "expire_seconds": spec.get("expire_seconds"),
        }
        if "every" in spec:
            every, period = spec["every"]
            defaults["interval"], _ = IntervalSchedule.objects.get_or_create(every=every, period=period)
        else:
            defaults["crontab"], _ = CrontabSchedule.objects.get_or_create(**{**EVERY_DAY, **spec["crontab"]})
        PeriodicTask.objects.update_or_create(name=name, defaults=defaults)


def _unschedule(tasks: dict[str, dict], apps, schema_editor) -> None:
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=list(tasks)).delete()


def beat_schedules(tasks: dict[str, dict]) -> migrations.RunPython:
    """Return the migration operation that schedules these periodic tasks (name → spec)."""
    return migrations.RunPython(partial(_schedule, tasks), partial(_unschedule, tasks))
