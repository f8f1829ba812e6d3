"""Moderation workflows and their steps are named in Vietnamese, the site's language.

Wagtail shows these names as stored, inside its own translated sentences ("Gửi vào quy trình …",
"đang ở bước …", e-mail subjects, reports), where a bilingual name read "Gửi vào quy trình Program
moderation / Kiểm duyệt chương trình". They are data, like a page title, that an administrator may
rename under Settings → Workflows, not interface strings, so an English admin shows them in
Vietnamese too. A name changed since is left alone. Wagtail's own default page workflow
("Moderators approval", created by wagtailcore's migration 0048) is renamed the same way.
"""

from django.db import migrations

RENAMES = {
    "wagtailcore.Workflow": [
        ("Program moderation / Kiểm duyệt chương trình", "Kiểm duyệt chương trình"),
        ("Moderators approval", "Kiểm duyệt trang"),
    ],
    "wagtailcore.Task": [
        ("Moderator approval / Kiểm duyệt viên phê duyệt", "Kiểm duyệt viên phê duyệt"),
        ("Moderators approval", "Kiểm duyệt viên duyệt trang"),
    ],
}


def rename(apps, *, backwards: bool):
    for model_name, pairs in RENAMES.items():
        model = apps.get_model(model_name)
        for old, new in pairs:
            if backwards:
                old, new = new, old
            model.objects.filter(name=old).update(name=new)


def to_vietnamese(apps, schema_editor):
    rename(apps, backwards=False)


def to_previous_names(apps, schema_editor):
    rename(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0010_reslug_mangled_programs"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(to_vietnamese, to_previous_names),
    ]
