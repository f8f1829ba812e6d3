"""Control: headers for one-click unsubscribe (RFC 8058), signed links without login, the preferences page."""

import re
from datetime import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notifications.digests import digests_plan
from notifications.models import DeliveryStatus, DigestFrequency, NotificationKind, NotificationPreference
from notifications.services import notification_create, suppression_add
from notifications.tasks import deliveries_send
from notifications.tokens import unsubscribe_token
from tests.factories import UserFactory
from tests.notifications.conftest import deliveries_of, person_with_match, sent_to

pytestmark = pytest.mark.django_db

LIST_UNSUBSCRIBE = re.compile(r"^<(https?://[^>]+/me/notifications/unsubscribe/[^>]+/)>, <mailto:([^>]+)>$")


def one_digest(person):
    ids = digests_plan()
    deliveries_send(ids)
    [message] = sent_to(person)
    return message


def test_every_email_carries_one_click_unsubscribe_headers_and_a_stable_message_id(outbox):
    person, _startup, _match = person_with_match()
    message = one_digest(person)
    headers = message.extra_headers
    assert LIST_UNSUBSCRIBE.match(headers["List-Unsubscribe"])
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(r"<[0-9a-f]{40}@helix\.local>", headers["Message-ID"])
    unsubscribe_link = LIST_UNSUBSCRIBE.match(headers["List-Unsubscribe"]).group(1)
    assert unsubscribe_link in message.body  # the visible link too


def test_one_click_post_unsubscribes_without_login_or_csrf_token(outbox):
    person, _startup, _match = person_with_match()
    link = LIST_UNSUBSCRIBE.match(one_digest(person).extra_headers["List-Unsubscribe"]).group(1)
    mail_client = Client(enforce_csrf_checks=True)  # what a mail client's POST looks like: no cookie, no token
    response = mail_client.post(link.removeprefix("http://127.0.0.1:8000"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=person).digest_frequency == DigestFrequency.OFF
    outbox.clear()
    assert digests_plan() == []


def test_opening_the_link_only_asks(client):
    person = UserFactory()
    url = reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user_id=person.pk, scope="digest")})
    response = client.get(url)
    assert response.status_code == 200
    assert person.email in response.content.decode()
    assert not NotificationPreference.objects.filter(user=person).exists()


def test_a_forged_token_is_refused(client):
    person = UserFactory()
    token = unsubscribe_token(user_id=person.pk, scope="digest")[:-3] + "abc"
    response = client.post(reverse("notifications:unsubscribe", kwargs={"token": token}))
    assert response.status_code == 400
    assert not NotificationPreference.objects.filter(user=person).exists()


def test_unsubscribing_from_one_kind_keeps_the_others(client, committed, outbox):
    person = UserFactory(preferred_language="en")
    token = unsubscribe_token(user_id=person.pk, scope=NotificationKind.INTRODUCTION_EXPIRED)
    client.post(reverse("notifications:unsubscribe", kwargs={"token": token}))
    with committed():
        notification_create(
            recipient=person, kind=NotificationKind.INTRODUCTION_EXPIRED, key="a", context={"subject": "x"}
        )
        answered = {"subject": "y", "status": "accepted"}
        notification_create(recipient=person, kind=NotificationKind.INTRODUCTION_ANSWERED, key="b", context=answered)
    assert [message.subject for message in sent_to(person)] == ["Your introduction request was accepted"]
    assert deliveries_of(person, kind=NotificationKind.INTRODUCTION_EXPIRED).get().status == DeliveryStatus.SUPPRESSED


def test_the_preferences_page_saves_frequency_kinds_and_quiet_days(client):
    person = UserFactory()
    client.force_login(person)
    url = reverse("notifications:preferences")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "digest_frequency": "daily",
            "email_kinds": [NotificationKind.INTRODUCTION_REQUESTED],
            "quiet_days": ["5", "6"],
        },
    )
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=person)
    assert preference.digest_frequency == "daily"
    assert NotificationKind.INTRODUCTION_REQUESTED not in preference.muted_kinds
    assert NotificationKind.PROGRAM_CLOSING in preference.muted_kinds
    assert preference.quiet_days == [5, 6]


def test_every_day_quiet_is_refused_on_the_field(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("notifications:preferences"), {"digest_frequency": "weekly", "quiet_days": list(range(7))}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["quiet_days"]


def test_the_preferences_page_needs_a_login(client):
    response = client.get(reverse("notifications:preferences"))
    assert response.status_code == 302


def test_on_a_quiet_day_email_waits_for_the_next_allowed_day(committed, outbox):
    person = UserFactory()
    NotificationPreference.objects.create(user=person, quiet_days=[5, 6])
    saturday = timezone.make_aware(datetime(2026, 11, 28, 10, 0))
    with time_machine.travel(saturday, tick=False), committed():
        notification_create(
            recipient=person, kind=NotificationKind.INTRODUCTION_EXPIRED, key="q", context={"subject": "x"}
        )
    assert sent_to(person) == []
    delivery = deliveries_of(person).get()
    assert timezone.localtime(delivery.not_before).weekday() == 0  # Monday
    monday = timezone.make_aware(datetime(2026, 11, 30, 8, 0))
    with time_machine.travel(monday, tick=False):
        from notifications.tasks import deliveries_sweep

        assert deliveries_sweep() == 1
    assert len(sent_to(person)) == 1


def test_suppressed_addresses_are_never_mailed(outbox):
    person, _startup, _match = person_with_match()
    suppression_add(email=person.email.upper(), reason="bounce")
    deliveries_send(digests_plan())
    assert sent_to(person) == []


def test_the_suppress_command_adds_addresses(capsys):
    from django.core.management import call_command

    from notifications.models import Suppression

    call_command("notifications_suppress", "Bounced@Example.org", "--reason", "complaint")
    assert Suppression.objects.get(email="bounced@example.org").reason == "complaint"
