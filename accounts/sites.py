"""The Sites framework's record of this portal, which allauth names in every e-mail it sends."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site

SITE_NAME = "Helix"


def site_sync() -> tuple[Site, bool]:
    """Return the current site with its domain and name taken from SITE_URL (not Django's
    example.com), and whether that changed anything."""
    wanted = {"domain": urlsplit(settings.SITE_URL).netloc or "localhost", "name": SITE_NAME}
    site = Site.objects.filter(pk=settings.SITE_ID).first()
    if site is not None and {"domain": site.domain, "name": site.name} == wanted:
        return site, False
    site, _ = Site.objects.update_or_create(pk=settings.SITE_ID, defaults=wanted)
    Site.objects.clear_cache()
    return site, True
