"""The Sites framework's record of this portal, which allauth names in every e-mail it sends."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site

SITE_NAME = "Helix"


def site_sync() -> Site:
    """Return the current site, its domain and name taken from SITE_URL (not Django's example.com)."""
    domain = urlsplit(settings.SITE_URL).netloc or "localhost"
    site, _ = Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": SITE_NAME})
    Site.objects.clear_cache()
    return site
