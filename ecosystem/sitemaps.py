"""The directories in sitemap.xml: their list pages and every detail page anyone may open, in every language.

Each sitemap lists what a visitor who is not signed in may see, by the directories' own rules
(public, not hidden, of a public organisation), so nothing private or hidden is announced.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ecosystem.selectors.directories import (
    capability_list_visible,
    mentor_offer_list_visible,
    need_list_visible,
    program_list_visible,
    startup_list_visible,
)
from ecosystem.selectors.organisations import organisation_list_visible


class _BothLanguages(Sitemap):
    # Each address once per language (/programs/x/ and /en/programs/x/), naming its translations.
    i18n = True
    alternates = True
    x_default = True


class DirectorySitemap(_BothLanguages):
    def items(self):
        return [
            "ecosystem:program_list",
            "ecosystem:organisation_list",
            "ecosystem:startup_list",
            "ecosystem:capability_list",
            "ecosystem:mentor_list",
            "ecosystem:need_list",
        ]

    def location(self, item):
        return reverse(item)


class _PublicItems(_BothLanguages):
    def lastmod(self, item):
        return item.updated_at


class ProgramSitemap(_PublicItems):
    def items(self):
        return program_list_visible(user=AnonymousUser()).only("slug", "updated_at").order_by("pk")


class OrganisationSitemap(_PublicItems):
    def items(self):
        return organisation_list_visible(user=AnonymousUser()).only("slug", "updated_at").order_by("pk")


class StartupSitemap(_PublicItems):
    def items(self):
        profiles = startup_list_visible(user=AnonymousUser()).select_related("organisation")
        return profiles.only("updated_at", "organisation__slug").order_by("pk")


class CapabilitySitemap(_PublicItems):
    def items(self):
        return capability_list_visible(user=AnonymousUser()).only("updated_at").order_by("pk")


class MentorSitemap(_PublicItems):
    def items(self):
        return mentor_offer_list_visible(user=AnonymousUser()).only("updated_at").order_by("pk")


class NeedSitemap(_PublicItems):
    def items(self):
        return need_list_visible(user=AnonymousUser()).only("updated_at").order_by("pk")


SITEMAPS = {
    "directories": DirectorySitemap,
    "programs": ProgramSitemap,
    "organisations": OrganisationSitemap,
    "startups": StartupSitemap,
    "capabilities": CapabilitySitemap,
    "mentors": MentorSitemap,
    "needs": NeedSitemap,
}
