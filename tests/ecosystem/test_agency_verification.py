"""A government agency anyone can create is pending until a moderator verifies it: until then it
has no officer powers, and its page says so."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from ecosystem.models import Organisation, OrganisationKind, Program
from ecosystem.permissions import (
    MODERATORS_GROUP,
    OFFICERS_GROUP,
    bulk_agency_ids,
    can_exchange_in_bulk,
    can_manage_programs,
    is_government_officer,
    program_agencies_for,
)
from tests.factories import ProgramFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder():
    person = UserFactory()
    enable_totp(person)  # even with two factors on, a self-made agency gives no powers
    return person


@pytest.fixture
def self_made_agency(client, founder):
    client.force_login(founder)
    response = client.post(
        reverse("ecosystem:organisation_create"),
        {"name": "Sở Khoa học Tự xưng", "kind": OrganisationKind.GOVERNMENT_AGENCY, "is_public": "on"},
    )
    assert response.status_code == 302
    return Organisation.objects.get(name="Sở Khoa học Tự xưng")


def test_a_new_agency_awaits_verification_and_says_so(client, founder, self_made_agency):
    page = client.get(self_made_agency.get_absolute_url()).content.decode()

    assert not self_made_agency.is_verified
    assert "Chờ xác minh" in page
    assert "chưa xác minh đây là cơ quan nhà nước" in page

    listing = client.get(reverse("ecosystem:organisation_list")).content.decode()
    assert "Chờ xác minh" in listing


def test_its_creator_has_no_officer_powers_until_a_moderator_verifies_it(client, founder, self_made_agency):
    founder.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    program = ProgramFactory(agency=self_made_agency, title="Chương trình tự phong", live=False)

    assert not is_government_officer(founder)
    assert self_made_agency not in program_agencies_for(founder)
    assert not can_manage_programs(founder, self_made_agency)
    assert not can_exchange_in_bulk(founder, "programs")
    assert bulk_agency_ids(founder) == frozenset()
    # Nor in the pages: the outreach list, cohorts and the admin's program listing.
    assert client.get(reverse("matching:outreach_list", kwargs={"slug": program.slug})).status_code == 404
    admin_listing = client.get(reverse("wagtailsnippets_ecosystem_program:list")).content.decode()
    assert "Chương trình tự phong" not in admin_listing

    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    enable_totp(moderator)
    client.force_login(moderator)
    client.post(reverse("ecosystem:organisation_verify", kwargs={"slug": self_made_agency.slug}), {"verified": "1"})

    founder = type(founder).objects.get(pk=founder.pk)  # a new request, a fresh user
    self_made_agency.refresh_from_db()
    assert self_made_agency.is_verified
    assert is_government_officer(founder)
    assert can_manage_programs(founder, self_made_agency)
    assert can_exchange_in_bulk(founder, "programs")
    client.force_login(founder)
    assert client.get(reverse("matching:outreach_list", kwargs={"slug": program.slug})).status_code == 200
    assert "Chờ xác minh" not in client.get(self_made_agency.get_absolute_url()).content.decode()
    assert Program.objects.filter(agency=self_made_agency).exists()
