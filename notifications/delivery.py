"""The outbox: claim one e-mail, send it once, record the outcome.

A delivery is claimed with a conditional UPDATE (pending, or sending under a lease that ran out),
so two workers given the same row — a retried task, a duplicated beat tick, the sweeper after a
crash — cannot both send it. The row is marked sent right after the SMTP server accepts the
message. The only window left is a worker killed between the server's "250 accepted" and that
UPDATE: the message is then sent again with the same Message-ID, which receiving systems use to
drop duplicates.
"""

import hashlib
import logging
import smtplib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import timezone, translation

from notifications import kinds
from notifications.digests import DigestBatch, digest_content, digest_mark_sent
from notifications.models import DIGEST, Delivery, DeliveryStatus, Suppression
from notifications.services import next_allowed_moment, preference_for, wants_email
from notifications.tokens import unsubscribe_token

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    status: str
    # Seconds until the next attempt, when a temporary failure is to be retried.
    retry_in: int | None = None


SKIPPED = Outcome("skipped")


# --- Addresses, headers and links --------------------------------------------------------------


def _sender_domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "helix.local"


def message_id_for(key: str) -> str:
    """Return the Message-ID of the e-mail with this outbox key: the same key, the same Message-ID."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"<{digest}@{_sender_domain()}>"


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def localized_path(path: str, language: str) -> str:
    """Return a path stored in the default language ("/programs/x/") as seen in `language` ("/en/programs/x/")."""
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, language)


def unsubscribe_url(*, user_id: int, scope: str) -> str:
    """Return the one-click unsubscribe address (in the active language)."""
    token = unsubscribe_token(user_id=user_id, scope=scope)
    return absolute_url(reverse("notifications:unsubscribe", kwargs={"token": token}))


def unsubscribe_mailto(*, user_id: int, scope: str) -> str:
    mailbox = settings.NOTIFICATIONS_UNSUBSCRIBE_MAILTO or f"unsubscribe@{_sender_domain()}"
    return f"mailto:{mailbox}?subject=unsubscribe%20{unsubscribe_token(user_id=user_id, scope=scope)}"


def list_unsubscribe_headers(*, user_id: int, scope: str) -> dict[str, str]:
    """Return the RFC 8058 headers: an HTTPS one-click address and a mailto fallback."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user_id=user_id, scope=scope)}>, "
        f"<{unsubscribe_mailto(user_id=user_id, scope=scope)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# --- Rendering ---------------------------------------------------------------------------------


def build_message(delivery: Delivery, *, connection=None) -> EmailMultiAlternatives:
    """Return the e-mail of a delivery, in the recipient's language, with its headers."""
    recipient = delivery.recipient
    scope = DIGEST if delivery.kind == DIGEST else delivery.kind
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "language": language,
            "recipient": recipient,
            "site_url": settings.SITE_URL,
            "unsubscribe_url": unsubscribe_url(user_id=recipient.pk, scope=scope),
            "preferences_url": absolute_url(reverse("notifications:preferences")),
        }
        if delivery.kind == DIGEST:
            template = "notifications/email/digest"
            context.update(delivery.context)
        else:
            template = "notifications/email/notification"
            notification = delivery.notification
            text = kinds.render(notification.kind, notification.context)
            link = notification.link and absolute_url(localized_path(notification.link, recipient.preferred_language))
            context.update({"title": text.title, "body": text.body, "link": link, "kind": notification.kind})
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        text_body = render_to_string(f"{template}.txt", context)
        html_body = render_to_string(f"{template}.html", context)
        headers = {
            "Message-ID": message_id_for(delivery.key),
            "Auto-Submitted": "auto-generated",
            "Content-Language": language,
            **list_unsubscribe_headers(user_id=recipient.pk, scope=scope),
        }
    message = EmailMultiAlternatives(
        subject=subject, body=text_body, to=[recipient.email], headers=headers, connection=connection
    )
    message.attach_alternative(html_body, "text/html")
    return message


# --- SMTP outcomes -----------------------------------------------------------------------------


def smtp_code(error: Exception) -> int | None:
    """Return the SMTP reply code of a failure, when the server gave one."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return min(codes) if codes else None
    return getattr(error, "smtp_code", None)


def is_temporary(error: Exception) -> bool:
    """True for failures worth retrying: 4xx replies, dropped or refused connections, timeouts."""
    code = smtp_code(error)
    if code is not None and code >= 0:
        return 400 <= code < 500
    return isinstance(error, smtplib.SMTPServerDisconnected | ConnectionError | TimeoutError | OSError)


SEND_ERRORS = (smtplib.SMTPException, OSError)
# A message that cannot be built (a header with a line break, BadHeaderError is a ValueError) fails
# for good: retrying builds the same message.
BUILD_ERRORS = (ValueError,)


def backoff_seconds(attempts: int) -> int:
    """Return the wait before attempt `attempts + 1`: doubling from the base delay, at most an hour."""
    return min(settings.NOTIFICATIONS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), 3600)


# --- Claim and send ----------------------------------------------------------------------------


def _lease_cutoff(now):
    return now - timedelta(seconds=settings.NOTIFICATIONS_SEND_LEASE_SECONDS)


def claimable_q(now) -> Q:
    """Return the condition for rows a worker may take now: due and pending, or abandoned mid-send."""
    due = Q(not_before__isnull=True) | Q(not_before__lte=now)
    return Q(status=DeliveryStatus.PENDING) & due | Q(status=DeliveryStatus.SENDING, claimed_at__lt=_lease_cutoff(now))


def _is_claimable(delivery: Delivery, now) -> bool:
    """The in-memory twin of `claimable_q`, to skip rows without a query (the UPDATE still decides)."""
    if delivery.status == DeliveryStatus.PENDING:
        return delivery.not_before is None or delivery.not_before <= now
    return delivery.status == DeliveryStatus.SENDING and delivery.claimed_at < _lease_cutoff(now)


@contextmanager
def _lease_write():
    """A transaction whose commit does not wait for the disk (PostgreSQL): for claims and outcomes
    that send nothing. Losing one in a database crash only makes the row claimable again; what
    records a sent e-mail (`_finish` after sending) always commits durably."""
    with transaction.atomic():
        if db_connection.vendor == "postgresql":
            with db_connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield


def _settle(delivery: Delivery, now, **fields) -> bool:
    """Record an outcome that needs no sending, if the row is still claimable; return whether it was."""
    with _lease_write():
        return bool(Delivery.objects.filter(claimable_q(now), pk=delivery.pk).update(**fields))


def _claim(delivery: Delivery, now, **fields) -> bool:
    """Take the delivery for this worker with one conditional UPDATE (committed at once); return whether we got it.

    PostgreSQL re-checks the condition on the locked row, so of two workers racing for the same row
    exactly one sees "1 row updated". Digest content prepared before the claim is stored with it.
    """
    with _lease_write():
        claimed = Delivery.objects.filter(claimable_q(now), pk=delivery.pk).update(
            status=DeliveryStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1, **fields
        )
    if claimed:
        delivery.status, delivery.claimed_at, delivery.attempts = DeliveryStatus.SENDING, now, delivery.attempts + 1
        for name, value in fields.items():
            setattr(delivery, name, value)
    return bool(claimed)


def _finish(delivery: Delivery, **fields) -> None:
    # Only the claim holder writes the outcome; a row reclaimed after a lapsed lease is no longer ours.
    Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING, claimed_at=delivery.claimed_at).update(
        **fields
    )


def deliveries_send_batch(*, delivery_ids: list[int], connection=None) -> list[tuple[int, Outcome]]:
    """Send the deliveries that are ours to send, reading what they need once for the batch."""
    deliveries = list(
        Delivery.objects.filter(pk__in=delivery_ids)
        .select_related("recipient", "recipient__notification_preference", "notification")
        .order_by("pk")
    )
    emails = {delivery.recipient.email.strip().lower() for delivery in deliveries}
    suppressed = set(Suppression.objects.filter(email__in=emails).values_list("email", flat=True))
    to_prepare = [
        delivery.recipient for delivery in deliveries if delivery.kind == DIGEST and not delivery.prepared_at
    ]
    batch = DigestBatch(to_prepare) if to_prepare else None
    return [(delivery.pk, _deliver(delivery, connection, batch, suppressed)) for delivery in deliveries]


def delivery_send(*, delivery_id: int, connection=None) -> Outcome:
    """Send one delivery if it is ours to send; return what happened (and when to retry)."""
    results = deliveries_send_batch(delivery_ids=[delivery_id], connection=connection)
    return results[0][1] if results else SKIPPED


def _deliver(delivery: Delivery, connection, batch, suppressed: set[str]) -> Outcome:
    now = timezone.now()
    if not _is_claimable(delivery, now):
        return SKIPPED
    recipient = delivery.recipient
    preference = preference_for(recipient)
    if not recipient.is_active or not recipient.email or recipient.email.strip().lower() in suppressed:
        _settle(delivery, now, status=DeliveryStatus.SUPPRESSED, last_error="recipient inactive or suppressed")
        return Outcome(DeliveryStatus.SUPPRESSED)
    if not wants_email(preference, delivery.kind):
        _settle(delivery, now, status=DeliveryStatus.SUPPRESSED, last_error="turned off by the recipient")
        return Outcome(DeliveryStatus.SUPPRESSED)
    wait_until = next_allowed_moment(preference.quiet_days, now)
    if wait_until is not None:
        # A quiet day: the sweeper sends it on the next allowed day.
        _settle(delivery, now, not_before=wait_until, enqueued_at=None)
        return Outcome("deferred")
    prepared = {}
    if delivery.kind == DIGEST and delivery.prepared_at is None:
        content = digest_content(user=recipient, now=now, batch=batch or DigestBatch([recipient]))
        if not content["item_count"]:
            _settle(delivery, now, status=DeliveryStatus.EMPTY)
            return Outcome(DeliveryStatus.EMPTY)
        prepared = {"context": content, "prepared_at": now}
    if not _claim(delivery, now, **prepared):
        return SKIPPED
    return _send(delivery, connection)


def _send(delivery: Delivery, connection) -> Outcome:
    try:
        message = build_message(delivery, connection=connection)
        message.message()  # headers are checked here, so a bad one fails this delivery, never the batch
    except BUILD_ERRORS as error:
        return _failed(delivery, error)
    try:
        if connection is not None:
            connection.open()  # kept open for the batch (send_messages closes what it opened itself)
        message.send(fail_silently=False)
    except SEND_ERRORS as error:
        if connection is not None:
            connection.close()  # a broken connection is reopened by the next send
        return _failed(delivery, error)
    now = timezone.now()
    sent = {"status": DeliveryStatus.SENT, "sent_at": now, "message_id": message.extra_headers["Message-ID"]}
    if delivery.kind == DIGEST and delivery.context.get("saved_search_ids"):
        with transaction.atomic():
            _finish(delivery, last_error="", **sent)
            digest_mark_sent(delivery=delivery)
    else:
        _finish(delivery, last_error="", **sent)
    logger.info("e-mail sent", extra={"delivery": delivery.pk, "kind": delivery.kind})
    return Outcome(DeliveryStatus.SENT)


def _failed(delivery: Delivery, error: Exception) -> Outcome:
    description = f"{type(error).__name__}: {error}"[:2000]
    if is_temporary(error) and delivery.attempts < settings.NOTIFICATIONS_MAX_ATTEMPTS:
        wait = backoff_seconds(delivery.attempts)
        retry_at = timezone.now() + timedelta(seconds=wait)
        # enqueued_at = when the retry is due, so the sweeper leaves it to the retry for one lease.
        _finish(
            delivery, status=DeliveryStatus.PENDING, not_before=retry_at, enqueued_at=retry_at, claimed_at=None,
            last_error=description,
        )  # fmt: skip
        logger.warning("e-mail failed, will retry", extra={"delivery": delivery.pk, "error": description})
        return Outcome("retry", retry_in=wait)
    _finish(delivery, status=DeliveryStatus.FAILED, last_error=description)
    logger.error("e-mail failed for good", extra={"delivery": delivery.pk, "error": description})
    return Outcome(DeliveryStatus.FAILED)


def open_connection():
    """Return an e-mail connection for a batch (one SMTP session for many messages)."""
    return get_connection(fail_silently=False)


def deliveries_due(*, now=None) -> list[int]:
    """Return deliveries no live task holds: due and never queued (or queued a lease ago), or abandoned mid-send."""
    now = now or timezone.now()
    cutoff = _lease_cutoff(now)
    due = Q(not_before__isnull=True) | Q(not_before__lte=now)
    unqueued = Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=cutoff)
    condition = Q(status=DeliveryStatus.PENDING) & due & unqueued | Q(
        status=DeliveryStatus.SENDING, claimed_at__lt=cutoff
    )
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(condition)
            .select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:10000]
        )
        Delivery.objects.filter(pk__in=ids).update(enqueued_at=now)
    return ids
