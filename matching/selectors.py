"""Reads of matches: whose they are, which a person sees, and from which side.

A person sees a match from the seeker side when it belongs to one of their organisations (or to
a need one of them posted) and from the provider side when it is about their own capability,
capability of their organisation, or mentor offer. Program matches seen by officers are the
outreach list (`outreach_list_for`), not "my matches".
"""

from dataclasses import dataclass

import numpy as np
from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.utils import timezone

from ecosystem.models import Capability, Membership, MentorOffer, Need
from matching.models import Match, MatchKind, MatchState, ScoreScale, Side


@dataclass(frozen=True)
class Sides:
    """The ids a person's matches hang from: their organisations, needs, capabilities and mentor offer."""

    organisations: tuple[int, ...]
    needs: tuple[int, ...]
    capabilities: tuple[int, ...]
    mentors: tuple[int, ...]


def sides_of(user) -> Sides:
    """Return (once per request object) the ids the person's matches hang from.

    Resolving them first turns "my matches" into plain `IN (…)` conditions on the match table's
    own indexes; the same conditions as joins cannot use them and scan millions of rows.
    """
    if not hasattr(user, "_helix_match_sides"):
        organisations = tuple(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
        user._helix_match_sides = Sides(
            organisations=organisations,
            needs=tuple(Need.objects.filter(organisation_id__in=organisations).values_list("pk", flat=True)),
            capabilities=tuple(
                Capability.objects.filter(
                    Q(owner=user) | Q(contact_person=user) | Q(organisation_id__in=organisations)
                ).values_list("pk", flat=True)
            ),
            mentors=tuple(MentorOffer.objects.filter(user=user).values_list("pk", flat=True)),
        )
    return user._helix_match_sides


def seeker_q(user) -> Q:
    """Return the condition for matches the person looks at from the seeker side."""
    sides = sides_of(user)
    return Q(
        kind__in=[MatchKind.FUNDING, MatchKind.COLLABORATION, MatchKind.MENTORING],
        organisation_id__in=sides.organisations,
    ) | Q(kind=MatchKind.NEED, need_id__in=sides.needs)


def provider_q(user) -> Q:
    """Return the condition for matches the person looks at from the provider side (not programs)."""
    sides = sides_of(user)
    return Q(kind__in=[MatchKind.COLLABORATION, MatchKind.NEED], capability_id__in=sides.capabilities) | Q(
        kind=MatchKind.MENTORING, mentor_id__in=sides.mentors
    )


def _visible_q(now) -> Q:
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
    user,
    side: str | None = None,
    kind: str | None = None,
    include_dismissed: bool = False,
    now=None,
) -> QuerySet[Match]:
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


def outreach_list_for(*, program, now=None) -> QuerySet[Match]:
    """Return a program's list (the organisations it fits best), best first; callers check eligibility."""
    return (
        # A private profile is not for officers to browse either: only public, visible organisations.
        Match.objects.filter(
            kind=MatchKind.FUNDING,
            program=program,
            provider_rank__isnull=False,
            organisation__hidden_at__isnull=True,
            organisation__is_public=True,
        )
        .select_related("organisation")
        .order_by("-score", "pk")
    )


def score_scales() -> dict[str, np.ndarray]:
    """Return each kind's stored quantiles (one query)."""
    return {scale.kind: np.asarray(scale.quantiles, dtype=np.float64) for scale in ScoreScale.objects.all()}
