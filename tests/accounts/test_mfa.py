"""Officers, moderators and staff must turn on two-factor authentication before publishing."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from ecosystem.models import OrganisationKind, Role
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.factories.accounts import PASSWORD
from tests.mfa import current_code, enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    """A government officer who may use the Wagtail admin, as officers publish programs there."""
    agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, name="Sở Khoa học và Công nghệ")
    person = MembershipFactory(organisation=agency, role=Role.MEMBER).user
    editors, _ = Group.objects.get_or_create(name="Officers")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    person.groups.add(editors)
    return person


def test_officer_without_two_factor_is_sent_to_set_it_up(client, officer):
    client.force_login(officer)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_django_admin_is_closed_to_staff_without_two_factor(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_startup_founder_does_not_need_two_factor(client):
    founder = MembershipFactory(role=Role.OWNER).user
    client.force_login(founder)
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 200
    assert reverse("mfa_activate_totp") not in response.content.decode()


def test_officer_activates_totp_then_reaches_the_admin(client, officer):
    client.post(reverse("account_login"), {"login": officer.email, "password": PASSWORD})
    # allauth asks for the password again before a second factor is added.
    asked_again = client.get(reverse("mfa_activate_totp"))
    assert asked_again.url.startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    activate_page = client.get(reverse("mfa_activate_totp"))
    assert activate_page.status_code == 200
    secret = client.session["mfa.totp.secret"]

    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200


def test_login_with_two_factor_asks_for_the_code(client, officer):
    secret = enable_totp(officer)
    response = client.post(reverse("account_login"), {"login": officer.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert int(client.session["_auth_user_id"]) == officer.pk


def test_admin_login_pages_hand_over_to_allauth(client):
    # Wagtail's and Django's own login forms would skip the second factor.
    wagtail = client.get("/admin/login/?next=/admin/pages/")
    assert wagtail.status_code in (301, 302)
    assert wagtail.url.startswith(reverse("account_login"))
    django = client.get("/django-admin/login/")
    assert django.status_code == 302
    assert django.url.startswith(reverse("account_login"))
    credentials = {"username": "admin@helix.local", "password": "x"}
    assert client.post("/django-admin/login/", credentials).status_code == 302
