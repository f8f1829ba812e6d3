"""Writes: notifications (and the e-mail that tells of them), preferences, unsubscribes and suppressions."""

import logging
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from matching.models import FeedbackEvent, Match, MatchState, Side
from matching.permissions import viewer_sides
from matching.services.feedback import match_feedback_record
from notifications.models import (
    DIGEST,
    PORTAL_ONLY_KINDS,
    Delivery,
    DeliveryStatus,
    DigestFrequency,
    Notification,
    NotificationKind,
    NotificationPreference,
    Suppression,
    SuppressionReason,
)
from notifications.queueing import enqueue_deliveries

logger = logging.getLogger(__name__)

UNSUBSCRIBE_ALL = "all"


# --- Preferences -------------------------------------------------------------------------------


def preference_for(user: User) -> NotificationPreference:
    """Return the person's preferences (unsaved defaults when they never chose)."""
    try:
        return user.notification_preference
    except NotificationPreference.DoesNotExist:
        return NotificationPreference(user=user)


@transaction.atomic
def preference_update(
    *, user: User, digest_frequency: str, email_kinds: list[str], quiet_days: list[int]
) -> NotificationPreference:
    """Save what the person chose on the preferences page and return it."""
    preference, _created = NotificationPreference.objects.select_for_update().get_or_create(user=user)
    preference.digest_frequency = DigestFrequency(digest_frequency)
    preference.muted_kinds = sorted(set(NotificationKind.values) - set(email_kinds))
    preference.quiet_days = sorted({int(day) for day in quiet_days if 0 <= int(day) <= 6})
    preference.save()
    return preference


@transaction.atomic
def unsubscribe(*, user: User, scope: str) -> NotificationPreference:
    """Stop the e-mails `scope` names ("digest", a notification kind or "all") and return the preferences."""
    preference, _created = NotificationPreference.objects.select_for_update().get_or_create(user=user)
    if scope in (DIGEST, UNSUBSCRIBE_ALL):
        preference.digest_frequency = DigestFrequency.OFF
    if scope == UNSUBSCRIBE_ALL:
        preference.muted_kinds = sorted(NotificationKind.values)
    elif scope in NotificationKind.values:
        preference.muted_kinds = sorted({*preference.muted_kinds, scope})
    preference.save()
    logger.info("unsubscribed", extra={"user": user.pk, "scope": scope})
    return preference


def wants_email(preference: NotificationPreference, kind: str) -> bool:
    """True when the person takes e-mail of this kind ("digest" or a notification kind)."""
    if kind == DIGEST:
        return preference.digest_frequency != DigestFrequency.OFF
    return kind not in preference.muted_kinds and kind not in PORTAL_ONLY_KINDS


def next_allowed_moment(quiet_days: list[int], now: datetime | None = None) -> datetime | None:
    """Return None when e-mail may go now, else the moment (local send hour) of the next allowed day."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.weekday() not in quiet_days:
        return None
    day = local.date()
    for _ in range(7):
        day += timedelta(days=1)
        if day.weekday() not in quiet_days:
            break
    moment = datetime.combine(day, time(hour=settings.NOTIFICATIONS_SEND_HOUR))
    return timezone.make_aware(moment, timezone.get_current_timezone())


# --- Suppressions ------------------------------------------------------------------------------


def is_suppressed(email: str) -> bool:
    return Suppression.objects.filter(email=email.strip().lower()).exists()


def suppression_add(*, email: str, reason: str = SuppressionReason.MANUAL, note: str = "") -> Suppression:
    """Never e-mail this address again; return the suppression (existing ones are kept)."""
    suppression, _created = Suppression.objects.get_or_create(
        email=email.strip().lower(), defaults={"reason": reason, "note": note[:300]}
    )
    # Whatever still waits for this address is not sent.
    Delivery.objects.filter(
        recipient__email__iexact=suppression.email, status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]
    ).update(status=DeliveryStatus.SUPPRESSED, last_error="address suppressed")
    logger.info("address suppressed", extra={"reason": reason})
    return suppression


def suppression_remove(*, email: str) -> int:
    return Suppression.objects.filter(email=email.strip().lower()).delete()[0]


# --- Notifications -----------------------------------------------------------------------------


def notification_create(
    *, recipient: User, kind: str, key: str, context: dict[str, Any], link: str = ""
) -> Notification | None:
    """Record a notification once per key and queue its e-mail; return it (None when it already existed).

    The e-mail's outbox row is written in the same transaction as the notification and sent after
    commit, so a signal received twice (or a task retried) neither notifies nor e-mails twice.
    """
    if not recipient.is_active:
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient, kind=kind, key=key, context=context, link=link
            )
            delivery = _notification_delivery(notification)
    except IntegrityError:
        return None
    if delivery is not None and delivery.status == DeliveryStatus.PENDING and delivery.not_before is None:
        transaction.on_commit(lambda: enqueue_deliveries([delivery.pk]))
    logger.info("notification created", extra={"kind": kind, "recipient": recipient.pk})
    return notification


def _notification_delivery(notification: Notification) -> Delivery | None:
    recipient = notification.recipient
    preference = preference_for(recipient)
    if notification.kind in PORTAL_ONLY_KINDS or not recipient.email:
        return None
    status = DeliveryStatus.PENDING
    if not wants_email(preference, notification.kind) or is_suppressed(recipient.email):
        status = DeliveryStatus.SUPPRESSED
    return Delivery.objects.create(
        key=f"notification:{notification.key}",
        recipient=recipient,
        kind=notification.kind,
        notification=notification,
        status=status,
        not_before=next_allowed_moment(preference.quiet_days),
    )


def notification_mark_read(*, user: User, notification_ids: list[int] | None = None) -> int:
    """Mark the person's notifications (all, or those listed) read; return how many changed."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


# --- "Not relevant" from a digest ---------------------------------------------------------------


@transaction.atomic
def match_not_relevant(*, user: User, match_id: int, side: str) -> bool:
    """Record that a match is not relevant to the person and hide it; return False when it is gone (or not theirs).

    Counted once: a second click on the same link changes nothing.
    """
    match = Match.objects.select_for_update().filter(pk=match_id).first()
    if match is None:
        return False
    # The link outlives a membership: only someone still on that side of the match may act.
    if side not in viewer_sides(user, match):
        return False
    state_field = "seeker_state" if side == Side.SEEKER else "provider_state"
    if getattr(match, state_field) == MatchState.DISMISSED:
        return True
    match_feedback_record(match=match, side=side, event=FeedbackEvent.NOT_RELEVANT, actor=user)
    Match.objects.filter(pk=match.pk).update(**{state_field: MatchState.DISMISSED})
    logger.info("match marked not relevant", extra={"match": match.pk, "side": side})
    return True
