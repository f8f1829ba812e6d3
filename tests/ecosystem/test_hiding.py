"""Who sees hidden and private content: everyone else never does (neither in the directories nor
on the detail page), its owners do with the moderator's reason, moderators see all of it; and only
moderators with two-factor authentication hide and unhide."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from ecosystem.models import OrganisationKind, Role
from ecosystem.permissions import MODERATORS_GROUP
from tests.factories import (
    CapabilityFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    ProgramFactory,
    StartupProfileFactory,
    UserFactory,
)
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

REASON = "Advertises a product unrelated to innovation."


@pytest.fixture
def moderator():
    person = UserFactory()
    person.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    enable_totp(person)
    return person


def hidden(**fields):
    return {"hidden_at": timezone.now(), "hidden_reason": REASON, **fields}


def owner_of(kind, item):
    """Return a person who owns the item, and the item's directory name and title."""
    match kind:
        case "startup":
            return MembershipFactory(organisation=item.organisation, role=Role.OWNER).user
        case "capability":
            return item.owner
        case "mentor":
            return item.user
        case "need":
            return MembershipFactory(organisation=item.organisation, role=Role.ADMIN).user
    raise AssertionError(kind)


def make(kind, *, state):
    """Return an item of `kind` that is hidden, private, or in a private organisation."""
    if kind == "startup":
        organisation = {
            "hidden": hidden(),
            "private": {"is_public": False},
            "private organisation": {"is_public": False},
        }[state]
        return StartupProfileFactory(**{f"organisation__{name}": value for name, value in organisation.items()})
    fields = {"hidden": hidden(), "private": {"is_public": False}}.get(state, {})
    factory = {"capability": CapabilityFactory, "mentor": MentorOfferFactory, "need": NeedFactory}[kind]
    if state == "private organisation":
        return factory(organisation__is_public=False)
    return factory(**fields)


LISTS = {"startup": "startup_list", "capability": "capability_list", "mentor": "mentor_list", "need": "need_list"}
CASES = [
    (kind, state)
    for kind in LISTS
    for state in ("hidden", "private", "private organisation")
    if not (kind == "mentor" and state == "private organisation")
]


def title_of(item) -> str:
    for name in ("title", "headline", "pitch"):
        if getattr(item, name, ""):
            return getattr(item, name)
    raise AssertionError(item)


@pytest.mark.parametrize(("kind", "state"), CASES)
def test_others_never_see_it(client, kind, state):
    item = make(kind, state=state)
    outsider = UserFactory()

    for person in (None, outsider):
        if person:
            client.force_login(person)
        assert title_of(item) not in client.get(reverse(f"ecosystem:{LISTS[kind]}")).content.decode()
        assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(("kind", "state"), CASES)
def test_owners_and_moderators_still_see_it(client, moderator, kind, state):
    item = make(kind, state=state)
    directory, url = reverse(f"ecosystem:{LISTS[kind]}"), item.get_absolute_url()

    for person in (owner_of(kind, item), moderator):
        client.force_login(person)
        assert title_of(item) in client.get(directory).content.decode()
        page = client.get("/en" + url)
        assert page.status_code == 200
        html = page.content.decode()
        if state == "hidden":
            assert "Hidden by a moderator" in html and REASON in html
        else:
            assert "Not public" in html


def test_hidden_organisation_is_gone_from_its_organisation_page_too(client):
    profile = make("startup", state="hidden")
    assert client.get(profile.organisation.get_absolute_url()).status_code == 404


def test_a_capability_of_a_hidden_university_is_hidden(client):
    capability = CapabilityFactory(organisation__hidden_at=timezone.now())
    assert capability.title not in client.get(reverse("ecosystem:capability_list")).content.decode()
    assert client.get(capability.get_absolute_url()).status_code == 404


def test_the_owner_reads_the_reason_on_their_account_page(client):
    capability = CapabilityFactory(**hidden())
    client.force_login(capability.owner)
    html = client.get("/en" + reverse("accounts:dashboard")).content.decode()
    assert REASON in html and capability.title in html


def test_as_visitor_the_owner_sees_the_page_without_owner_tools(client):
    capability = CapabilityFactory()
    url, edit_url = capability.get_absolute_url(), reverse("ecosystem:capability_edit", args=[capability.pk])
    client.force_login(capability.owner)

    own = client.get(url).content.decode()
    as_visitor = client.get("/en" + url + "?as=visitor").content.decode()

    assert edit_url in own
    assert "/en" + edit_url not in as_visitor
    assert "as other signed-in people see it" in as_visitor


# -- Programs -------------------------------------------------------------------------------------


def test_draft_programs_are_for_their_agency_and_moderators(client, moderator):
    program = ProgramFactory(live=False, title="Draft call")
    member = MembershipFactory(organisation=program.agency).user
    outsider = UserFactory()

    assert client.get(program.get_absolute_url()).status_code == 404
    assert "Draft call" not in client.get(reverse("ecosystem:program_list")).content.decode()
    client.force_login(outsider)
    assert client.get(program.get_absolute_url()).status_code == 404

    url = program.get_absolute_url()
    for person in (member, moderator):
        client.force_login(person)
        response = client.get("/en" + url)
        assert response.status_code == 200
        assert "Draft: this program is not published" in response.content.decode()


def test_hidden_programs_disappear(client):
    program = ProgramFactory(**hidden(title="Hidden call"))
    assert "Hidden call" not in client.get(reverse("ecosystem:program_list")).content.decode()
    assert client.get(program.get_absolute_url()).status_code == 404


# -- Hiding and unhiding --------------------------------------------------------------------------


def hide_url(kind, item):
    return reverse("ecosystem:content_hide", args=[kind, item.pk])


@pytest.mark.parametrize("kind", ["organisation", "capability", "mentor", "need", "program"])
def test_a_moderator_hides_with_a_reason_and_unhides(client, moderator, kind):
    item = {
        "organisation": lambda: StartupProfileFactory().organisation,
        "capability": CapabilityFactory,
        "mentor": MentorOfferFactory,
        "need": NeedFactory,
        "program": ProgramFactory,
    }[kind]()
    client.force_login(moderator)

    response = client.post(hide_url(kind, item), {"reason": REASON})

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_hidden and item.hidden_reason == REASON and item.hidden_by == moderator
    client.logout()
    page = item.startup_profile.get_absolute_url() if kind == "organisation" else item.get_absolute_url()
    assert client.get(page).status_code == 404

    client.force_login(moderator)
    client.post(reverse("ecosystem:content_unhide", args=[kind, item.pk]))
    item.refresh_from_db()
    assert not item.is_hidden and item.hidden_reason == ""
    client.logout()
    assert client.get(page).status_code == 200


def test_the_hide_form_is_on_the_detail_page_for_moderators_only(client, moderator, user):
    need = NeedFactory()
    client.force_login(user)
    assert hide_url("need", need) not in client.get(need.get_absolute_url()).content.decode()
    client.force_login(moderator)
    assert hide_url("need", need) in client.get(need.get_absolute_url()).content.decode()


def test_a_reason_is_required(client, moderator):
    need = NeedFactory()
    client.force_login(moderator)
    response = client.post(hide_url("need", need), {"reason": "  "}, follow=True)
    need.refresh_from_db()
    assert not need.is_hidden
    assert response.status_code == 200


def test_only_moderators_with_two_factor_authentication_hide(client, user):
    need = NeedFactory()
    without_mfa = UserFactory()
    without_mfa.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    owner = MembershipFactory(organisation=need.organisation, role=Role.OWNER).user

    for person in (user, without_mfa, owner):
        client.force_login(person)
        assert client.post(hide_url("need", need), {"reason": REASON}).status_code == 403
    need.refresh_from_db()
    assert not need.is_hidden


def test_hiding_needs_post_and_a_known_kind(client, moderator):
    need = NeedFactory()
    client.force_login(moderator)
    assert client.get(hide_url("need", need)).status_code == 405
    assert (
        client.post(reverse("ecosystem:content_hide", args=["planet", need.pk]), {"reason": REASON}).status_code == 404
    )


def test_a_startup_in_an_enterprise_directory_is_only_for_startups_and_smes(client):
    profile = StartupProfileFactory(organisation__kind=OrganisationKind.UNIVERSITY)
    assert client.get(profile.get_absolute_url()).status_code == 404
