"""Moderators edit the shared vocabularies (sectors, locations, stages, readiness levels, technologies)."""

from django.db import migrations

TAXONOMIES = {
    "sector": "sector",
    "location": "location",
    "stage": "startup stage",
    "readinesslevel": "technology readiness level",
    "technology": "technology",
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    moderators.permissions.add(access_admin)
    for model, verbose_name in TAXONOMIES.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="ecosystem", model=model)
        for action in ("add", "change", "delete"):
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0003_program_moderation_workflow")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
