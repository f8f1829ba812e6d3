"""sitemap.xml: the site's Wagtail pages in every language, then the directories (ecosystem.sitemaps)."""

from functools import reduce
from operator import or_

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from ecosystem.sitemaps import SITEMAPS as DIRECTORY_SITEMAPS


class PageSitemap(Sitemap):
    """Wagtail's sitemap of live, public pages, in every language.

    Wagtail lists the pages below the site's root page, which is the Vietnamese home page; each
    translation of it roots a tree of its own (the English one at /en/), listed here as well.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        return (
            reduce(or_, (Page.objects.descendant_of(page, inclusive=True) for page in roots))
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


SITEMAPS = {"pages": PageSitemap, **DIRECTORY_SITEMAPS}
