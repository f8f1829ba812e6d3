"""The main menu fits at every width, in both languages: nothing scrolls sideways, and "My matches"
and search are always in sight."""

import pytest
from django.core.management import call_command
from django.test import Client

from tests.factories import MembershipFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = [375, 768, 1024, 1280, 1920]


@pytest.fixture
def founder(wagtail_root):
    call_command("seed_demo", verbosity=0)
    return MembershipFactory(organisation__kind="startup").user


def sign_in(page, live_server, person):
    client = Client()
    client.force_login(person)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def overflow(page) -> dict:
    return page.evaluate(
        """() => ({
            page: document.documentElement.scrollWidth - window.innerWidth,
            menu: Math.max(...[...document.querySelectorAll('.site-nav ul')]
                .filter(u => u.checkVisibility()).map(u => u.scrollWidth - u.clientWidth)),
        })"""
    )


def in_sight(page, selector) -> bool:
    box = page.locator(selector).bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_menu_fits_at_every_width(page, live_server, founder, prefix):
    sign_in(page, live_server, founder)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}{prefix}/startups/")

        assert overflow(page) == {"page": 0, "menu": 0}, width
        assert in_sight(page, ".site-nav a[href$='/me/matches/']"), width
        assert in_sight(page, ".site-nav a.nav-search"), width

        # The directories open from one entry, which shows where one is, and close on Escape.
        group = page.locator(".site-nav .nav-group summary").first
        assert "is-current" in group.get_attribute("class")
        group.click()
        assert page.locator(".site-nav .nav-group ul a[href$='/mentors/']").first.is_visible()
        assert overflow(page) == {"page": 0, "menu": 0}, width
        page.screenshot(path=f"test-results/menu{prefix.replace('/', '-')}-{width}.png")
        page.keyboard.press("Escape")
        assert not page.locator(".site-nav .nav-group ul a[href$='/mentors/']").first.is_visible()
