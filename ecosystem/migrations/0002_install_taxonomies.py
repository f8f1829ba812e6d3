from django.db import migrations


def install(apps, schema_editor):
    from ecosystem.services.taxonomies import taxonomies_install

    taxonomies_install(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
