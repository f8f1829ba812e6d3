"""People can download everything Helix holds about them and delete their account."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ecosystem.models import Membership, Role
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_data_export_is_json_with_memberships(client, organisation):
    membership = MembershipFactory(organisation=organisation, role=Role.ADMIN)
    client.force_login(membership.user)

    response = client.get(reverse("accounts:export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == membership.user.email
    assert data["memberships"] == [
        {
            "organisation": organisation.name,
            "organisation_url": organisation.get_absolute_url(),
            "role": "admin",
            "joined_at": membership.created_at.isoformat(),
        }
    ]


def test_export_needs_login(client):
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 302


def test_delete_account_needs_the_right_confirmation(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:delete"), {"confirm_email": "someone.else@example.org"})
    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_delete_account_removes_person_and_memberships(client, organisation, owner):
    member = MembershipFactory(organisation=organisation, role=Role.MEMBER).user
    client.force_login(member)

    response = client.post(reverse("accounts:delete"), {"confirm_email": member.email})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not Membership.objects.filter(user_id=member.pk).exists()
    assert "_auth_user_id" not in client.session


def test_sole_owner_must_hand_over_before_deleting(client, organisation, owner):
    client.force_login(owner)
    response = client.post("/en" + reverse("accounts:delete"), {"confirm_email": owner.email})
    assert response.status_code == 200
    assert "only owner" in response.content.decode()
    assert get_user_model().objects.filter(pk=owner.pk).exists()
