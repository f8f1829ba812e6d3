"""Template tags for the site header: the menu and the language switcher."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from cms.models import TRANSLATION_ROUTE_PREFIX

register = template.Library()


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    # aria-current: "page" on the page itself, "true" below it, "" elsewhere.
    current: str


def _localized_home(request) -> Page | None:
    # The header asks more than once per request; the cache keeps it to one site lookup.
    if not hasattr(request, "_helix_localized_home"):
        site = Site.find_for_request(request)
        request._helix_localized_home = site.root_page.localized if site else None
    return request._helix_localized_home


def _current(path: str, url: str) -> str:
    if path == url:
        return "page"
    return "true" if path.startswith(url) else ""


# The directories, grouped under one menu entry so the main menu fits on one line at any width.
DIRECTORIES = [
    ("ecosystem:startup_list", "Startups"),
    ("ecosystem:capability_list", "Research"),
    ("ecosystem:mentor_list", "Mentors"),
    ("ecosystem:need_list", "Needs"),
    ("ecosystem:organisation_list", "Organisations"),
]


@register.simple_tag(takes_context=True)
def directory_items(context) -> list[MenuItem]:
    """Return the directory links, each marked when the page is in that directory."""
    request = context.get("request")
    path = request.path if request else ""
    items = []
    for name, title in DIRECTORIES:
        url = reverse(name)
        items.append(MenuItem(title=_(title), url=url, current=_current(path, url)))
    return items


@register.filter
def any_current(items: list[MenuItem]) -> bool:
    return any(item.current for item in items)


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    """Return the URL of the home page in the active language."""
    request = context.get("request")
    home = _localized_home(request) if request else None
    url = home.get_url(request=request) if home else None
    return url or translate_url("/", translation.get_language())


@register.simple_tag(takes_context=True)
def menu_items(context) -> list[MenuItem]:
    """Return the live pages under the active language's home page that are marked for menus."""
    request = context.get("request")
    home = _localized_home(request) if request else None
    if home is None:
        return []
    # Header and footer both show the menu; build it once per request.
    if not hasattr(request, "_helix_menu_items"):
        items = []
        for page in home.get_children().live().in_menu():
            url = page.get_url(request=request)
            if url:
                items.append(MenuItem(title=page.title, url=url, current=_current(request.path, url)))
        request._helix_menu_items = items
    return request._helix_menu_items


@register.simple_tag(takes_context=True)
def language_switch_next(context) -> str:
    """Return a `next` URL for set_language that leads to this page in whichever language is chosen.

    Django's set_language translates `next` by resolving it and reversing it in the new language,
    which only works for a path written in the default (unprefixed) language. Wagtail pages have
    different slugs per language, so they get a route keyed by their translation key instead.
    """
    page = context.get("page")
    # `page` is also the usual name for a paginator page, hence the type check.
    if isinstance(page, Page) and page.translation_key:
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("wagtail_serve", args=[f"{TRANSLATION_ROUTE_PREFIX}/{page.translation_key}/"])
    request = context.get("request")
    if request is None:
        return "/"
    # Resolved in the active language, reversed in the default one: the prefix comes off.
    url = translate_url(request.get_full_path(), settings.LANGUAGE_CODE)
    prefix = translation.get_language_from_path(url)
    if prefix and prefix != settings.LANGUAGE_CODE:
        # A path no URL pattern matches comes back untouched; drop its prefix by hand.
        url = url[len(prefix) + 1 :] or "/"
    return url
