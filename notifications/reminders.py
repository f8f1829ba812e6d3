"""Reminders before saved programs close."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation

from ecosystem.models import Membership
from matching.models import Match, MatchKind, MatchState
from notifications.models import NotificationKind
from notifications.services import notification_create

logger = logging.getLogger(__name__)

REMIND_BEFORE = timedelta(days=3)


def program_reminders_create(*, now=None) -> int:
    """Notify the members of organisations that saved a program closing within three days; return how many.

    Runs from beat as often as staff like: the key (program, person) makes each reminder happen once.
    """
    now = now or timezone.now()
    saved = Match.objects.filter(
        kind=MatchKind.FUNDING,
        seeker_state=MatchState.SAVED,
        program__live=True,
        program__hidden_at__isnull=True,
        program__closes_at__gt=now,
        program__closes_at__lte=now + REMIND_BEFORE,
    ).select_related("program")
    created = 0
    for match in saved:
        program = match.program
        with translation.override(settings.LANGUAGE_CODE):
            link = program.get_absolute_url()
        members = Membership.objects.filter(organisation_id=match.organisation_id).select_related("user")
        for membership in members:
            notification = notification_create(
                recipient=membership.user,
                kind=NotificationKind.PROGRAM_CLOSING,
                key=f"program_closing:{program.pk}:{membership.user_id}",
                context={"program": program.title, "closes_at": program.closes_at.isoformat()},
                link=link,
            )
            created += notification is not None
    logger.info("program reminders created", extra={"count": created})
    return created
