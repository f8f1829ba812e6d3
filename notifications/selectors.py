"""Reads of notifications for the portal."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from notifications.models import Notification


def notification_list_for(*, user) -> QuerySet[Notification]:
    """Return the person's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_unread_count(*, user) -> int:
    """Return how many of the person's notifications are unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def link_holder_get(*, pk: int, active_only: bool):
    """Return the person an e-mail link was signed for, or None if they are gone.

    Unsubscribing works for a deactivated account too (mail may still be on its way to them);
    acting on a match needs an active one.
    """
    people = get_user_model().objects.filter(pk=pk)
    return (people.filter(is_active=True) if active_only else people).first()
