"""Wagtail pages of the public site and the site-wide footer setting."""

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from ecosystem.fields import INTRODUCTION_MAX_LENGTH, CappedRichTextField, CappedTextField
from ecosystem.selectors.directories import program_list_closing_soon
from ecosystem.selectors.overview import ecosystem_counts

# The language switcher posts to Django's set_language view, which can only translate URLs that
# resolve the same way in every language. Page slugs differ per language, so for pages it sends
# this language-neutral route instead and the home page redirects to the right translation.
TRANSLATION_ROUTE_PREFIX = "_translation"


class HomePage(RoutablePageMixin, Page):
    """The root of one language's page tree (one per locale, linked as translations)."""

    hero_title = models.CharField(_("hero title"), max_length=200)
    intro = CappedRichTextField(
        _("introduction"), features=RICH_TEXT_FEATURES, max_length=INTRODUCTION_MAX_LENGTH, blank=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The ecosystem at a glance: two queries (the five calls closing next, and all counts at once).
        context["closing_programs"] = program_list_closing_soon(limit=5)
        context["ecosystem_counts"] = ecosystem_counts()
        return context

    @path(f"{TRANSLATION_ROUTE_PREFIX}/<uuid:translation_key>/", name="translation")
    def translation_redirect(self, request, translation_key):
        """Redirect to the page with this translation key in this home page's locale."""
        target = (
            Page.objects.live()
            .filter(translation_key=translation_key, locale_id=self.locale_id)
            .descendant_of(self, inclusive=True)
            .first()
        )
        if target is None:
            # Not translated yet: the home page in the chosen language is the closest useful place.
            if not Page.objects.filter(translation_key=translation_key).exists():
                raise Http404
            target = self
        return redirect(target.get_url(request=request) or self.get_url(request=request))


class StandardPage(Page):
    """A general content page: about, how it works, privacy, programme descriptions."""

    intro = CappedTextField(
        _("introduction"),
        max_length=INTRODUCTION_MAX_LENGTH,
        blank=True,
        help_text=_("One or two sentences shown under the title."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """Footer text in both site languages; two plain fields keep editing in one screen."""

    footer_text_vi = CappedTextField(_("footer text (Vietnamese)"), max_length=INTRODUCTION_MAX_LENGTH, blank=True)
    footer_text_en = CappedTextField(_("footer text (English)"), max_length=INTRODUCTION_MAX_LENGTH, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("footer_text_vi"), FieldPanel("footer_text_en")], heading=_("Footer text")),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("footer")

    @property
    def footer_text(self) -> str:
        """Return the footer text for the active language, falling back to Vietnamese."""
        if translation.get_language() == "en" and self.footer_text_en:
            return self.footer_text_en
        return self.footer_text_vi
