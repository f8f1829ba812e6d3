"""Officers' outreach table uses the page's width and stays readable; on a phone it scrolls inside
its box instead of squeezing each reason to one word per line."""

import pytest
from django.test import Client

from ecosystem.models import OrganisationKind, Stage
from matching.models import Match
from tests.factories import MatchFactory, OrganisationFactory, ProgramFactory, StartupProfileFactory, officer_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def program(wagtail_root, taxonomies):
    agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True)
    program = ProgramFactory(agency=agency, eligible_kinds=[OrganisationKind.STARTUP], title="Tăng tốc nông nghiệp")
    program.eligible_stages.set(Stage.objects.filter(slug="mvp"))
    program.save()
    for number in range(5):
        organisation = StartupProfileFactory(
            organisation__name=f"Công ty Nông nghiệp Thông minh Đồng bằng {number}",
            stage=Stage.objects.get(slug="mvp"),
        ).organisation
        # Saving a profile may already have matched it (tasks run at once here); add the match otherwise.
        if not Match.objects.filter(program=program, organisation=organisation).exists():
            MatchFactory(program=program, organisation=organisation, score=0.9 - number / 10)
    return program


def test_the_outreach_table_is_wide_on_a_desktop_and_scrolls_in_its_box_on_a_phone(page, live_server, program):
    client = Client()
    client.force_login(officer_of(program.agency))
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/programs/{program.slug}/outreach/")
    table = page.locator("table.outreach").bounding_box()
    container = page.locator("main .container").bounding_box()
    assert table["width"] > container["width"] - 60  # the page's width, not a 40rem form column
    name_cell = page.locator("table.outreach tbody td:nth-child(3)").first.bounding_box()
    assert name_cell["width"] >= 190  # a name reads on one or two lines
    page.screenshot(path="test-results/outreach-1280.png")

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/programs/{program.slug}/outreach/")
    assert page.evaluate("document.documentElement.scrollWidth") == 375
    assert page.evaluate(
        "(() => { const w = document.querySelector('.table-wrap'); return w.scrollWidth > w.clientWidth })()"
    )
    page.screenshot(path="test-results/outreach-375.png")
