"""Reads for an agency's officers: the programs they manage, their outreach lists and their cohorts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from ecosystem.models import MentorOffer, Organisation, Program
from ecosystem.permissions import STARTUP_KINDS, can_manage_programs
from matching.models import Cohort, CohortPair, Match, MatchKind, Relationship, RelationshipStatus
from matching.pipeline.profiles import mentor_queryset

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def managed_program_get(*, user: User | AnonymousUser, slug: str) -> Program | None:
    """Return the program with its criteria if the person manages its agency, else None (its pages 404)."""
    program = (
        Program.objects.select_related("agency")
        .prefetch_related("eligible_stages", "eligible_sectors", "eligible_locations")
        .filter(slug=slug)
        .first()
    )
    if program is None or not can_manage_programs(user, program.agency):
        return None
    return program


def cohort_get(*, program: Program, pk: int) -> Cohort | None:
    """Return one cohort of the program, with what its pages show of the program."""
    return Cohort.objects.select_related("program__agency").filter(pk=pk, program=program).first()


def cohort_unassigned(*, cohort: Cohort) -> list[Organisation]:
    """Return the startups the cohort's last assignment left without a mentor, by name."""
    return list(Organisation.objects.filter(pk__in=cohort.report.get("unassigned", [])).order_by("name"))


def outreach_list_for(*, program: Program, now: datetime | None = None) -> QuerySet[Match]:
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


def cohort_list_for(*, program: Program) -> QuerySet[Cohort]:
    return Cohort.objects.filter(program=program).annotate(
        startup_count=Count("startups", distinct=True), pair_count=Count("pairs", distinct=True)
    )


def startup_candidates() -> QuerySet[Organisation]:
    """Return the organisations a cohort may take: public startups and SMEs with a profile, not hidden."""
    return Organisation.objects.filter(
        kind__in=STARTUP_KINDS, is_public=True, hidden_at__isnull=True, startup_profile__isnull=False
    )


def program_fit(*, program: Program) -> Subquery:
    """Return an expression for a startup's score with the program (None when it has no current match)."""
    return Subquery(
        Match.objects.filter(
            organisation=OuterRef("pk"), program=program, kind=MatchKind.FUNDING, is_current=True
        ).values("score")[:1]
    )


def startup_suggestions(*, program: Program, search: str = "", limit: int = 100) -> QuerySet[Organisation]:
    """Return the startups to offer an officer: those found by name, else those this program or a mentor fits.

    Annotated with `fit`, the startup's score for the program (None if it has no such match).
    """
    candidates = startup_candidates().annotate(fit=program_fit(program=program))
    search = search.strip()
    if search:
        candidates = candidates.filter(name__icontains=search)
    else:
        seeks_mentor = Exists(
            Match.objects.filter(organisation=OuterRef("pk"), kind=MatchKind.MENTORING, is_current=True)
        )
        candidates = candidates.filter(Q(fit__isnull=False) | seeks_mentor)
    return candidates.order_by(F("fit").desc(nulls_last=True), "name", "pk")[:limit]


def mentor_pool() -> QuerySet[MentorOffer]:
    """Return the mentor offers a cohort may use (public, not paused, not hidden), with `active` relationships."""
    return (
        mentor_queryset()
        .select_related("user")
        .annotate(
            active=Count(
                "relationships",
                filter=Q(relationships__kind=MatchKind.MENTORING, relationships__status=RelationshipStatus.ACTIVE),
            )
        )
    )


def mentor_free_places(mentor_ids: Iterable[int], *, lock: bool = False) -> dict[int, int]:
    """Return each mentor's free places now: capacity minus active mentoring relationships (0 if unavailable).

    `lock` holds the mentors' rows until the transaction ends, so two cohorts published at the
    same time cannot both take a mentor's last place.
    """
    mentor_ids = list(mentor_ids)
    if lock:
        list(MentorOffer.objects.select_for_update().filter(pk__in=mentor_ids).order_by("pk").values_list("pk"))
    available = dict(mentor_queryset().filter(pk__in=mentor_ids).values_list("pk", "capacity"))
    active = Counter(
        dict(
            Relationship.objects.filter(
                kind=MatchKind.MENTORING, status=RelationshipStatus.ACTIVE, mentor_id__in=mentor_ids
            )
            .values("mentor_id")
            .annotate(count=Count("pk"))
            .values_list("mentor_id", "count")
        )
    )
    return {pk: max(available.get(pk, 0) - active[pk], 0) for pk in mentor_ids}


def cohort_pairs(*, cohort: Cohort) -> list[CohortPair]:
    return list(cohort.pairs.select_related("organisation", "mentor__user").order_by("-score", "pk"))
