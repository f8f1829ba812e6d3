"""Schedule digests, the outbox sweeper and closing reminders with django-celery-beat (editable by staff)."""

from django.db import migrations

DIGESTS = "notifications: plan today's digests"
SWEEPER = "notifications: re-queue e-mails nobody holds"
REMINDERS = "notifications: remind of saved programs closing in 3 days"
NAMES = [DIGESTS, SWEEPER, REMINDERS]
TIME_ZONE = "Asia/Ho_Chi_Minh"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_morning, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_week="*", day_of_month="*", month_of_year="*", timezone=TIME_ZONE
    )
    every_minute, _ = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
    every_hour, _ = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    PeriodicTask.objects.update_or_create(
        name=DIGESTS,
        defaults={
            "task": "notifications.tasks.digests_plan",
            "crontab": every_morning,
            "enabled": True,
            "description": "Every morning: queues the daily digests, and the weekly ones on each person's first "
            "allowed day of the week. Running it twice in a period sends nothing extra.",
        },
    )
    PeriodicTask.objects.update_or_create(
        name=SWEEPER,
        defaults={
            "task": "notifications.tasks.deliveries_sweep",
            "interval": every_minute,
            "enabled": True,
            "expire_seconds": 60,
            "description": "Re-queues e-mails that are due but no task holds: a lost task, a worker killed "
            "mid-send (after the lease), a quiet day that has passed.",
        },
    )
    PeriodicTask.objects.update_or_create(
        name=REMINDERS,
        defaults={
            "task": "notifications.tasks.program_reminders_send",
            "interval": every_hour,
            "enabled": True,
            "expire_seconds": 3600,
            "description": "Reminds organisations of saved programs closing within three days, once per person.",
        },
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
