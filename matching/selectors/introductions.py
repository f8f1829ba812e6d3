"""Reads of introductions: the two ends of a request, who answers it, what a person received and
sent, and the next-best match to try after a refusal.

Who answers follows `matching.permissions` (the same roles that may act on a match), so the inbox,
the detail page and the notifications agree on who is asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from ecosystem.models import Capability, Membership, MentorOffer, Need, Organisation
from matching.models import (
    END_MODELS,
    ENDS,
    Introduction,
    Match,
    MatchEnd,
    MatchKind,
    MatchState,
    Side,
)
from matching.permissions import MANAGER_ROLES
from matching.selectors.matches import match_list_for

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def end_field(kind: str, side: str) -> str:
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
    return end_recipients(end_field(introduction.kind, side), seeker if side == Side.SEEKER else provider)


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
    own = {f"{end_field(introduction.kind, side)}_id": seeker_id if side == Side.SEEKER else provider_id}
    asked = Introduction.objects.filter(requester=user, kind=introduction.kind).values("key")
    candidates = match_list_for(user=user, side=side, kind=introduction.kind).filter(**own).exclude(key__in=asked)
    if introduction.kind == MatchKind.MENTORING and side == Side.SEEKER:
        candidates = candidates.exclude(mentor__is_paused=True)
    return candidates.exclude(viewer_state=MatchState.DISMISSED).first()
