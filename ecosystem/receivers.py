"""What follows from saving ecosystem facts: a program's former address redirects to its new one."""

from django.db.models.signals import post_save, pre_save

from ecosystem.models import Program
from ecosystem.services.programs import program_redirects_update


def _note_former_public_slug(sender, instance: Program, raw=False, update_fields=None, **kwargs):
    instance._former_public_slug = None
    if raw or instance.pk is None or (update_fields is not None and "slug" not in update_fields):
        return  # a new program, or a save that leaves the slug as stored (a draft revision's bookkeeping)
    stored = Program.objects.filter(pk=instance.pk).values("slug", "live", "first_published_at").first()
    # Only an address that was once published can have been shared or linked to.
    if stored and stored["slug"] != instance.slug and (stored["live"] or stored["first_published_at"]):
        instance._former_public_slug = stored["slug"]


def _redirect_former_address(sender, instance: Program, **kwargs):
    former = getattr(instance, "_former_public_slug", None)
    if former:
        program_redirects_update(old_slug=former, new_slug=instance.slug)
        instance._former_public_slug = None


def connect() -> None:
    pre_save.connect(_note_former_public_slug, sender=Program, dispatch_uid="ecosystem-program-slug-noted")
    post_save.connect(_redirect_former_address, sender=Program, dispatch_uid="ecosystem-program-slug-redirected")
