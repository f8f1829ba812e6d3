"""What people do with their matches: save, dismiss, restore, and the feedback log behind every action.

The state lives on the match row (`seeker_state`/`provider_state`), which a recompute keeps when
the state is not "new": a dismissed match stays dismissed however often the matches are rebuilt.
Every action is also appended to `MatchFeedback`, keyed by the pair rather than the row, so the
engine can learn from it after the row is gone.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.db import transaction

from matching.models import FeedbackEvent, Match, MatchFeedback, MatchState, Side
from matching.permissions import require_side

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

logger = logging.getLogger(__name__)

REASON_MAX_LENGTH = MatchFeedback._meta.get_field("reason").max_length


def feedback_record(
    *,
    key: str,
    kind: str,
    side: str,
    event: str,
    match: Match | None = None,
    actor: User | AnonymousUser | None = None,
    reason: str = "",
) -> MatchFeedback:
    """Return a new feedback row for a pair given by its key (for pairs whose match row may be gone)."""
    return MatchFeedback.objects.create(
        key=key,
        match=match,
        kind=kind,
        side=side,
        event=event,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=(reason or "").strip()[:REASON_MAX_LENGTH],
    )


def match_feedback_record(
    *, match: Match, side: str, event: str, actor: User | AnonymousUser | None = None, reason: str = ""
) -> MatchFeedback:
    """Return a new, append-only feedback row for what `actor` did with `match` from `side`.

    The pair's key and kind are copied from the match, so the row outlives it. Callers check
    permissions; this only writes the log.
    """
    return feedback_record(
        key=match.key, kind=match.kind, side=side, event=event, match=match, actor=actor, reason=reason
    )


def _state_field(side: str) -> str:
    return "seeker_state" if side == Side.SEEKER else "provider_state"


def _set_state(*, user: User, match: Match, side: str, state: str, event: str, reason: str = "") -> Match:
    require_side(user, match, side)
    field = _state_field(side)
    # Only the one column: a recompute may be rewriting the score and reasons at the same time.
    Match.objects.filter(pk=match.pk).update(**{field: state})
    setattr(match, field, state)
    if hasattr(match, "viewer_state"):
        match.viewer_state = state
    match_feedback_record(match=match, side=side, event=event, actor=user, reason=reason)
    logger.info("match state changed", extra={"match": match.pk, "side": side, "state": state, "user": user.pk})
    return match


@transaction.atomic
def match_save(*, user: User, match: Match, side: str) -> Match:
    """Return the match saved by the person on their side (it stays listed even after a recompute drops it)."""
    return _set_state(user=user, match=match, side=side, state=MatchState.SAVED, event=FeedbackEvent.SAVED)


@transaction.atomic
def match_dismiss(*, user: User, match: Match, side: str, reason: str = "") -> Match:
    """Return the match dismissed by the person on their side, with their optional reason in the log."""
    return _set_state(
        user=user, match=match, side=side, state=MatchState.DISMISSED, event=FeedbackEvent.DISMISSED, reason=reason
    )


@transaction.atomic
def match_restore(*, user: User, match: Match, side: str) -> Match:
    """Return the match back to "new" on the person's side (undoes a save or a dismissal)."""
    return _set_state(user=user, match=match, side=side, state=MatchState.NEW, event=FeedbackEvent.RESTORED)
