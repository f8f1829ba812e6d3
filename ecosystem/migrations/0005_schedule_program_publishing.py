from django.db import migrations

TASK_NAME = "Publish and unpublish programs on schedule"


def schedule(apps, schema_editor):
    interval_model = apps.get_model("django_celery_beat", "IntervalSchedule")
    task_model = apps.get_model("django_celery_beat", "PeriodicTask")
    every_five_minutes, _ = interval_model.objects.get_or_create(every=5, period="minutes")
    task_model.objects.update_or_create(
        name=TASK_NAME,
        defaults={"task": "ecosystem.tasks.programs_publish_scheduled", "interval": every_five_minutes},
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0004_moderators_manage_taxonomies"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
