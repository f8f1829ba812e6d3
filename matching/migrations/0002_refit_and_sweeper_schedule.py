"""Schedule the nightly refit and the five-minute sweeper with django-celery-beat (editable in the admin)."""

from django.db import migrations

from infra.beat import beat_schedules

TASKS = {
    "matching: refit and recompute every match": {
        "task": "matching.tasks.matches_refit",
        "crontab": {"minute": "30", "hour": "2"},
        "description": "Refits the matching models on everything and recomputes every match, "
        "sharded across the workers.",
    },
    "matching: recompute what changed": {
        "task": "matching.tasks.matches_sweep",
        "every": (5, "minutes"),
        # A sweep that waited longer than the next one is worth nothing: drop it.
        "expire_seconds": 5 * 60,
        "description": "Recomputes the matches of anything changed since its matches were computed, "
        "so nothing is lost while the broker is down.",
    },
}


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial"), ("django_celery_beat", "0019_alter_periodictasks_options")]

    operations = [beat_schedules(TASKS)]
