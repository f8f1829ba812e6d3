"""Schedule the search sweeper every five minutes with django-celery-beat (editable in the Django admin)."""

from django.db import migrations

from infra.beat import beat_schedules

TASKS = {
    "search: re-index what changed": {
        "task": "search.tasks.search_sweep",
        "every": (5, "minutes"),
        # A sweep that waited longer than the next one is worth nothing: drop it.
        "expire_seconds": 5 * 60,
        "description": "Indexes documents changed since they were last indexed, so nothing is lost "
        "while the broker or the search engine is down.",
    }
}


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial"), ("django_celery_beat", "0019_alter_periodictasks_options")]

    operations = [beat_schedules(TASKS)]
