"""The portal's own address and name, in Django's Sites framework (allauth names it in every e-mail)
and in Wagtail's default site (page URLs in the sitemap and in e-mails are built on it)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from wagtail.models import Site as WagtailSite

SITE_NAME = "Helix"


def site_sync() -> tuple[Site, bool]:
    """Return the current site with its domain and name taken from SITE_URL (not Django's
    example.com or Wagtail's localhost:80), and whether that changed anything."""
    address = urlsplit(settings.SITE_URL)
    wanted = {"domain": address.netloc or "localhost", "name": SITE_NAME}
    site = Site.objects.filter(pk=settings.SITE_ID).first()
    changed = site is None or {"domain": site.domain, "name": site.name} != wanted
    if changed:
        site, _ = Site.objects.update_or_create(pk=settings.SITE_ID, defaults=wanted)
        Site.objects.clear_cache()
    port = address.port or (443 if address.scheme == "https" else 80)
    wagtail_site = {"hostname": address.hostname or "localhost", "port": port, "site_name": SITE_NAME}
    changed |= bool(WagtailSite.objects.filter(is_default_site=True).exclude(**wagtail_site).update(**wagtail_site))
    return site, changed
