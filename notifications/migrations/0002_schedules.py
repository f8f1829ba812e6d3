"""Schedule digests, the outbox sweeper and closing reminders with django-celery-beat (editable by staff)."""

from django.db import migrations

from infra.beat import beat_schedules

TASKS = {
    "notifications: plan today's digests": {
        "task": "notifications.tasks.digests_plan",
        "crontab": {"minute": "0", "hour": "7", "timezone": "Asia/Ho_Chi_Minh"},
        "description": "Every morning: queues the daily digests, and the weekly ones on each person's first "
        "allowed day of the week. Running it twice in a period sends nothing extra.",
    },
    "notifications: re-queue e-mails nobody holds": {
        "task": "notifications.tasks.deliveries_sweep",
        "every": (1, "minutes"),
        "expire_seconds": 60,
        "description": "Re-queues e-mails that are due but no task holds: a lost task, a worker killed "
        "mid-send (after the lease), a quiet day that has passed.",
    },
    "notifications: remind of saved programs closing in 3 days": {
        "task": "notifications.tasks.program_reminders_send",
        "every": (1, "hours"),
        "expire_seconds": 3600,
        "description": "Reminds organisations of saved programs closing within three days, once per person.",
    },
}


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial"), ("django_celery_beat", "0019_alter_periodictasks_options")]

    operations = [beat_schedules(TASKS)]
