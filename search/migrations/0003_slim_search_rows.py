"""PostgreSQL only: keep the search table's rows small and rank by the title's own vector."""

from django.db import migrations

from search.backends.database.schema import create_slim_rows_migration, drop_slim_rows_migration


class Migration(migrations.Migration):
    dependencies = [("search", "0002_sweeper_schedule")]

    operations = [migrations.RunPython(create_slim_rows_migration, drop_slim_rows_migration, elidable=False)]
