"""Sign-up by e-mail, mandatory verification through a real SMTP server, then login."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.conftest import confirmation_link
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

NEW_EMAIL = "lan.nguyen@example.vn"


SIGNUP_DETAILS = {"display_name": "Nguyễn Thị Lan", "intent": "research"}


def sign_up(client, email=NEW_EMAIL, prefix=""):
    return client.post(
        f"{prefix}{reverse('account_signup')}",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, **SIGNUP_DETAILS},
    )


def log_in(client, email=NEW_EMAIL, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_signup_sends_verification_mail_and_login_waits_for_it(client, smtp):
    response = sign_up(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email=NEW_EMAIL)
    assert user.preferred_language == "vi"
    [message] = smtp.to(NEW_EMAIL)
    assert "/accounts/confirm-email/" in smtp.text_of(message)

    # Until the address is confirmed, logging in only re-sends the verification mail.
    client.logout()
    response = log_in(client)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_confirmed_address_can_log_in(client, smtp):
    sign_up(client)
    link = confirmation_link(smtp.text_of(smtp.to(NEW_EMAIL)[0]))
    path = link.split("://", 1)[1].split("/", 1)[1]

    confirm_page = client.get(f"/{path}")
    assert confirm_page.status_code == 200
    confirmed = client.post(f"/{path}")
    assert confirmed.status_code == 302

    client.logout()
    response = log_in(client)
    assert response.status_code == 302
    # Someone new is led to what they came for first (tests/accounts/test_onboarding.py).
    assert response.url == reverse("accounts:welcome")
    dashboard = client.get(reverse("accounts:dashboard"))
    assert NEW_EMAIL in dashboard.content.decode()


def test_english_signup_sends_english_mail(client, smtp):
    client.post(
        "/en/accounts/signup/", {"email": NEW_EMAIL, "password1": PASSWORD, "password2": PASSWORD, **SIGNUP_DETAILS}
    )
    [message] = smtp.to(NEW_EMAIL)
    assert "/en/accounts/confirm-email/" in smtp.text_of(message)
    assert get_user_model().objects.get(email=NEW_EMAIL).preferred_language == "en"


def test_signup_rejects_taken_address_without_creating_a_second_account(client, smtp, user):
    response = sign_up(client, email=user.email.upper())
    # allauth does not reveal whether the address exists: it answers as for a new sign-up ...
    assert response.status_code in (200, 302)
    # ... but never creates a second account for the same address.
    assert get_user_model().objects.filter(email__iexact=user.email).count() == 1


def test_wrong_passwords_are_rate_limited(client, user):
    wrong = {"login": user.email, "password": "wrong password"}
    for _attempt in range(5):
        response = client.post("/en/accounts/login/", wrong)
        assert "The email address and/or password you specified are not correct." in response.content.decode()

    response = client.post("/en/accounts/login/", wrong)
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    # Even the right password is refused while the limit holds.
    client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_password_reset_mail_reaches_the_person(client, smtp, user):
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    [message] = smtp.to(user.email)
    assert "/accounts/password/reset/key/" in smtp.text_of(message)


def test_account_e_mails_name_helix_not_example_com(client, smtp):
    sign_up(client)

    [message] = smtp.to(NEW_EMAIL)
    text = message["Subject"] + smtp.text_of(message)
    assert "example.com" not in text
    assert "Helix" in message["Subject"]
