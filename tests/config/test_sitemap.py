"""sitemap.xml lists what anyone may open, in both languages, and nothing private or hidden."""

import re

import pytest
from django.utils import timezone

from tests.factories import CapabilityFactory, OrganisationFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def locations(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))


def paths(client) -> set[str]:
    return {re.sub(r"^https?://[^/]+", "", location) for location in locations(client)}


def test_a_public_program_is_listed_in_both_languages(client):
    ProgramFactory(slug="tai-tro-dbscl-2027")

    listed = paths(client)

    assert {"/programs/tai-tro-dbscl-2027/", "/en/programs/tai-tro-dbscl-2027/"} <= listed
    assert {"/programs/", "/en/programs/"} <= listed


def test_the_two_languages_name_each_other(client):
    ProgramFactory(slug="tai-tro-dbscl-2027")

    xml = client.get("/sitemap.xml").content.decode()

    assert re.search(r'hreflang="en" href="https?://[^/"]+/en/programs/tai-tro-dbscl-2027/"', xml)
    assert re.search(r'hreflang="vi" href="https?://[^/"]+/programs/tai-tro-dbscl-2027/"', xml)


def test_nothing_private_hidden_or_unpublished_is_listed(client):
    public = OrganisationFactory(slug="cong-khai")
    OrganisationFactory(slug="rieng-tu", is_public=False)
    OrganisationFactory(slug="bi-an", hidden_at=timezone.now())
    ProgramFactory(slug="ban-nhap", live=False)
    ProgramFactory(slug="bi-an-di", hidden_at=timezone.now())
    shown = CapabilityFactory(organisation=public)
    hidden = CapabilityFactory(organisation=public, hidden_at=timezone.now())
    private = CapabilityFactory(organisation=public, is_public=False)

    listed = paths(client)

    assert {"/organisations/cong-khai/", f"/capabilities/{shown.pk}/"} <= listed
    unlisted = {
        "/organisations/rieng-tu/",
        "/organisations/bi-an/",
        "/programs/ban-nhap/",
        "/programs/bi-an-di/",
        f"/capabilities/{hidden.pk}/",
        f"/capabilities/{private.pk}/",
    }
    assert not (unlisted | {"/en" + path for path in unlisted}) & listed


def test_every_listed_address_opens_for_a_visitor(client):
    organisation = OrganisationFactory(slug="cong-khai")
    ProgramFactory(slug="tai-tro")
    CapabilityFactory(organisation=organisation)

    for path in paths(client):
        assert client.get(path).status_code == 200, path
