"""Nobody loops at the admins' door: who may not enter is told why, and whoever turns on two
factors on the way in is taken back to where they were going."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from ecosystem.models import OrganisationKind, Role
from ecosystem.permissions import OFFICERS_GROUP
from tests.factories import MembershipFactory, OrganisationFactory
from tests.factories.accounts import PASSWORD
from tests.mfa import current_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency_owner():
    """The owner of a verified agency who is not (yet) among the officers: no admin access."""
    agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True)
    return MembershipFactory(organisation=agency, role=Role.OWNER).user


@pytest.mark.parametrize("path", ["/admin/", "/admin/snippets/ecosystem/program/", "/django-admin/"])
def test_someone_who_may_not_enter_is_told_why_instead_of_looping(client, agency_owner, path):
    client.force_login(agency_owner)

    response = client.get(path, follow=True)

    assert response.redirect_chain == []
    assert response.status_code == 403
    page = response.content.decode()
    assert "Trang quản trị dành cho cán bộ và kiểm duyệt viên" in page
    assert agency_owner.email in page
    assert reverse("accounts:dashboard") in page


def test_the_admin_login_page_does_not_loop_for_a_signed_in_person(client, agency_owner):
    client.force_login(agency_owner)
    response = client.get("/admin/login/?next=/admin/", follow=True)
    assert len(response.redirect_chain) < 5
    assert response.status_code in (200, 403)


def test_after_turning_on_two_factors_the_officer_continues_to_the_admin(client, agency_owner):
    agency_owner.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    client.post(reverse("account_login"), {"login": agency_owner.email, "password": PASSWORD})

    asked = client.get("/admin/snippets/ecosystem/program/")
    assert asked.url == reverse("mfa_activate_totp")
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    activated = client.post(reverse("mfa_activate_totp"), {"code": current_code(client.session["mfa.totp.secret"])})

    # The recovery codes come first (they are shown once), with the way back beside them.
    codes_page = client.get(activated.url)
    assert reverse("accounts:continue_after_mfa") in codes_page.content.decode()
    back = client.get(reverse("accounts:continue_after_mfa"))
    assert back.url == "/admin/snippets/ecosystem/program/"
    assert client.get(back.url).status_code == 200
