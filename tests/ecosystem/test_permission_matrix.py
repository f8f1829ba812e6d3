"""Each role by each organisation action, through the pages people use: allowed or refused."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from ecosystem.models import Invitation, Membership, OrganisationKind, Role
from ecosystem.permissions import MODERATORS_GROUP
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "member", "admin", "owner", "moderator"]


@pytest.fixture
def people_of():
    def build(organisation):
        people = {"anonymous": None, "outsider": UserFactory()}
        for role in (Role.MEMBER, Role.ADMIN, Role.OWNER):
            people[role.value] = MembershipFactory(organisation=organisation, role=role).user
        moderator = UserFactory()
        moderator.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
        enable_totp(moderator)
        people["moderator"] = moderator
        return people

    return build


def act_as(client, person):
    if person is not None:
        client.force_login(person)
    return client


def view(client, organisation, **_):
    response = client.get(reverse("ecosystem:organisation_detail", args=[organisation.slug]))
    return response.status_code == 200 and organisation.name in response.content.decode()


def edit(client, organisation, **_):
    client.post(
        reverse("ecosystem:organisation_edit", args=[organisation.slug]),
        {"name": "Renamed", "summary": "", "website": "", "contact_email": "", "is_public": "on"},
    )
    organisation.refresh_from_db()
    return organisation.name == "Renamed"


def invite(client, organisation, **_):
    client.post(
        reverse("ecosystem:invitation_create", args=[organisation.slug]),
        {"email": "new.person@example.org", "role": Role.MEMBER},
    )
    return Invitation.objects.filter(organisation=organisation, email="new.person@example.org").exists()


def remove(client, organisation, people):
    victim = MembershipFactory(organisation=organisation, role=Role.MEMBER)
    client.post(reverse("ecosystem:membership_remove", args=[organisation.slug, victim.pk]))
    return not Membership.objects.filter(pk=victim.pk).exists()


def verify(client, organisation, **_):
    client.post(reverse("ecosystem:organisation_verify", args=[organisation.slug]), {"verified": "1"})
    organisation.refresh_from_db()
    return organisation.is_verified


ACTIONS = {"view": view, "edit": edit, "invite": invite, "remove": remove, "verify": verify}

ALLOWED = {
    "public startup": {
        "view": set(ROLES),
        "edit": {"admin", "owner"},
        "invite": {"admin", "owner", "moderator"},
        "remove": {"owner"},
        "verify": {"moderator"},
    },
    "private startup": {
        "view": {"member", "admin", "owner", "moderator"},
        "edit": {"admin", "owner"},
        "invite": {"admin", "owner", "moderator"},
        "remove": {"owner"},
        "verify": {"moderator"},
    },
    # Agencies are joined only by invitation from their owner or a moderator.
    "government agency": {
        "view": set(ROLES),
        "edit": {"admin", "owner"},
        "invite": {"owner", "moderator"},
        "remove": {"owner"},
        "verify": {"moderator"},
    },
}

ORGANISATIONS = {
    "public startup": {"kind": OrganisationKind.STARTUP, "is_public": True},
    "private startup": {"kind": OrganisationKind.STARTUP, "is_public": False},
    "government agency": {"kind": OrganisationKind.GOVERNMENT_AGENCY, "is_public": True},
}

CASES = [(org_label, action, role) for org_label in ORGANISATIONS for action in ACTIONS for role in ROLES]


@pytest.mark.parametrize(("org_label", "action", "role"), CASES)
def test_permission_matrix(client, people_of, org_label, action, role):
    organisation = OrganisationFactory(**ORGANISATIONS[org_label])
    people = people_of(organisation)
    act_as(client, people[role])

    allowed = ACTIONS[action](client, organisation, people=people)

    expected = role in ALLOWED[org_label][action]
    assert allowed is expected, f"{role} {'should' if expected else 'should not'} be able to {action} a {org_label}"


def test_private_organisation_is_hidden_not_forbidden(client):
    organisation = OrganisationFactory(is_public=False)
    client.force_login(UserFactory())
    response = client.get(reverse("ecosystem:organisation_detail", args=[organisation.slug]))
    assert response.status_code == 404


def test_moderator_without_two_factor_cannot_verify(client):
    organisation = OrganisationFactory()
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    client.force_login(moderator)

    response = client.post(reverse("ecosystem:organisation_verify", args=[organisation.slug]), {"verified": "1"})

    assert response.status_code == 403
    organisation.refresh_from_db()
    assert not organisation.is_verified


def test_hidden_organisation_leaves_the_list_but_not_for_its_members(client):
    hidden = OrganisationFactory(name="Spam Co", hidden_at=timezone.now(), hidden_reason="Spam")
    listed = OrganisationFactory(name="Honest Co")
    member = MembershipFactory(organisation=hidden).user

    client.force_login(UserFactory())
    names = client.get(reverse("ecosystem:organisation_list")).content.decode()
    assert listed.name in names and "Spam Co" not in names

    client.force_login(member)
    assert "Spam Co" in client.get(reverse("ecosystem:organisation_list")).content.decode()


def test_removing_a_member_of_a_private_organisation_one_cannot_see_is_not_found(client):
    """A wrong membership id and a real one answer alike, so member ids do not reveal the organisation."""
    hidden = OrganisationFactory(is_public=False)
    member = MembershipFactory(organisation=hidden, role=Role.MEMBER)
    client.force_login(UserFactory())

    real = client.post(reverse("ecosystem:membership_remove", args=[hidden.slug, member.pk]))
    wrong = client.post(reverse("ecosystem:membership_remove", args=[hidden.slug, member.pk + 1000]))

    assert real.status_code == wrong.status_code == 404
    assert Membership.objects.filter(pk=member.pk).exists()
