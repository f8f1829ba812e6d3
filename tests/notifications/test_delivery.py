"""The outbox against a real SMTP server: permanent failures, "not relevant" links, notifications sent once."""

import re

import pytest
from django.test import Client

from ecosystem.models import Membership
from matching.models import FeedbackEvent, MatchFeedback, MatchState
from notifications.delivery import deliveries_send_batch, delivery_send, open_connection
from notifications.digests import digests_plan
from notifications.models import Delivery, DeliveryStatus, NotificationKind
from notifications.services import notification_create
from notifications.tasks import deliveries_send
from tests.factories import UserFactory
from tests.notifications.conftest import person_with_match
from tests.notifications.sinks import Sink, SinkServer

pytestmark = pytest.mark.django_db

NOT_RELEVANT = re.compile(r"http://127\.0\.0\.1:8000(/me/notifications/not-relevant/\S+/)")


@pytest.fixture
def sink(settings):
    """A real SMTP server for Helix's e-mail during the test; yields what it received."""
    with SinkServer(Sink()) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield server.sink


class RefusingSink(Sink):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox"


def test_a_permanent_refusal_is_recorded_and_not_retried(settings):
    with SinkServer(RefusingSink()) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        person_with_match()
        [delivery_id] = digests_plan()
        outcome = delivery_send(delivery_id=delivery_id)
    delivery = Delivery.objects.get(pk=delivery_id)
    assert outcome.retry_in is None
    assert delivery.status == DeliveryStatus.FAILED
    assert "550" in delivery.last_error
    assert delivery_send(delivery_id=delivery_id).status == "skipped"  # a retried task sends nothing


def test_the_mail_server_down_is_temporary(settings):
    from tests.smtp import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    person_with_match()
    [delivery_id] = digests_plan()
    outcome = delivery_send(delivery_id=delivery_id)
    delivery = Delivery.objects.get(pk=delivery_id)
    assert outcome.retry_in == settings.NOTIFICATIONS_RETRY_BASE_SECONDS
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert delivery.not_before is not None


def test_a_notification_reaches_the_smtp_server_once_with_its_headers(sink, committed):
    person = UserFactory(preferred_language="en")
    with committed():
        for _ in range(2):  # the same event twice
            notification_create(
                recipient=person, kind=NotificationKind.INTRODUCTION_EXPIRED, key="expired:1", context={"subject": "X"}
            )
    [message] = sink.messages
    assert message["Subject"] == "Your introduction request expired"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<mailto:unsubscribe@helix.local?subject=unsubscribe" in message["List-Unsubscribe"]
    assert message.get_body(preferencelist=("html",)) is not None


def test_not_relevant_from_the_digest_hides_the_match_and_counts_as_feedback(sink):
    person, _startup, match = person_with_match()
    deliveries_send(digests_plan())
    [message] = sink.messages
    path = NOT_RELEVANT.search(sink.text_of(message)).group(1)
    browser = Client(enforce_csrf_checks=True)  # opened from the e-mail: not signed in
    assert browser.get(path).status_code == 200
    assert not MatchFeedback.objects.exists()  # opening the link only asks
    assert browser.post(path).status_code == 200
    browser.post(path)  # twice counts once
    match.refresh_from_db()
    assert match.seeker_state == MatchState.DISMISSED
    [feedback] = MatchFeedback.objects.all()
    assert (feedback.event, feedback.actor, feedback.side) == (FeedbackEvent.NOT_RELEVANT, person, "seeker")


def test_a_tampered_not_relevant_link_is_refused(client):
    assert client.post("/me/notifications/not-relevant/abc:def/").status_code == 400


def test_a_notification_made_while_the_broker_is_down_is_sent_by_the_sweeper(committed, caplog, outbox):
    from notifications.tasks import deliveries_sweep
    from tests.notifications.conftest import sent_to
    from tests.workers import BROKER_DOWN, celery_broker

    person = UserFactory()
    with celery_broker(BROKER_DOWN), committed():
        notification = notification_create(
            recipient=person, kind=NotificationKind.INTRODUCTION_EXPIRED, key="down:1", context={"subject": "X"}
        )
    assert notification is not None  # the event itself went through
    assert "sweeper will catch up" in caplog.text
    assert sent_to(person) == []
    deliveries_sweep()  # what beat runs every minute, broker back up
    assert len(sent_to(person)) == 1


def test_a_message_that_cannot_be_built_fails_alone_and_the_rest_of_the_batch_is_sent(sink):
    person = UserFactory(preferred_language="en")
    context = {"startup": "A", "mentor": "B", "program": "P"}
    hostile = notification_create(
        recipient=person, kind=NotificationKind.MENTORING_ASSIGNED, key="m:1",
        context={**context, "cohort": "Cohort\r\nBcc: x@evil.example"},
    )  # fmt: skip
    fine = notification_create(
        recipient=person, kind=NotificationKind.MENTORING_ASSIGNED, key="m:2", context={**context, "cohort": "Đợt 1"}
    )
    ids = list(Delivery.objects.filter(notification__in=[hostile, fine]).order_by("pk").values_list("pk", flat=True))

    with open_connection() as connection:
        deliveries_send_batch(delivery_ids=ids, connection=connection)

    failed, sent = Delivery.objects.order_by("pk")
    assert failed.status == DeliveryStatus.FAILED and "newline" in failed.last_error.lower()
    assert sent.status == DeliveryStatus.SENT
    assert [message["Subject"] for message in sink.messages] == ["Mentoring assignment in Đợt 1"]
    assert all("evil.example" not in str(message) for message in sink.messages)
    assert delivery_send(delivery_id=failed.pk).status == "skipped"  # never re-claimed


def test_a_not_relevant_link_does_nothing_once_its_reader_has_left_the_organisation(sink):
    person, startup, match = person_with_match()
    deliveries_send(digests_plan())
    path = NOT_RELEVANT.search(sink.text_of(sink.messages[0])).group(1)
    Membership.objects.filter(user=person, organisation=startup).delete()

    Client(enforce_csrf_checks=True).post(path)

    match.refresh_from_db()
    assert match.seeker_state != MatchState.DISMISSED and not MatchFeedback.objects.exists()
