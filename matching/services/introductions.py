"""Introductions between the two sides of a match, and the relationships accepted ones start.

A person asks from their side of a match; the other side's people who answer for it (see
`introduction_recipients`) accept or decline. Unanswered requests expire after
`MATCHING_INTRODUCTION_EXPIRY_DAYS`. Accepting shares both sides' contact details and starts a
collaboration or mentoring relationship. Every step is written to the feedback log and announced
through `matching.signals` once committed (notifications listen there).

The reads that go with them (who answers, what a person received and sent, the next-best match to
try after a refusal) are in `matching.selectors.introductions`.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from ecosystem.models import MentorOffer, Need
from matching.models import (
    FeedbackEvent,
    Introduction,
    IntroductionStatus,
    Match,
    MatchKind,
    MatchState,
    Relationship,
    RelationshipStatus,
    Side,
)
from matching.permissions import side_for, sides_for_ends
from matching.selectors.introductions import end_field, introduction_ends, introduction_recipients
from matching.services.feedback import feedback_record
from matching.signals import introduction_answered, introduction_expired, introduction_requested

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

# Programs are applied to through their own procedure; the other kinds are met through an introduction.
INTRODUCIBLE_KINDS = (MatchKind.COLLABORATION, MatchKind.MENTORING, MatchKind.NEED)
MESSAGE_MAX_LENGTH = Introduction._meta.get_field("message").max_length
REASON_MAX_LENGTH = Introduction._meta.get_field("decline_reason").max_length


def expiry_days() -> int:
    return int(getattr(settings, "MATCHING_INTRODUCTION_EXPIRY_DAYS", 14))


# -- Writes -----------------------------------------------------------------------------------


def _notify(signal: Signal, introduction: Introduction) -> None:
    transaction.on_commit(partial(signal.send, sender=Introduction, introduction=introduction))


def _feedback(
    introduction: Introduction, *, side: str, event: str, actor: User | None = None, reason: str = ""
) -> None:
    match = introduction.match if introduction.match_id else Match.objects.filter(key=introduction.key).first()
    feedback_record(
        key=introduction.key, kind=introduction.kind, side=side, event=event, match=match, actor=actor, reason=reason
    )


@transaction.atomic
def introduction_request(
    *, user: User, match: Match, message: str = "", side: str | None = None, now: datetime | None = None
) -> Introduction:
    """Return a new pending request from the person's side of `match` to the other side.

    Refuses (ValidationError) programs, matches the person dismissed, paused mentors, pairs already
    waiting for an answer or already in a relationship. The match is kept as saved for the requester,
    so later recomputes keep its row (and the request's link to it).
    """
    side = side_for(user, match, side)
    if match.kind not in INTRODUCIBLE_KINDS:
        raise ValidationError(_("Programs are not introduced: apply through the program's own procedure."))
    if match.state_of(side) == MatchState.DISMISSED:
        raise ValidationError(_("You dismissed this match. Restore it before asking for an introduction."))
    if (
        match.kind == MatchKind.MENTORING
        and side == Side.SEEKER
        and match.mentor is not None
        and match.mentor.is_paused
    ):
        raise ValidationError(_("This mentor is not taking requests at the moment."))
    if Relationship.objects.filter(key=match.key, status=RelationshipStatus.ACTIVE).exists():
        raise ValidationError(_("You are already in touch with them: see your introductions."))
    already = _("An introduction for this match is already waiting for an answer.")
    if Introduction.objects.filter(key=match.key, status=IntroductionStatus.PENDING).exists():
        raise ValidationError(already)
    now = now or timezone.now()
    introduction = Introduction(
        match=match,
        key=match.key,
        kind=match.kind,
        requester=user,
        requester_side=side,
        message=(message or "").strip()[:MESSAGE_MAX_LENGTH],
        created_at=now,
        expires_at=now + timedelta(days=expiry_days()),
    )
    if not introduction_recipients(introduction):
        raise ValidationError(_("Nobody can answer for the other side yet. Try again later."))
    try:
        with transaction.atomic():
            introduction.save()
    except IntegrityError:  # a second click racing the first: the same request
        raise ValidationError(already) from None
    if match.state_of(side) == MatchState.NEW:
        field = "seeker_state" if side == Side.SEEKER else "provider_state"
        Match.objects.filter(pk=match.pk).update(**{field: MatchState.SAVED})
        setattr(match, field, MatchState.SAVED)
    _feedback(introduction, side=side, event=FeedbackEvent.INTRO_REQUESTED, actor=user)
    _notify(introduction_requested, introduction)
    logger.info("introduction requested", extra={"introduction": introduction.pk, "key": match.key, "user": user.pk})
    return introduction


def _answerable(user: User, introduction: Introduction, now: datetime) -> Introduction:
    """Return the request locked for the answer, after checking it is pending and the person answers it."""
    locked = Introduction.objects.select_for_update(of=("self",)).select_related("match").get(pk=introduction.pk)
    if not any(person.pk == user.pk for person in introduction_recipients(locked)):
        raise PermissionDenied
    if locked.status != IntroductionStatus.PENDING:
        raise ValidationError(_("This request has already been answered or has expired."))
    if locked.expires_at <= now:
        raise ValidationError(_("This request has expired."))
    return locked


def _relationship_kind(kind: str) -> str:
    return MatchKind.MENTORING if kind == MatchKind.MENTORING else MatchKind.COLLABORATION


def _check_mentor_capacity(mentor: MentorOffer, *, user: User) -> None:
    # Locking the offer serialises two accepts racing for the last place.
    offer = MentorOffer.objects.select_for_update().get(pk=mentor.pk)
    active = Relationship.objects.filter(
        mentor=offer, kind=MatchKind.MENTORING, status=RelationshipStatus.ACTIVE
    ).count()
    if active < offer.capacity:
        return
    numbers = {"active": active, "capacity": offer.capacity}
    if offer.user_id == user.pk:
        raise ValidationError(
            _(
                "You already mentor %(active)s startups and your capacity is %(capacity)s. Complete or end "
                "a mentoring relationship, or raise your capacity, before accepting another."
            )
            % numbers
        )
    raise ValidationError(
        _("This mentor already mentors %(active)s startups, their full capacity of %(capacity)s.") % numbers
    )


@transaction.atomic
def introduction_accept(*, user: User, introduction: Introduction, now: datetime | None = None) -> Relationship:
    """Return the relationship started by accepting the request; both sides' contacts are now shared.

    A mentor at capacity (active mentoring relationships) is refused and nothing changes.
    """
    now = now or timezone.now()
    introduction = _answerable(user, introduction, now)
    seeker, provider = introduction_ends(introduction)
    if seeker is None or provider is None:
        raise ValidationError(_("One side of this match no longer exists."))
    if introduction.kind == MatchKind.MENTORING:
        assert isinstance(provider, MentorOffer), "a mentoring pair's provider is a mentor offer (ENDS)"
        _check_mentor_capacity(provider, user=user)
    introduction.status = IntroductionStatus.ACCEPTED
    introduction.answered_by = user
    introduction.answered_at = now
    introduction.save(update_fields=["status", "answered_by", "answered_at"])
    ends = {end_field(introduction.kind, Side.SEEKER): seeker, end_field(introduction.kind, Side.PROVIDER): provider}
    if introduction.kind == MatchKind.NEED:
        assert isinstance(seeker, Need), "a need pair's seeker is a need (ENDS)"
        ends["organisation"] = seeker.organisation
    relationship = Relationship.objects.create(
        kind=_relationship_kind(introduction.kind),
        key=introduction.key,
        introduction=introduction,
        started_at=now,
        **ends,
    )
    side = introduction.answerer_side
    _feedback(introduction, side=side, event=FeedbackEvent.INTRO_ACCEPTED, actor=user)
    _feedback(introduction, side=side, event=FeedbackEvent.COLLABORATION_STARTED, actor=user)
    _notify(introduction_answered, introduction)
    logger.info("introduction accepted", extra={"introduction": introduction.pk, "relationship": relationship.pk})
    return relationship


@transaction.atomic
def introduction_decline(
    *, user: User, introduction: Introduction, reason: str = "", now: datetime | None = None
) -> Introduction:
    """Return the request declined, with the optional reason the requester will read."""
    now = now or timezone.now()
    introduction = _answerable(user, introduction, now)
    introduction.status = IntroductionStatus.DECLINED
    introduction.decline_reason = (reason or "").strip()[:REASON_MAX_LENGTH]
    introduction.answered_by = user
    introduction.answered_at = now
    introduction.save(update_fields=["status", "decline_reason", "answered_by", "answered_at"])
    _feedback(
        introduction,
        side=introduction.answerer_side,
        event=FeedbackEvent.INTRO_DECLINED,
        actor=user,
        reason=introduction.decline_reason,
    )
    _notify(introduction_answered, introduction)
    logger.info("introduction declined", extra={"introduction": introduction.pk})
    return introduction


def introductions_expire(*, now: datetime | None = None) -> int:
    """Expire the requests left unanswered past their date; return how many. Safe to run twice."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = list(
            Introduction.objects.select_for_update(skip_locked=True).filter(
                status=IntroductionStatus.PENDING, expires_at__lte=now
            )
        )
        if expired:
            Introduction.objects.filter(pk__in=[introduction.pk for introduction in expired]).update(
                status=IntroductionStatus.EXPIRED
            )
        for introduction in expired:
            introduction.status = IntroductionStatus.EXPIRED
            _notify(introduction_expired, introduction)
    if expired:
        logger.info("introductions expired", extra={"count": len(expired)})
    return len(expired)


def relationship_sides(user: User, relationship: Relationship) -> set[str]:
    """Return the sides the person has in a relationship (the same rules as on its match)."""
    kind = relationship.key.split(":", 1)[0]
    return sides_for_ends(
        user,
        kind=kind,
        organisation_id=relationship.organisation_id,
        need=relationship.need if relationship.need_id else None,
        capability=relationship.capability if relationship.capability_id else None,
        mentor=relationship.mentor if relationship.mentor_id else None,
    )


@transaction.atomic
def relationship_update_status(*, user: User, relationship: Relationship, status: str) -> Relationship:
    """Return the relationship with its new status (active, completed, funded, ended), set by a party to it."""
    sides = relationship_sides(user, relationship)
    if not sides:
        raise PermissionDenied
    if status not in RelationshipStatus.values:
        raise ValidationError({"status": _("Choose one of the listed statuses.")})
    if relationship.status == status:
        return relationship
    relationship.status = status
    relationship.save(update_fields=["status", "updated_at"])
    if status == RelationshipStatus.FUNDED:
        side = Side.SEEKER if Side.SEEKER in sides else Side.PROVIDER
        kind = relationship.key.split(":", 1)[0]
        feedback_record(
            key=relationship.key,
            kind=kind,
            side=side,
            event=FeedbackEvent.FUNDING_AWARDED,
            match=Match.objects.filter(key=relationship.key).first(),
            actor=user,
        )
    logger.info("relationship status changed", extra={"relationship": relationship.pk, "status": status})
    return relationship
