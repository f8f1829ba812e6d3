"""The hourly expiry of introductions runs `matching.tasks.introductions_expire`: the task moved into
matching's one tasks module, and a deployment's beat schedule follows it (its interval and
enabled state, which an administrator may have changed, are kept)."""

from django.db import migrations

OLD, NEW = "matching.tasks_introductions.introductions_expire", "matching.tasks.introductions_expire"


def rename(old: str, new: str):
    def run(apps, schema_editor):
        apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=old).update(task=new)

    return run


class Migration(migrations.Migration):
    dependencies = [("matching", "0006_capped_free_text"), ("django_celery_beat", "0019_alter_periodictasks_options")]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
