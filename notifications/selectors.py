"""Reads of notifications for the portal."""

from django.db.models import QuerySet

from notifications.models import Notification


def notification_list_for(*, user) -> QuerySet[Notification]:
    """Return the person's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_unread_count(*, user) -> int:
    """Return how many of the person's notifications are unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
