"""An officer can publish a page in the Wagtail admin only once two-factor authentication is on."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import HomePage, StandardPage
from ecosystem.models import OrganisationKind, Role
from tests.factories import MembershipFactory, OrganisationFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_page():
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu-test", hero_title="Helix"))
    page = home.add_child(instance=StandardPage(title="Chương trình mới", slug="chuong-trinh-moi", live=False))
    page.save_revision()
    return page


@pytest.fixture
def officer(draft_page):
    agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, name="Sở KH&CN")
    person = MembershipFactory(organisation=agency, role=Role.OWNER).user
    publishers, _ = Group.objects.get_or_create(name="Agency publishers")
    publishers.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=publishers, page=draft_page.get_parent(), permission=Permission.objects.get(codename=permission)
        )
    person.groups.add(publishers)
    return person


def publish(client, page):
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": "Hỗ trợ khởi nghiệp sáng tạo",
                "body": streamfield([]),
                "action-publish": "publish",
            }
        ),
    )


def test_officer_cannot_publish_without_two_factor(client, officer, draft_page):
    client.force_login(officer)
    response = publish(client, draft_page)

    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/"
    draft_page.refresh_from_db()
    assert not draft_page.live


def test_officer_publishes_once_two_factor_is_on(client, officer, draft_page):
    enable_totp(officer)
    client.force_login(officer)
    response = publish(client, draft_page)

    assert response.status_code == 302, response.content.decode()[:2000]
    draft_page.refresh_from_db()
    assert draft_page.live
    assert draft_page.intro == "Hỗ trợ khởi nghiệp sáng tạo"
