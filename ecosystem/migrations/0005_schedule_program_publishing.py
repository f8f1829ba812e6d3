"""Publish and unpublish programs on schedule every five minutes (django-celery-beat)."""

from django.db import migrations

from infra.beat import beat_schedules

TASKS = {
    "Publish and unpublish programs on schedule": {
        "task": "ecosystem.tasks.programs_publish_scheduled",
        "every": (5, "minutes"),
    }
}


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0004_moderators_manage_taxonomies"), ("django_celery_beat", "0019_alter_periodictasks_options")]

    operations = [beat_schedules(TASKS)]
