"""Reads of matches: whose they are, which a person sees, and from which side.

A person sees a match from the seeker side when it belongs to one of their organisations (or to
a need one of them posted) and from the provider side when it is about their own capability,
capability of their organisation, or mentor offer. Program matches seen by officers are the
outreach list (`programs.outreach_list_for`), not "my matches".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict

import numpy as np
from django.db.models import Case, CharField, Count, DateTimeField, F, Model, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from ecosystem.models import Capability, Membership, MentorOffer, Need, Program, Sector, StartupProfile
from ecosystem.models.programs import CLOSING_SOON
from matching.models import Match, MatchKind, MatchState, Relationship, ScoreScale, Side

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from accounts.models import User


class ViewerAnnotations(TypedDict):
    """What `match_list_for` adds to each match: the viewer's side of it and their state on that side."""

    viewer_side: str
    viewer_state: str


# A match as a person's list reads it (WithAnnotations is django-stubs' own, for type checkers only).
ViewedMatch: TypeAlias = "WithAnnotations[Match, ViewerAnnotations]"


@dataclass(frozen=True)
class Sides:
    """The ids a person's matches hang from: their organisations, needs, capabilities and mentor offer."""

    organisations: tuple[int, ...]
    needs: tuple[int, ...]
    capabilities: tuple[int, ...]
    mentors: tuple[int, ...]


# Where `sides_of` keeps its answer: on the user object, which lives as long as the request.
_SIDES_ATTRIBUTE = "_helix_match_sides"


def sides_of(user: User) -> Sides:
    """Return (once per request object) the ids the person's matches hang from.

    Resolving them first turns "my matches" into plain `IN (…)` conditions on the match table's
    own indexes; the same conditions as joins cannot use them and scan millions of rows.
    """
    if getattr(user, _SIDES_ATTRIBUTE, None) is None:
        sides_remember([user])
    return getattr(user, _SIDES_ATTRIBUTE)


def sides_remember(users: list[User]) -> None:
    """Resolve the sides of many people (a digest batch, or one person for `sides_of`) in four
    queries and keep each on its user, where `sides_of` finds it."""
    ids = [user.pk for user in users]
    organisations: dict[int, list[int]] = {pk: [] for pk in ids}
    for user_id, organisation_id in Membership.objects.filter(user_id__in=ids).values_list(
        "user_id", "organisation_id"
    ):
        organisations[user_id].append(organisation_id)
    every_organisation = {pk for group in organisations.values() for pk in group}
    needs: dict[int, list[int]] = {}
    for organisation_id, pk in Need.objects.filter(organisation_id__in=every_organisation).values_list(
        "organisation_id", "pk"
    ):
        needs.setdefault(organisation_id, []).append(pk)
    by_person: dict[int, set[int]] = {}  # capabilities a person owns or is the contact for
    by_organisation: dict[int, set[int]] = {}
    capabilities = Capability.objects.filter(
        Q(owner_id__in=ids) | Q(contact_person_id__in=ids) | Q(organisation_id__in=every_organisation)
    )
    for pk, owner_id, contact_id, organisation_id in capabilities.values_list(
        "pk", "owner_id", "contact_person_id", "organisation_id"
    ):
        for person in {owner_id, contact_id} - {None}:
            by_person.setdefault(person, set()).add(pk)
        by_organisation.setdefault(organisation_id, set()).add(pk)
    mentors: dict[int, list[int]] = {}
    for user_id, pk in MentorOffer.objects.filter(user_id__in=ids).values_list("user_id", "pk"):
        mentors.setdefault(user_id, []).append(pk)
    for user in users:
        mine = organisations[user.pk]
        capability_ids = set(by_person.get(user.pk, ())).union(*(by_organisation.get(pk, ()) for pk in mine))
        sides = Sides(
            organisations=tuple(mine),
            needs=tuple(pk for organisation_id in mine for pk in needs.get(organisation_id, [])),
            capabilities=tuple(sorted(capability_ids)),
            mentors=tuple(mentors.get(user.pk, [])),
        )
        setattr(user, _SIDES_ATTRIBUTE, sides)


def seeker_q(user: User) -> Q:
    """Return the condition for matches the person looks at from the seeker side."""
    sides = sides_of(user)
    return Q(
        kind__in=[MatchKind.FUNDING, MatchKind.COLLABORATION, MatchKind.MENTORING],
        organisation_id__in=sides.organisations,
    ) | Q(kind=MatchKind.NEED, need_id__in=sides.needs)


def provider_q(user: User) -> Q:
    """Return the condition for matches the person looks at from the provider side (not programs)."""
    sides = sides_of(user)
    return Q(kind__in=[MatchKind.COLLABORATION, MatchKind.NEED], capability_id__in=sides.capabilities) | Q(
        kind=MatchKind.MENTORING, mentor_id__in=sides.mentors
    )


def _visible_q(now: datetime) -> Q:
    """Hide matches whose other end is gone from view: hidden, private, unpublished or closed."""
    return (
        (Q(program__isnull=True) | Q(program__live=True, program__hidden_at__isnull=True))
        & (Q(program__closes_at__isnull=True) | Q(program__closes_at__gt=now))
        & (Q(capability__isnull=True) | Q(capability__hidden_at__isnull=True, capability__is_public=True))
        & (Q(mentor__isnull=True) | Q(mentor__hidden_at__isnull=True, mentor__is_public=True))
        & (Q(need__isnull=True) | Q(need__hidden_at__isnull=True, need__is_public=True))
        & (Q(organisation__isnull=True) | Q(organisation__hidden_at__isnull=True))
    )


def match_list_for(
    *,
    user: User,
    side: str | None = None,
    kind: str | None = None,
    include_dismissed: bool = False,
    now: datetime | None = None,
) -> QuerySet[ViewedMatch]:
    """Return the matches a signed-in person sees, annotated with `viewer_side`, best first.

    The viewer's own list on each side (a startup's top matches; a mentor's or a capability's best
    candidates) plus what the viewer saved (saved ones stay after a recompute drops them);
    dismissed ones only when asked for.
    """
    now = now or timezone.now()
    seeker, provider = seeker_q(user), provider_q(user)
    if side == Side.SEEKER:
        mine = seeker
    elif side == Side.PROVIDER:
        mine = provider
    else:
        mine = seeker | provider
    matches = (
        Match.objects.filter(mine, _visible_q(now))
        .annotate(
            viewer_side=Case(
                When(seeker, then=Value(Side.SEEKER)), default=Value(Side.PROVIDER), output_field=CharField()
            )
        )
        .select_related(
            "organisation",
            "program",
            "program__agency",
            "capability",
            "capability__organisation",
            "mentor",
            "mentor__user",
            "need",
            "need__organisation",
        )
    )
    if kind:
        matches = matches.filter(kind=kind)
    state = Case(When(seeker, then="seeker_state"), default="provider_state", output_field=CharField())
    matches = matches.annotate(viewer_state=state)
    # A pair in the other side's list only (a mentor's candidates) is not in this side's list.
    listed = (seeker & Q(seeker_rank__isnull=False)) | (provider & Q(provider_rank__isnull=False))
    if include_dismissed:
        matches = matches.filter(listed | ~Q(viewer_state=MatchState.NEW))
    else:
        matches = matches.filter(listed | Q(viewer_state=MatchState.SAVED)).exclude(viewer_state=MatchState.DISMISSED)
    return matches.order_by("-score", "pk")


def score_scales() -> dict[str, np.ndarray]:
    """Return each kind's stored quantiles (one query)."""
    return {scale.kind: np.asarray(scale.quantiles, dtype=np.float64) for scale in ScoreScale.objects.all()}


# -- "My matches": one tab, as its filters ask ---------------------------------------------------


def match_get(*, pk: int) -> Match | None:
    """Return one match with its ends, or None (the caller checks the person's side on it)."""
    return (
        Match.objects.select_related("organisation", "need", "capability", "mentor", "program").filter(pk=pk).first()
    )


def match_counts_by_kind_and_side(*, user: User) -> dict[tuple[str, str], int]:
    """Return how many current matches the person has per (kind, the person's side), in one query."""
    rows = match_list_for(user=user).order_by().values("kind", "viewer_side").annotate(count=Count("pk"))
    return {(row["kind"], row["viewer_side"]): row["count"] for row in rows}


def match_list_filtered(
    *,
    user: User,
    kind: str,
    side: str | None = None,
    show: str = "",
    sector: Sector | None = None,
    closing_soon: bool = False,
    sort: str = "best",
    now: datetime | None = None,
) -> QuerySet[ViewedMatch]:
    """Return one tab of the person's matches: current, "saved" or "dismissed"; the other end in
    `sector` (or its children); closing soon only; sorted best first, by deadline or newest."""
    now = now or timezone.now()
    matches = match_list_for(user=user, side=side, kind=kind, include_dismissed=show == "dismissed", now=now)
    if show:
        matches = matches.filter(viewer_state=MatchState.DISMISSED if show == "dismissed" else MatchState.SAVED)
    if sector:
        matches = matches.filter(_in_sector(sector))
    if closing_soon:
        matches = matches.filter(_closing_soon(now))
    matches = _sorted(matches, sort)
    if kind == MatchKind.FUNDING:
        # What the eligibility checklist reads, for the whole page at once.
        matches = matches.select_related(
            "organisation__startup_profile__stage", "organisation__startup_profile__location"
        ).prefetch_related(
            "program__eligible_stages",
            "program__eligible_sectors",
            "program__eligible_locations",
            "organisation__startup_profile__sectors__parent",
        )
    return matches


def _in_sector(sector: Sector) -> Q:
    """Matches whose other end (the one the viewer looks at) is tagged with the sector or its children."""
    tagged = Q(sectors=sector) | Q(sectors__parent=sector)

    def tagged_ids(model: type[Capability | MentorOffer | Need], relation: str) -> QuerySet[Model, Any]:
        condition = Q(**{relation: sector}) | Q(**{f"{relation}__parent": sector})
        return model.objects.filter(condition).values("pk")

    programs = Program.objects.filter(Q(eligible_sectors=sector) | Q(eligible_sectors__parent=sector)).values("pk")
    # Programs open to every sector fit a sector filter too, as in the program directory.
    unrestricted = Program.objects.exclude(pk__in=Program.eligible_sectors.through.objects.values("program_id"))
    startups = StartupProfile.objects.filter(tagged).values("organisation_id")
    seeker_sees = (
        Q(kind=MatchKind.FUNDING, program__in=programs)
        | Q(kind=MatchKind.FUNDING, program__in=unrestricted.values("pk"))
        | Q(
            kind__in=[MatchKind.COLLABORATION, MatchKind.NEED], capability__in=tagged_ids(Capability, "research_areas")
        )
        | Q(kind=MatchKind.MENTORING, mentor__in=tagged_ids(MentorOffer, "sectors"))
    )
    provider_sees = Q(kind__in=[MatchKind.COLLABORATION, MatchKind.MENTORING], organisation__in=startups) | Q(
        kind=MatchKind.NEED, need__in=tagged_ids(Need, "sectors")
    )
    return Q(viewer_side=Side.SEEKER) & seeker_sees | Q(viewer_side=Side.PROVIDER) & provider_sees


def _closing_soon(now: datetime) -> Q:
    today = timezone.localdate(now)
    return Q(kind=MatchKind.FUNDING, program__closes_at__gt=now, program__closes_at__lte=now + CLOSING_SOON) | Q(
        kind=MatchKind.NEED,
        viewer_side=Side.PROVIDER,
        need__deadline__gte=today,
        need__deadline__lte=today + CLOSING_SOON,
    )


def _sorted(matches: QuerySet[ViewedMatch], sort: str) -> QuerySet[ViewedMatch]:
    if sort == "deadline":
        deadline = Case(
            When(kind=MatchKind.FUNDING, then=F("program__closes_at")),
            When(kind=MatchKind.NEED, viewer_side=Side.PROVIDER, then=Cast("need__deadline", DateTimeField())),
            output_field=DateTimeField(),
        )
        return matches.annotate(deadline=deadline).order_by(F("deadline").asc(nulls_last=True), "-score", "pk")
    if sort == "newest":
        seeker, provider = Q(viewer_side=Side.SEEKER), Q(viewer_side=Side.PROVIDER)
        listed_at = Case(
            When(kind=MatchKind.FUNDING, then=F("program__created_at")),
            When(Q(kind__in=[MatchKind.COLLABORATION, MatchKind.NEED]) & seeker, then=F("capability__created_at")),
            When(Q(kind=MatchKind.MENTORING) & seeker, then=F("mentor__created_at")),
            When(
                Q(kind__in=[MatchKind.COLLABORATION, MatchKind.MENTORING]) & provider,
                then=F("organisation__created_at"),
            ),
            When(Q(kind=MatchKind.NEED) & provider, then=F("need__created_at")),
            output_field=DateTimeField(),
        )
        return matches.annotate(listed_at=listed_at).order_by(F("listed_at").desc(nulls_last=True), "-score", "pk")
    return matches


def relationship_get(*, pk: int) -> Relationship | None:
    """Return a relationship with the ends its status form and permissions read."""
    return Relationship.objects.select_related("need", "capability", "mentor", "introduction").filter(pk=pk).first()
