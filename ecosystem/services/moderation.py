"""Moderators hide content that breaks the rules, with a reason its owner sees, and unhide it.

Hidden content disappears from the directories and detail pages for everyone but its owners and
the moderators (see ecosystem.selectors.directories).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecosystem.models import Capability, MentorOffer, Need, Organisation, Program
from ecosystem.permissions import can_moderate_content

if TYPE_CHECKING:
    from ecosystem.users import User

logger = logging.getLogger(__name__)

# Every model a moderator may hide (each is Hideable), by the name used in addresses.
HIDEABLE_MODELS = {
    "organisation": Organisation,
    "capability": Capability,
    "mentor": MentorOffer,
    "need": Need,
    "program": Program,
}
HIDDEN_FIELDS = ["hidden_at", "hidden_reason", "hidden_by"]
# Whichever of them is hidden or unhidden comes back as it was given.
HideableT = TypeVar("HideableT", Organisation, Capability, MentorOffer, Need, Program)


def _save(content: Organisation | Capability | MentorOffer | Need | Program) -> None:
    # Only the moderation fields and the change stamp (nothing the owner is editing), through save():
    # its signals queue the search index and the matches at once, and the new `updated_at` is what
    # both sweepers look for when a queued change was lost.
    content.save(update_fields=[*HIDDEN_FIELDS, "updated_at"])


@transaction.atomic
def content_hide(*, user: User, content: HideableT, reason: str) -> HideableT:
    """Return the content hidden by the moderator, with the reason its owner will see."""
    if not can_moderate_content(user):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the owner a reason.")})
    content.hidden_at = timezone.now()
    content.hidden_reason = reason
    content.hidden_by = user
    _save(content)
    logger.info(
        "content hidden",
        extra={"model": content._meta.label, "content": content.pk, "moderator": user.pk},
    )
    return content


@transaction.atomic
def content_unhide(*, user: User, content: HideableT) -> HideableT:
    """Return the content visible again, its reason cleared."""
    if not can_moderate_content(user):
        raise PermissionDenied
    content.hidden_at = None
    content.hidden_reason = ""
    content.hidden_by = None
    _save(content)
    logger.info(
        "content unhidden",
        extra={"model": content._meta.label, "content": content.pk, "moderator": user.pk},
    )
    return content
