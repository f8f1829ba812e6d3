"""The first hour of each persona, in Vietnamese and in English, in a real browser: a founder, a
researcher, an officer (two factors, the admin, outreach) and a digest reader following the links of
their e-mail. Every page is checked for sideways scrolling and for other people's personal e-mail
addresses; redirect loops fail the navigation itself. Screenshots land in test-results/."""

import importlib
import re
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from ecosystem.models import Organisation
from notifications.digests import digests_plan
from notifications.models import Delivery, DigestFrequency, NotificationPreference
from notifications.tasks import deliveries_send
from tests.mfa import current_code, enable_totp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "helix-demo-user"
LANGUAGES = ["", "/en"]
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Wagtail admin words an officer met in English on the Vietnamese admin before it was translated.
ENGLISH_ADMIN_WORDS = ["Images", "Reports", "Save draft", "Search all pages", "submitted for moderation"]


@pytest.fixture
def demo(wagtail_root):
    # A transactional test before this one emptied what migrations install: the officers' and
    # moderators' groups, their permissions and the moderation workflow.
    for name in ("0003_program_moderation_workflow", "0004_moderators_manage_taxonomies"):
        migration = importlib.import_module(f"ecosystem.migrations.{name}")
        for operation in migration.Migration.operations:
            operation.code(django_apps, None)
    call_command("seed_demo", verbosity=0)
    call_command("matches_rebuild", verbosity=0)
    out = StringIO()
    call_command("demo_logins", stdout=out)
    return dict(re.findall(r"^\s+(\w+)\s+(\S+@\S+) / ", out.getvalue(), re.MULTILINE))


class Walk:
    """One person's visit: checks every page it opens and keeps a screenshot of each."""

    def __init__(self, page, base, email, persona):
        self.page, self.base, self.email, self.persona = page, base, email, persona
        published = Organisation.objects.exclude(contact_email="").values_list("contact_email", flat=True)
        self.may_show = {email.lower(), *map(str.lower, published), "lienhe@helix.local"}
        self.count = 0

    def open(self, path, *, prefix=""):
        self.page.goto(f"{self.base}{prefix}{path}")
        self.check(path)

    def check(self, label):
        self.page.wait_for_load_state()
        assert self.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), label
        text = self.page.locator("body").inner_text()
        shown = {address.lower() for address in ADDRESS.findall(text)} - self.may_show
        assert not shown, f"{self.persona} sees {shown} on {label}"
        self.count += 1
        self.page.screenshot(path=f"test-results/persona-{self.persona}-{self.count:02d}.png", full_page=True)

    def sign_in(self, prefix, *, secret=None):
        self.page.goto(f"{self.base}{prefix}/accounts/login/")
        self.page.fill("input[name=login]", self.email)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.locator("main form button[type=submit]").click()
        if secret:
            self.page.wait_for_url(re.compile(r"/2fa/authenticate/"))
            self.page.fill("input[name=code]", current_code(secret))
            self.page.locator("main form button[type=submit]:not([form])").click()
        self.page.wait_for_url(re.compile(r"/me/"))
        self.check("after signing in")

    def sign_out(self):
        self.page.context.clear_cookies()


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_a_founder_sees_matches_and_asks_for_introductions_without_seeing_addresses(page, live_server, demo, prefix):
    walk = Walk(page, live_server.url, demo["founder"], f"founder{prefix.replace('/', '-')}")
    walk.sign_in(prefix)
    walk.open("/me/matches/", prefix=prefix)
    assert page.locator("main .reasons li, main .match-reasons li").count() > 0
    for directory in ("/capabilities/", "/mentors/", "/needs/", "/programs/"):
        walk.open(directory, prefix=prefix)
        page.locator("main h2 a, main h3 a").first.click()
        walk.check(f"first of {directory}")
    page.set_viewport_size({"width": 375, "height": 800})
    walk.open("/me/matches/", prefix=prefix)


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_a_researcher_reaches_their_capabilities_and_matches(page, live_server, demo, prefix):
    walk = Walk(page, live_server.url, demo["researcher"], f"researcher{prefix.replace('/', '-')}")
    walk.sign_in(prefix)
    walk.open("/capabilities/new/", prefix=prefix)
    assert page.locator("main form [name=title]").count() == 1
    walk.open("/me/matches/", prefix=prefix)
    walk.open("/mentors/my-offer/", prefix=prefix)


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_an_officer_signs_in_with_two_factors_and_works_in_the_admin_and_outreach(page, live_server, demo, prefix):
    officer = get_user_model().objects.get(email=demo["officer"])
    officer.preferred_language = "en" if prefix else "vi"
    officer.save(update_fields=["preferred_language"])
    secret = enable_totp(officer)
    walk = Walk(page, live_server.url, officer.email, f"officer{prefix.replace('/', '-')}")
    walk.sign_in(prefix, secret=secret)

    for path in ("/admin/", "/admin/snippets/ecosystem/program/", "/admin/snippets/ecosystem/program/add/"):
        page.goto(f"{live_server.url}{path}")
        walk.check(path)
        if not prefix:
            text = page.locator("body").inner_text()
            assert not [word for word in ENGLISH_ADMIN_WORDS if word in text], path
    walk.open("/my-programs/", prefix=prefix)
    outreach = [link.get_attribute("href") for link in page.locator("main a[href$='/outreach/']").all()]
    assert outreach
    rows = 0
    for link in outreach[:8]:  # the first program of theirs that some organisation fits
        page.goto(f"{live_server.url}{link}")
        walk.check(link)
        rows = page.locator("table.outreach tbody tr").count()
        if rows:
            break
    assert rows > 0


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_a_digest_reader_follows_the_links_of_their_e_mail(page, live_server, demo, prefix, smtp, settings):
    settings.SITE_URL = live_server.url
    reader = get_user_model().objects.get(email=demo["founder"])
    reader.preferred_language = "en" if prefix else "vi"
    reader.save(update_fields=["preferred_language"])
    NotificationPreference.objects.update_or_create(user=reader, defaults={"digest_frequency": DigestFrequency.DAILY})
    # Everyone's digest is planned; only the reader's is sent (the rest would only slow the test).
    deliveries_send(
        list(Delivery.objects.filter(pk__in=digests_plan(), recipient=reader).values_list("pk", flat=True))
    )
    [message] = smtp.to(reader.email)
    links = [url for url in re.findall(r"https?://\S+", smtp.text_of(message)) if url.startswith(live_server.url)]
    assert links

    walk = Walk(page, live_server.url, reader.email, f"digest{prefix.replace('/', '-')}")
    walk.sign_in(prefix)
    for link in dict.fromkeys(links[:6]):
        if "/unsubscribe/" in link or "/not-relevant/" in link:
            continue
        page.goto(link)
        walk.check(link)
        assert page.locator("html").get_attribute("lang") == ("en" if prefix else "vi"), link
