"""What notifications keeps about a person, for their data export ("Download my data",
accounts.export): how they want to hear from Helix, what it told them and the e-mails it sent them."""

from django.utils import translation

from accounts.export.common import addresses_of, iso
from accounts.export.registry import personal_data
from notifications import kinds
from notifications.models import Delivery, Notification, NotificationKind, Suppression
from notifications.services import preference_for


@personal_data("notification_settings")
def notification_settings(user) -> dict:
    preference = preference_for(user)
    return {
        "digest_frequency": preference.digest_frequency,
        "email_kinds": [kind for kind in NotificationKind.values if kind not in preference.muted_kinds],
        "quiet_days": preference.quiet_days,
        # Addresses Helix no longer e-mails (bounces, complaints or staff), so the person knows why.
        "suppressed_addresses": [
            {"email": suppression.email, "reason": suppression.reason, "since": iso(suppression.created_at)}
            for suppression in Suppression.objects.filter(email__in=addresses_of(user)).order_by("created_at")
        ],
    }


@personal_data("notifications")
def notifications(user) -> list[dict]:
    """The notifications listed in the portal, worded in the person's language."""
    items = []
    with translation.override(user.preferred_language):
        for notification in Notification.objects.filter(recipient=user).order_by("created_at", "pk"):
            text = kinds.render(notification.kind, notification.context)
            items.append(
                {
                    "kind": notification.kind,
                    "title": text.title,
                    "body": text.body,
                    "link": notification.link,
                    "created_at": iso(notification.created_at),
                    "read_at": iso(notification.read_at),
                }
            )
    return items


@personal_data("email_deliveries")
def email_deliveries(user) -> list[dict]:
    """The e-mails Helix sent (or meant to send) the person: notifications and digests."""
    return [
        {
            "kind": delivery.kind,
            "period": delivery.period,
            "status": delivery.status,
            "created_at": iso(delivery.created_at),
            "sent_at": iso(delivery.sent_at),
        }
        for delivery in Delivery.objects.filter(recipient=user).order_by("created_at", "pk")
    ]
