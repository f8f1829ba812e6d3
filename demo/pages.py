"""Create the demo site tree: a Vietnamese home page with an English translation and a few pages.

Every function is idempotent: it looks for what it would create and leaves existing content alone,
so editors' changes survive a second `seed_demo`. Each appends a line per change to `log`, which the
command prints.
"""

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site

from cms.models import FooterSettings, HomePage, StandardPage
from demo import page_texts

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def ensure_locales() -> tuple[Locale, Locale]:
    """Return the Vietnamese and English locales, creating whichever is missing."""
    # Wagtail's first migration creates a locale from LANGUAGE_CODE ("vi"); English is ours to add.
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return vi, en


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _ensure_default_site(home: HomePage, log: list[str]) -> Site:
    # The default site answers every host name (localhost, 127.0.0.1, …) that matches no other site.
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME
        )
        log.append("created the default site")
    elif site.root_page_id != home.pk or not site.site_name:
        site.root_page = home
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
        log.append("pointed the default site at the Helix home page")
    return site


def _remove_wagtail_welcome_page(log: list[str]) -> None:
    # Only Wagtail's untouched placeholder goes: a plain Page at the top with its stock title.
    for page in Page.objects.filter(depth=2, title=WAGTAIL_WELCOME_TITLE):
        if page.specific_class is Page and not page.get_children().exists() and not page.sites_rooted_here.exists():
            page.delete()
            log.append("removed Wagtail's welcome page")


def ensure_home_page(vi: Locale, log: list[str]) -> HomePage:
    """Return the Vietnamese home page, made the default site's root in place of Wagtail's welcome page."""
    home_vi = HomePage.objects.filter(depth=2, locale=vi).first()
    if home_vi is None:
        text = page_texts.HOME["vi"]
        home_vi = HomePage(locale=vi, **text)
        # The welcome page may still hold the slug; a sibling slug must be unique.
        if Page.objects.filter(depth=2, slug=home_vi.slug).exists():
            home_vi.slug = f"{home_vi.slug}-helix"
        Page.get_first_root_node().add_child(instance=home_vi)
        log.append("created the Vietnamese home page")
    _ensure_default_site(home_vi, log)
    _remove_wagtail_welcome_page(log)
    return home_vi


def _page_id_lookup(pages: dict[str, Page]):
    return lambda key: pages[key].pk


def ensure_standard_pages(home: HomePage, locale: Locale, log: list[str]) -> dict[str, StandardPage]:
    """Return the demo pages under the Vietnamese home page, keyed as in page_texts, creating missing ones."""
    pages: dict[str, StandardPage] = {}
    for key, texts in page_texts.STANDARD_PAGES.items():
        text = texts[locale.language_code]
        page = StandardPage.objects.child_of(home).filter(slug=text["slug"]).first()
        if page is None:
            page = StandardPage(locale=locale, show_in_menus=True, **text)
            page.body = page_texts.STANDARD_PAGE_BODIES[key](locale.language_code, _page_id_lookup(pages))
            home.add_child(instance=page)
            _publish(page)
            log.append(f"created page {page.title!r} ({locale.language_code})")
        pages[key] = page
    return pages


def ensure_home_body(home: HomePage, pages: dict[str, Page], log: list[str]) -> None:
    # The body links to the pages below the home page, so it can only be written once they exist.
    if not home.body:
        home.body = page_texts.home_body(home.locale.language_code, _page_id_lookup(pages))
        _publish(home)
        log.append(f"wrote the home page body ({home.locale.language_code})")


def _translate(page: Page, locale: Locale, fields: dict) -> Page:
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    # The copy got a free slug; keep ours only if no sibling has it.
    translation.slug = find_available_slug(translation.get_parent(), translation.slug, ignore_page_id=translation.pk)
    translation.save()
    _publish(translation)
    return translation


def ensure_english_translations(
    home_vi: HomePage, pages_vi: dict[str, StandardPage], en: Locale, log: list[str]
) -> tuple[HomePage, dict[str, Page]]:
    """Return the English home page and pages, translating the Vietnamese ones that have no translation."""
    home_en = home_vi.get_translation_or_none(en)
    if home_en is None:
        # Links in the body keep pointing at the Vietnamese pages, as Wagtail's own translation copy does;
        # the blocks resolve them to the page in the reader's language.
        home_en = _translate(
            home_vi, en, {**page_texts.HOME["en"], "body": page_texts.home_body("en", _page_id_lookup(pages_vi))}
        )
        log.append("created the English home page")
    pages_en: dict[str, Page] = {}
    for key, page_vi in pages_vi.items():
        page_en = page_vi.get_translation_or_none(en)
        if page_en is None:
            text = page_texts.STANDARD_PAGES[key]["en"]
            body = page_texts.STANDARD_PAGE_BODIES[key]("en", _page_id_lookup({**pages_vi, **pages_en}))
            page_en = _translate(page_vi, en, {**text, "body": body})
            log.append(f"created page {page_en.title!r} (en)")
        pages_en[key] = page_en
    return home_en, pages_en


def ensure_footer(site: Site, log: list[str]) -> FooterSettings:
    footer = FooterSettings.for_site(site)
    missing = {name: value for name, value in page_texts.FOOTER.items() if not getattr(footer, name)}
    if missing:
        for name, value in missing.items():
            setattr(footer, name, value)
        footer.save()
        log.append("filled in the footer settings")
    return footer


@transaction.atomic
def seed_site_pages() -> list[str]:
    """Create whatever part of the demo site tree is missing; return a line per change."""
    log: list[str] = []
    vi, en = ensure_locales()
    home_vi = ensure_home_page(vi, log)
    pages_vi = ensure_standard_pages(home_vi, vi, log)
    ensure_home_body(home_vi, pages_vi, log)
    ensure_english_translations(home_vi, pages_vi, en, log)
    ensure_footer(Site.objects.get(is_default_site=True), log)
    return log
