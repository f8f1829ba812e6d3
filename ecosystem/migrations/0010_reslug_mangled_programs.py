"""Give programs whose slug the admin's slug widget spoilt their right slug; the old address redirects.

The rule (`ecosystem.slugs.is_mangled_slug`): a stored slug is made again from the title only when
it is the title's own slug with Vietnamese letters dropped or misspelt ("tai-tr-th-nghim-…-djbscl-2027"
for "Tài trợ thử nghiệm … ĐBSCL 2027"): the same words in the same order, nothing added. A slug
someone chose (other or fewer words, another order, an abbreviation) stays as it is. The new slug is
numbered ("-2") if another program already has it.

Each spoilt address redirects permanently to the new one in every language, through Wagtail's
redirects. The program's revisions that carry the spoilt slug get the new one too, so publishing a
pending draft or a scheduled revision does not bring the spoilt slug back.
"""

from django.conf import settings
from django.db import migrations
from django.urls import reverse
from django.utils import translation

from ecosystem.slugs import is_mangled_slug, slug_from


def _path(slug: str, language: str) -> str:
    with translation.override(language):
        return reverse("ecosystem:program_detail", kwargs={"slug": slug})


def reslug_mangled_programs(apps, schema_editor):
    Program = apps.get_model("ecosystem", "Program")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    program_type = ContentType.objects.filter(app_label="ecosystem", model="program").first()
    taken = set(Program.objects.values_list("slug", flat=True))
    for program in Program.objects.only("pk", "slug", "title").order_by("pk"):
        old = program.slug
        if not is_mangled_slug(old, program.title):
            continue
        base = slug_from(program.title, max_length=240) or "program"
        new, number = base, 2
        while new in taken:
            new, number = f"{base}-{number}", number + 1
        taken.add(new)
        Program.objects.filter(pk=program.pk).update(slug=new)
        if program_type is not None:
            revisions = Revision.objects.filter(base_content_type=program_type, object_id=str(program.pk))
            for revision in revisions:
                if revision.content.get("slug") == old:
                    revision.content["slug"] = new
                    revision.save(update_fields=["content"])
        for language, _name in settings.LANGUAGES:
            old_path, new_path = _path(old, language), _path(new, language)
            Redirect.objects.update_or_create(
                site=None,
                old_path=old_path.rstrip("/"),  # Wagtail stores paths without the trailing slash
                defaults={"redirect_link": new_path, "is_permanent": True, "automatically_created": True},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("ecosystem", "0009_capped_free_text"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(reslug_mangled_programs, migrations.RunPython.noop)]
