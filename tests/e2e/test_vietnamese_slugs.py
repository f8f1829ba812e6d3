"""In the admin, a Vietnamese title gives its slug with every letter transliterated as it is typed."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.mfa import enable_totp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def admin_page(page, live_server, wagtail_root):
    admin = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(admin)
    client = Client()
    client.force_login(admin)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def test_a_program_title_becomes_its_transliterated_slug_as_it_is_typed(admin_page, live_server):
    admin_page.goto(f"{live_server.url}/admin/snippets/ecosystem/program/add/")

    admin_page.locator("input[name=title]").press_sequentially(
        "Tài trợ thử nghiệm nông nghiệp thông minh ĐBSCL 2027", delay=10
    )

    # Wagtail copies the title into the slug a moment after the typing stops.
    expect(admin_page.locator("input[name=slug]")).to_have_value(
        "tai-tro-thu-nghiem-nong-nghiep-thong-minh-dbscl-2027"
    )


def test_a_slug_typed_in_vietnamese_is_transliterated_on_leaving_the_field(admin_page, live_server):
    admin_page.goto(f"{live_server.url}/admin/snippets/ecosystem/organisation/add/")

    slug = admin_page.locator("input[name=slug]")
    slug.fill("Hợp tác xã Đồng Tháp")
    slug.blur()

    expect(slug).to_have_value("hop-tac-xa-dong-thap")
