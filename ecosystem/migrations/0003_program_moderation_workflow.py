"""Officers write programs, moderators approve them: the groups, their permissions and the workflow.

Permissions are created here when missing because Django and Wagtail only create them after all
migrations have run (post_migrate); the names match theirs, so nothing is duplicated later.
"""

from django.db import migrations

MODERATORS = "Moderators"
OFFICERS = "Officers"
WORKFLOW_NAME = "Program moderation / Kiểm duyệt chương trình"
TASK_NAME = "Moderator approval / Kiểm duyệt viên phê duyệt"


def permission(apps, app_label, model, action, verbose_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {verbose_name}"},
    )
    return found


def access_admin(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    return found


def groups_and_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    program = {
        action: permission(apps, "ecosystem", "program", action, "program")
        for action in ("add", "change", "delete", "publish", "lock", "unlock")
    }
    admin = access_admin(apps)

    # Officers submit for moderation; they never publish directly.
    officers, _ = Group.objects.get_or_create(name=OFFICERS)
    officers.permissions.add(admin, program["add"], program["change"], program["lock"])

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(admin, *program.values())


def moderation_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(moderators)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    program_type, _ = ContentType.objects.get_or_create(app_label="ecosystem", model="program")
    # A site that already chose a workflow for programs keeps it.
    WorkflowContentType.objects.get_or_create(content_type=program_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0002_install_taxonomies"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(groups_and_permissions, migrations.RunPython.noop),
        migrations.RunPython(moderation_workflow, migrations.RunPython.noop),
    ]
