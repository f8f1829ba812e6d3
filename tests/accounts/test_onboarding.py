"""Sign-up asks a name and what the person came for; the first sign-in leads there."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Intent
from ecosystem.models import OrganisationKind, Role
from tests.factories import MembershipFactory, UserFactory
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_up_asks_a_name_and_what_brings_the_person(client, smtp):
    form = client.get("/en/accounts/signup/").content.decode()
    assert 'name="display_name"' in form and 'name="intent"' in form

    missing = client.post(
        "/en/accounts/signup/", {"email": "lan@example.vn", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert missing.status_code == 200
    assert set(missing.context["form"].errors) == {"display_name", "intent"}
    assert not get_user_model().objects.filter(email="lan@example.vn").exists()

    client.post(
        "/en/accounts/signup/",
        {
            "email": "lan@example.vn",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Nguyễn Thị\r\nLan",
            "intent": Intent.RESEARCH,
        },
    )
    person = get_user_model().objects.get(email="lan@example.vn")
    assert (person.display_name, person.intent) == ("Nguyễn Thị Lan", Intent.RESEARCH)


@pytest.mark.parametrize(
    ("intent", "first_link"),
    [
        (Intent.STARTUP, f"{reverse('ecosystem:organisation_create')}?kind=startup"),
        (Intent.RESEARCH, reverse("ecosystem:capability_create")),
        (Intent.MENTOR, reverse("ecosystem:mentor_offer_edit")),
        (Intent.AGENCY, f"{reverse('ecosystem:organisation_list')}?kind=government_agency"),
    ],
)
def test_the_first_sign_in_leads_to_what_the_person_came_for(client, intent, first_link):
    person = UserFactory(intent=intent, display_name="Lan")

    signed_in = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})

    assert signed_in.url == reverse("accounts:welcome")
    page = client.get(signed_in.url).content.decode()
    steps = page[page.index('class="first-steps"') :]
    assert re.search(r'href="([^"]+)"', steps).group(1) == first_link


def test_someone_already_started_goes_to_their_account_and_next_still_wins(client):
    person = MembershipFactory(role=Role.OWNER).user
    signed_in = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert signed_in.url == reverse("accounts:dashboard")

    client.logout()
    newcomer = UserFactory()
    signed_in = client.post(
        f"{reverse('account_login')}?next=/programs/", {"login": newcomer.email, "password": PASSWORD}
    )
    assert signed_in.url == "/programs/"


def test_registering_an_organisation_from_a_first_step_has_its_kind_chosen(client):
    client.force_login(UserFactory())
    form = client.get(f"{reverse('ecosystem:organisation_create')}?kind={OrganisationKind.STARTUP}").context["form"]
    assert form["kind"].value() == OrganisationKind.STARTUP


def test_staff_and_moderators_are_never_led_to_the_welcome_steps(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    signed_in = client.post(reverse("account_login"), {"login": admin.email, "password": PASSWORD})
    assert signed_in.url == reverse("accounts:dashboard")
