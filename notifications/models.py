"""Notifications, the e-mail outbox that delivers them (and digests) exactly once, preferences and suppressions.

The outbox is the source of truth for e-mail: a `Delivery` row with a unique key is written before
anything is sent and marked sent after, so a retried task, a duplicated beat tick or a worker
killed mid-send finds the row and never sends the same e-mail twice.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    INTRODUCTION_REQUESTED = "introduction_requested", _("Introduction requests to me")
    INTRODUCTION_ANSWERED = "introduction_answered", _("Answers to my introduction requests")
    INTRODUCTION_EXPIRED = "introduction_expired", _("My introduction requests nobody answered")
    MENTORING_ASSIGNED = "mentoring_assigned", _("Mentoring assignments")
    PROGRAM_INVITATION = "program_invitation", _("Invitations to apply to a program")
    PROGRAM_MODERATION = "program_moderation", _("Moderation decisions on programs I submitted")
    ORGANISATION_INVITATION = "organisation_invitation", _("Invitations to join an organisation")
    PROGRAM_CLOSING = "program_closing", _("Reminders before a saved program closes")


# Kinds whose e-mail someone else already sends — the organisation invitation (ecosystem.emails) and
# the moderation decision (Wagtail's workflow e-mails to the submitter): listed in the portal only,
# so nobody gets the same news twice.
PORTAL_ONLY_KINDS = frozenset({NotificationKind.ORGANISATION_INVITATION, NotificationKind.PROGRAM_MODERATION})
DIGEST = "digest"


class Notification(models.Model):
    """Something that happened that a person should know about, listed in the portal."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    # The event and the recipient ("introduction_requested:12:7"): the same event never notifies twice.
    key = models.CharField(max_length=200, unique=True)
    # Plain values (names, titles) the message is rendered from, in the reader's language.
    context = models.JSONField(default=dict, blank=True)
    # A path without language prefix; shown under the reader's language.
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.key


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    OFF = "off", _("Never")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class NotificationPreference(models.Model):
    """How and when a person wants e-mail; people without a row get the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    digest_frequency = models.CharField(
        _("digest"), max_length=8, choices=DigestFrequency.choices, default=DigestFrequency.WEEKLY
    )
    # Kinds switched off for e-mail (stored as opt-outs, so a new kind reaches everyone by default).
    muted_kinds = models.JSONField(default=list, blank=True)
    # Weekdays (0 = Monday) on which nothing is sent; what falls on them waits for the next allowed day.
    quiet_days = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user}: {self.digest_frequency}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SUPPRESSED = "suppressed", _("Not sent: address suppressed or e-mail turned off")
    EMPTY = "empty", _("Not sent: nothing new")


class Delivery(models.Model):
    """One e-mail in the outbox: a digest (key = recipient + period) or a notification (key = its event)."""

    key = models.CharField(max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="+"
    )
    # "digest" or a NotificationKind.
    kind = models.CharField(_("kind"), max_length=32)
    notification = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    period = models.CharField(_("period"), max_length=32, blank=True)
    # For digests: the items, rendered when the digest is prepared (so a retry sends the same e-mail).
    context = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # Quiet days and retry back-off: not sent before this moment.
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    # When a worker claimed it; a claim older than the lease belongs to a worker that died.
    claimed_at = models.DateTimeField(null=True, blank=True)
    prepared_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    message_id = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        indexes = [
            models.Index(fields=["status", "not_before"], name="delivery_due"),
            models.Index(fields=["recipient", "kind", "status"], name="delivery_recipient_kind"),
            models.Index(fields=["period", "status"], name="delivery_period"),
        ]

    def __str__(self):
        return f"{self.key} ({self.status})"


class SuppressionReason(models.TextChoices):
    BOUNCE = "bounce", _("Hard bounce")
    COMPLAINT = "complaint", _("Spam complaint")
    MANUAL = "manual", _("Added by staff")


class Suppression(models.Model):
    """An address Helix never e-mails again (bounced, complained, or blocked by staff)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    reason = models.CharField(_("reason"), max_length=16, choices=SuppressionReason.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("suppressed at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return self.email
