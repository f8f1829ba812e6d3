import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Revision, Site

from cms.models import FooterSettings, HomePage, StandardPage
from demo.management.commands.seed_demo import DEMO_ORGANISATIONS
from ecosystem.models import Membership, Organisation, OrganisationKind, Role
from tests.demo.conftest import run_seed_demo

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "locales": Locale.objects.count(),
        "sites": Site.objects.count(),
        "footers": FooterSettings.objects.count(),
        "groups": Group.objects.count(),
        "users": get_user_model().objects.count(),
        "addresses": EmailAddress.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
    }


def test_running_twice_changes_nothing(demo_site):
    before = _counts()

    output = run_seed_demo()

    assert _counts() == before
    assert "no change(s)" in output.splitlines()[-1]


def test_first_run_reports_what_it_did(demo_site):
    assert "created the Vietnamese home page" in demo_site
    assert "demo admin: admin@helix.local / helix-demo-admin" in demo_site
    assert demo_site.strip().splitlines()[-1].startswith("seed_demo:")


def test_vietnamese_home_page_replaces_the_wagtail_welcome_page(demo_site):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "vi"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_every_page_has_a_live_english_translation(demo_site):
    english = Locale.objects.get(language_code="en")
    vietnamese_pages = Page.objects.filter(depth__gt=1, locale__language_code="vi")

    assert vietnamese_pages.count() == 4
    for page in vietnamese_pages:
        translation = page.get_translation(english)
        assert translation.live
        assert translation.title != page.title


def test_menu_pages_exist_in_both_languages(demo_site):
    titles = set(StandardPage.objects.live().in_menu().values_list("title", flat=True))

    assert titles == {
        "Giới thiệu",
        "Cách kết nối hoạt động",
        "Quyền riêng tư",
        "About Helix",
        "How matching works",
        "Privacy",
    }


def test_demo_organisations_cover_every_kind_and_have_verified_owners(demo_site):
    # The hand-written ones; the generated ecosystem (tests/demo/test_seed_demo.py) comes on top.
    organisations = Organisation.objects.filter(name__in=[demo.name for demo in DEMO_ORGANISATIONS])

    assert organisations.count() == 8
    assert set(organisations.values_list("kind", flat=True)) == set(OrganisationKind.values)
    for organisation in organisations:
        owner = organisation.memberships.get(role=Role.OWNER).user
        assert EmailAddress.objects.filter(user=owner, email=owner.email, verified=True, primary=True).exists()


def test_moderators_group_is_reused(demo_site):
    assert Group.objects.filter(name="Moderators").count() == 1


def test_demo_admin_can_sign_in(demo_site, client):
    response = client.post("/accounts/login/", {"login": "admin@helix.local", "password": "helix-demo-admin"})

    assert response.status_code == 302
    assert response.url == "/me/"
    assert get_user_model().objects.get(email="admin@helix.local").is_superuser


def test_demo_admin_password_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "another-demo-secret")

    output = run_seed_demo()

    assert "demo admin: admin@helix.local / another-demo-secret" in output
    assert get_user_model().objects.get(email="admin@helix.local").check_password("another-demo-secret")
