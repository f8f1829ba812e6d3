import logging
import re

import pytest

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.smtp import SMTPServer

# aiosmtpd logs every connection at INFO; the tests only care about what arrives.
logging.getLogger("mail.log").setLevel(logging.WARNING)

CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")


@pytest.fixture
def smtp(settings):
    """Route Helix's e-mail through a real SMTP server for the test; yields its inbox."""
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        yield server.inbox


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def owner(organisation):
    return MembershipFactory(organisation=organisation, role="owner").user


def confirmation_link(text: str) -> str:
    match = CONFIRM_LINK.search(text)
    assert match, f"no confirmation link in:\n{text}"
    return match.group(0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache; one test's attempts must not limit the next test.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _own_match_index(settings, tmp_path_factory):
    # Each test's database is different: its fitted match index must not leak into the next test.
    from matching.pipeline.refit import match_index_forget

    settings.MATCHING_ARTEFACTS_DIR = str(tmp_path_factory.mktemp("matching"))
    match_index_forget()
    yield
    match_index_forget()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the code defers to commit (e-mails, tasks), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _default_language():
    # A request under /en/ leaves English active in the test thread; reverse() would follow it.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def in_english():
    """English for the whole test: reversed URLs get the /en/ prefix, messages read as written."""
    from django.utils import translation

    translation.activate("en")


@pytest.fixture
def taxonomies(db):
    """The starting vocabularies (a migration installs them, but transactional tests flush them)."""
    from ecosystem.services.taxonomies import taxonomies_install

    taxonomies_install()


@pytest.fixture
def english_admin(settings):
    """Serve the Wagtail admin in English (it follows the site default, Vietnamese, otherwise)."""
    from django.urls import clear_url_caches

    settings.LANGUAGE_CODE = "en"
    yield
    # URL resolvers cached under English would serve later tests' /en/ pages without the prefix.
    clear_url_caches()
