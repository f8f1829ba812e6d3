"""Programs' addresses: a program whose slug changes keeps answering at its old address."""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect

logger = logging.getLogger(__name__)


def program_path(slug: str, *, language: str) -> str:
    """Return the address of the program with `slug` in `language` ("/en/programs/<slug>/")."""
    with translation.override(language):
        return reverse("ecosystem:program_detail", kwargs={"slug": slug})


@transaction.atomic
def program_redirects_update(*, old_slug: str, new_slug: str) -> None:
    """Redirect a program's former address to its new one, permanently and in every language.

    Wagtail's redirect middleware answers with these when a path is not found.
    """
    for language, _name in settings.LANGUAGES:
        old_path, new_path = program_path(old_slug, language=language), program_path(new_slug, language=language)
        # Addresses that led to the old one lead straight to the new one: no chains of hops.
        Redirect.objects.filter(redirect_link=old_path).update(redirect_link=new_path)
        # A redirect away from the new address (left by an earlier rename) must go, or a later 404
        # there (the program unpublished) would bounce between the two addresses.
        Redirect.objects.filter(site=None, old_path=Redirect.normalise_path(new_path)).delete()
        Redirect.objects.update_or_create(
            site=None,
            old_path=Redirect.normalise_path(old_path),
            defaults={
                "redirect_link": new_path,
                "redirect_page": None,
                "is_permanent": True,
                "automatically_created": True,
            },
        )
    logger.info("program redirected", extra={"old_slug": old_slug, "new_slug": new_slug})
