"""A person's own e-mail address on capability, mentor and need pages is for the people they accepted.

Everyone else signed in sees the organisation's published address, if any, and a way to request an
introduction; visitors are asked to sign in.
"""

import re

import pytest
from django.urls import reverse

from ecosystem.models import OrganisationKind, Role
from matching.contacts import may_see_contact
from matching.models import MatchKind, Relationship
from matching.services import introductions
from tests.factories import (
    CapabilityFactory,
    MatchFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

KINDS = {
    "capability": (CapabilityFactory, lambda item: item.owner),
    "mentor": (MentorOfferFactory, lambda item: item.user),
    "need": (NeedFactory, lambda item: item.posted_by),
}
CONTACT_BOX = re.compile(r'data-contact="(\w[\w-]*)"')


def contact_box(client, url: str) -> str:
    """Return which contact box the page shows: personal, introduction or sign-in."""
    html = client.get(url).content.decode()
    [box] = CONTACT_BOX.findall(html)
    return box


@pytest.fixture
def startup_founder():
    founder = UserFactory(display_name="Lê Thu")
    startup = OrganisationFactory(kind=OrganisationKind.STARTUP, name="Nông Trại Số")
    MembershipFactory(organisation=startup, user=founder, role=Role.OWNER)
    return founder, startup


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_signed_in_stranger_sees_no_personal_address_but_a_request_action(client, user, kind, prefix):
    factory, person_of = KINDS[kind]
    item = factory()
    matches_url = prefix + reverse("matching:match_list")
    client.force_login(user)

    html = client.get(prefix + item.get_absolute_url()).content.decode()

    assert person_of(item).email not in html
    assert 'data-contact="introduction"' in html
    assert f'href="{matches_url}"' in html


def test_the_english_page_says_why_and_offers_the_introduction(client, user):
    item = MentorOfferFactory()
    client.force_login(user)
    html = client.get("/en" + item.get_absolute_url()).content.decode()
    assert "Personal contact details are shared only after an introduction is accepted." in html
    assert "Request an introduction from your matches" in html


@pytest.mark.parametrize("kind", KINDS)
def test_visitors_are_asked_to_sign_in(client, kind):
    factory, person_of = KINDS[kind]
    item = factory()
    html = client.get(item.get_absolute_url()).content.decode()
    assert person_of(item).email not in html
    assert 'data-contact="sign-in"' in html


@pytest.mark.parametrize("kind", KINDS)
def test_people_see_their_own_address(client, kind):
    factory, person_of = KINDS[kind]
    item = factory()
    client.force_login(person_of(item))
    assert contact_box(client, item.get_absolute_url()) == "personal"


def test_a_stranger_with_a_match_gets_the_request_form(client, startup_founder):
    founder, startup = startup_founder
    match = MatchFactory(kind=MatchKind.MENTORING, organisation=startup)
    request_url = "/en" + reverse("matching:introduction_request", args=[match.pk])
    client.force_login(founder)

    html = client.get("/en" + match.mentor.get_absolute_url()).content.decode()

    assert f'action="{request_url}"' in html
    assert "For Nông Trại Số" in html
    assert match.mentor.user.email not in html


def test_the_organisation_published_address_is_shown_instead(client, user):
    capability = CapabilityFactory(organisation__contact_email="lab@university.example.org")
    client.force_login(user)
    html = client.get(capability.get_absolute_url()).content.decode()
    assert "lab@university.example.org" in html
    assert capability.owner.email not in html
    assert 'data-contact="introduction"' in html


@pytest.mark.parametrize("kind", [MatchKind.COLLABORATION, MatchKind.MENTORING])
def test_after_the_owner_accepts_the_requester_sees_the_address(client, startup_founder, kind):
    founder, startup = startup_founder
    match = MatchFactory(kind=kind, organisation=startup)
    item = match.capability if kind == MatchKind.COLLABORATION else match.mentor
    person = item.owner if kind == MatchKind.COLLABORATION else item.user
    colleague = MembershipFactory(organisation=startup, role=Role.MEMBER).user
    request = introductions.introduction_request(user=founder, match=match)
    client.force_login(founder)
    assert contact_box(client, item.get_absolute_url()) == "introduction"  # asked, not yet accepted

    introductions.introduction_accept(user=person, introduction=request)

    html = client.get(item.get_absolute_url()).content.decode()
    assert person.email in html
    client.force_login(colleague)  # accepted with the founder, not with everyone at the startup
    assert person.email not in client.get(item.get_absolute_url()).content.decode()
    client.force_login(person)  # both ways: the owner now sees the founder's address on the introduction
    page = client.get(reverse("matching:introduction_detail", args=[request.pk])).content.decode()
    assert founder.email in page


def test_a_declined_request_shares_nothing(client, startup_founder):
    founder, startup = startup_founder
    match = MatchFactory(kind=MatchKind.MENTORING, organisation=startup)
    request = introductions.introduction_request(user=founder, match=match)
    introductions.introduction_decline(user=match.mentor.user, introduction=request)
    assert not may_see_contact(founder, match.mentor.user)
    assert not may_see_contact(match.mentor.user, founder)


def test_a_published_cohort_pairs_the_mentor_and_the_startup(startup_founder):
    founder, startup = startup_founder
    mentor = MentorOfferFactory()
    stranger = UserFactory()
    Relationship.objects.create(kind=MatchKind.MENTORING, key="mentoring:1:1", organisation=startup, mentor=mentor)
    assert may_see_contact(founder, mentor.user)
    assert may_see_contact(mentor.user, founder)
    assert not may_see_contact(stranger, mentor.user)


def test_the_need_page_of_a_poster_who_left_shows_the_organisation_address(client, user):
    need = NeedFactory(posted_by=None, organisation__contact_email="orders@factory.example.org")
    client.force_login(user)
    html = client.get(need.get_absolute_url()).content.decode()
    assert "orders@factory.example.org" in html
    assert 'data-contact="introduction"' in html
