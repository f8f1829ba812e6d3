"""Introductions between the two sides of a match, and the relationships accepted ones start.

A person asks from their side of a match; the other side's people who answer for it (see
`introduction_recipients`) accept or decline. Unanswered requests expire after
`MATCHING_INTRODUCTION_EXPIRY_DAYS`. Accepting shares both sides' contact details and starts a
collaboration or mentoring relationship. Every step is written to the feedback log and announced
through `matching.signals` once committed (notifications listen there).

The reads that go with them (who answers, what a person received and sent, the next-best match to
try after a refusal) live here too, next to the rules they must agree with.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from ecosystem.models import Capability, Membership, MentorOffer, Need, Organisation
from matching.models import (
    END_MODELS,
    ENDS,
    FeedbackEvent,
    Introduction,
    IntroductionStatus,
    Match,
    MatchEnd,
    MatchKind,
    MatchState,
    Relationship,
    RelationshipStatus,
    Side,
)
from matching.permissions import MANAGER_ROLES, side_for, sides_for_ends
from matching.selectors import match_list_for
from matching.services.feedback import feedback_record
from matching.signals import introduction_answered, introduction_expired, introduction_requested

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

logger = logging.getLogger(__name__)

# Programs are applied to through their own procedure; the other kinds are met through an introduction.
INTRODUCIBLE_KINDS = (MatchKind.COLLABORATION, MatchKind.MENTORING, MatchKind.NEED)
MESSAGE_MAX_LENGTH = Introduction._meta.get_field("message").max_length
REASON_MAX_LENGTH = Introduction._meta.get_field("decline_reason").max_length


def expiry_days() -> int:
    return int(getattr(settings, "MATCHING_INTRODUCTION_EXPIRY_DAYS", 14))


def _end_field(kind: str, side: str) -> str:
    return ENDS[kind][0 if side == Side.SEEKER else 1]


def _key_ids(key: str) -> tuple[int, int]:
    _kind, seeker_id, provider_id = key.split(":")
    return int(seeker_id), int(provider_id)


def introduction_ends(introduction: Introduction) -> tuple[MatchEnd | None, MatchEnd | None]:
    """Return the pair's (seeker, provider), from the match or, once its row is gone, from the key."""
    if introduction.match is not None:  # no query when match_id is None
        return introduction.match.seeker, introduction.match.provider
    seeker_field, provider_field = ENDS[introduction.kind]
    seeker_id, provider_id = _key_ids(introduction.key)
    return (
        END_MODELS[seeker_field].objects.filter(pk=seeker_id).first(),
        END_MODELS[provider_field].objects.filter(pk=provider_id).first(),
    )


def introduction_ends_by_role(introduction: Introduction) -> tuple[MatchEnd | None, MatchEnd | None]:
    """Return (the requester's end, the answerer's end): the pair's two ends as the requester sees them."""
    seeker, provider = introduction_ends(introduction)
    return (seeker, provider) if introduction.requester_side == Side.SEEKER else (provider, seeker)


# -- Who answers ------------------------------------------------------------------------------


def _managers(organisation_id: int) -> list[User]:
    return list(
        get_user_model()
        .objects.filter(
            memberships__organisation_id=organisation_id, memberships__role__in=MANAGER_ROLES, is_active=True
        )
        .order_by("pk")
    )


def end_recipients(field: str, end: MatchEnd | None) -> list[User]:
    """Return the people who answer for one end of a pair (an organisation, capability, mentor or need)."""
    if end is None:
        return []
    # `field` names the end's model (END_MODELS); the class patterns only tell mypy so.
    match field, end:
        case "organisation", Organisation():
            return _managers(end.pk)
        case "capability", Capability():
            person = end.contact_person if end.contact_person_id else end.owner
            return [person] if person is not None and person.is_active else []
        case "mentor", MentorOffer():
            return [end.user] if end.user.is_active else []
        case "need", Need():
            # The poster answers while they still belong to the organisation; otherwise its managers do.
            if (
                end.posted_by_id
                and Membership.objects.filter(organisation_id=end.organisation_id, user_id=end.posted_by_id).exists()
            ):
                poster = end.posted_by  # never None here: posted_by_id is set
                return [poster] if poster is not None and poster.is_active else []
            return _managers(end.organisation_id)
    return []


def introduction_recipients(introduction: Introduction) -> list[User]:
    """Return the people who may answer the request: the answering end's representatives.

    An organisation answers through its owners and administrators; a capability through its contact
    person, else whoever posted it; a mentor offer through the mentor; a need through its poster,
    else its organisation's owners and administrators. `introduction_list_received` says the same in SQL.
    """
    seeker, provider = introduction_ends(introduction)
    side = introduction.answerer_side
    return end_recipients(_end_field(introduction.kind, side), seeker if side == Side.SEEKER else provider)


def _received_q(user: User) -> Q:
    managed = Membership.objects.filter(user=user, role__in=MANAGER_ROLES).values("organisation")
    member_of = Membership.objects.filter(user=user).values("organisation")
    poster_is_member = Exists(
        Membership.objects.filter(
            organisation=OuterRef("match__need__organisation"), user=OuterRef("match__need__posted_by")
        )
    )
    seeker_answers = Q(requester_side=Side.PROVIDER)
    provider_answers = Q(requester_side=Side.SEEKER)
    return (
        (seeker_answers & Q(kind__in=[MatchKind.COLLABORATION, MatchKind.MENTORING], match__organisation__in=managed))
        | (
            seeker_answers
            & Q(kind=MatchKind.NEED)
            & (
                Q(match__need__posted_by=user, match__need__organisation__in=member_of)
                | (Q(match__need__organisation__in=managed) & ~Q(poster_is_member))
            )
        )
        | (
            provider_answers
            & Q(kind__in=[MatchKind.COLLABORATION, MatchKind.NEED])
            & (
                Q(match__capability__contact_person=user)
                | Q(match__capability__contact_person__isnull=True, match__capability__owner=user)
            )
        )
        | (provider_answers & Q(kind=MatchKind.MENTORING, match__mentor__user=user))
    )


def _with_ends(introductions: QuerySet[Introduction]) -> QuerySet[Introduction]:
    return introductions.select_related(
        "requester",
        "answered_by",
        "relationship",
        "match__organisation",
        "match__need__organisation",
        "match__capability__organisation",
        "match__mentor__user",
    )


def introduction_list_received(*, user: User | AnonymousUser) -> QuerySet[Introduction]:
    """Return the requests the person answers (or answered), newest first."""
    if not user.is_authenticated:
        return Introduction.objects.none()
    return _with_ends(Introduction.objects.filter(_received_q(user)).exclude(requester=user)).order_by(
        "-created_at", "-pk"
    )


def introduction_list_sent(*, user: User | AnonymousUser) -> QuerySet[Introduction]:
    """Return the requests the person made, newest first."""
    if not user.is_authenticated:
        return Introduction.objects.none()
    return _with_ends(Introduction.objects.filter(requester=user)).order_by("-created_at", "-pk")


def introduction_role(user: User | AnonymousUser, introduction: Introduction) -> str | None:
    """Return "requester", "recipient" or None (the person has no business with the request)."""
    if not user.is_authenticated:
        return None
    if introduction.requester_id == user.pk:
        return "requester"
    if any(person.pk == user.pk for person in introduction_recipients(introduction)):
        return "recipient"
    return None


def introduction_for_detail(*, user: User | AnonymousUser, pk: int) -> tuple[Introduction, str] | None:
    """Return the introduction with the person's role in it, or None when it is not theirs to see."""
    introduction = _with_ends(Introduction.objects.filter(pk=pk)).first()
    if introduction is None:
        return None
    role = introduction_role(user, introduction)
    return (introduction, role) if role else None


def introductions_by_key(*, keys: Iterable[str]) -> dict[str, Introduction]:
    """Return the latest introduction of each pair in `keys` (one query, for a page of matches)."""
    latest: dict[str, Introduction] = {}
    for introduction in Introduction.objects.filter(key__in=list(keys)).order_by("created_at", "pk"):
        latest[introduction.key] = introduction
    return latest


def introduction_next_best(*, user: User, introduction: Introduction) -> Match | None:
    """Return the best match of the same kind, for the same end, that the requester has not yet
    asked about or dismissed: what to try after a decline or an expiry."""
    if introduction.requester_id != user.pk:
        return None
    side = introduction.requester_side
    seeker_id, provider_id = _key_ids(introduction.key)
    own = {f"{_end_field(introduction.kind, side)}_id": seeker_id if side == Side.SEEKER else provider_id}
    asked = Introduction.objects.filter(requester=user, kind=introduction.kind).values("key")
    candidates = match_list_for(user=user, side=side, kind=introduction.kind).filter(**own).exclude(key__in=asked)
    if introduction.kind == MatchKind.MENTORING and side == Side.SEEKER:
        candidates = candidates.exclude(mentor__is_paused=True)
    return candidates.exclude(viewer_state=MatchState.DISMISSED).first()


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
    ends = {_end_field(introduction.kind, Side.SEEKER): seeker, _end_field(introduction.kind, Side.PROVIDER): provider}
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
