"""A newcomer signs up, verifies the address from the e-mail, logs in, switches language, logs out."""

import re
import time

import pytest
from django.core.management import call_command

from tests.conftest import confirmation_link

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "hoa.le@example.vn"
PASSWORD = "Thu-Dau-Mot-2026!"


def wait_for_mail(inbox, address, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        messages = inbox.to(address)
        if messages:
            return messages[-1]
        time.sleep(0.1)
    raise AssertionError(f"no e-mail reached {address} within {timeout} s")


@pytest.fixture
def demo_site(wagtail_root):
    call_command("seed_demo", verbosity=0)


def test_signup_verify_login_switch_language_logout(demo_site, page, live_server, smtp):
    page.goto(f"{live_server.url}/accounts/signup/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.fill("input[name=display_name]", "Nguyễn Thị Lan")
    page.check("input[name=intent][value=startup]")
    page.locator("form[action$='/accounts/signup/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))

    link = confirmation_link(smtp.text_of(wait_for_mail(smtp, EMAIL)))
    assert link.startswith(live_server.url)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/login/$"))

    page.fill("input[name=login]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    # Someone new lands on the steps that fit what they came for: a founder registers a startup.
    page.wait_for_url(re.compile(r"/me/welcome/$"))
    assert "Nguyễn Thị Lan" in page.locator("main h1").inner_text()
    assert "kind=startup" in page.locator("main .first-steps a").first.get_attribute("href")
    page.goto(f"{live_server.url}/me/")
    assert EMAIL in page.locator("main").inner_text()

    page.locator("#language-switcher [data-language=en]").click()
    page.wait_for_url(re.compile(r"/en/me/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "My account" in page.locator("main h1").inner_text()

    page.locator("form[action$='/accounts/logout/'] button").click()
    page.wait_for_load_state()
    assert page.locator("a[href$='/accounts/login/']").first.is_visible()
    page.goto(f"{live_server.url}/en/me/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
