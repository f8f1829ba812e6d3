"""Invitations are rate-limited on the shared cache, per person sending and per organisation, and
refused outright while that cache cannot count: each one e-mails an address anyone can type in.

The cache is a real redis-server (the resilient cache production uses); e-mail goes to a real SMTP server.
"""

import pytest
from django.urls import reverse

from ecosystem.models import Invitation, Role
from tests.factories import MembershipFactory
from tests.redis_server import needs_redis_server, redis_as_cache

pytestmark = [pytest.mark.django_db, needs_redis_server]


@pytest.fixture
def redis_cache(settings, monkeypatch):
    with redis_as_cache(settings, monkeypatch) as server:
        yield server


def invite(client, organisation, email):
    return client.post(
        reverse("ecosystem:invitation_create", args=[organisation.slug]), {"email": email, "role": Role.MEMBER}
    )


def test_past_the_limit_an_invitation_is_refused_and_nothing_is_saved_or_sent(
    client, smtp, organisation, owner, committed, redis_cache, settings, in_english
):
    settings.INVITATION_RATE_LIMIT_PER_USER = "3/h"
    client.force_login(owner)
    with committed():
        sent = [invite(client, organisation, f"guest{n}@example.net").status_code for n in range(3)]
        refused = invite(client, organisation, "one-too-many@example.org")

    assert sent == [302, 302, 302]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    page = refused.content.decode()
    assert "Too many invitations have been sent recently" in page
    assert "please try again in" in page
    assert 'value="one-too-many@example.org"' in page  # the address typed in is kept for later
    assert not Invitation.objects.filter(email="one-too-many@example.org").exists()
    assert len(smtp.messages) == 3 and not smtp.to("one-too-many@example.org")


def test_admins_together_cannot_pass_the_organisation_limit(
    client, smtp, organisation, owner, committed, redis_cache, settings, in_english
):
    settings.INVITATION_RATE_LIMIT_PER_ORGANISATION = "2/d"
    admin = MembershipFactory(organisation=organisation, role=Role.ADMIN).user
    elsewhere = MembershipFactory(user=admin, role=Role.OWNER).organisation

    with committed():
        client.force_login(owner)
        first = invite(client, organisation, "first@example.org")
        client.force_login(admin)
        second = invite(client, organisation, "second@example.org")
        third = invite(client, organisation, "third@example.org")
        for_another_organisation = invite(client, elsewhere, "third@example.org")

    assert [first.status_code, second.status_code, third.status_code] == [302, 302, 429]
    assert "Too many invitations have been sent recently" in third.content.decode()
    assert for_another_organisation.status_code == 302
    assert Invitation.objects.filter(organisation=organisation).count() == 2
    assert [message["To"] for message in smtp.to("third@example.org")] == ["third@example.org"]
    assert elsewhere.name in smtp.to("third@example.org")[0]["Subject"]


def test_while_the_cache_is_down_invitations_are_refused_then_work_again(
    client, smtp, organisation, owner, committed, redis_cache, in_english
):
    client.force_login(owner)
    redis_cache.stop()

    with committed():
        refused = invite(client, organisation, "during-outage@example.org")

    assert refused.status_code == 429
    assert "the service that counts them is unavailable" in refused.content.decode()
    assert not Invitation.objects.exists()
    assert not smtp.messages

    redis_cache.start()
    with committed():
        assert invite(client, organisation, "during-outage@example.org").status_code == 302
    assert smtp.to("during-outage@example.org")
