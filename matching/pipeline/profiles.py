"""From the database to the engine's plain inputs: profiles, programs and applicants, in bulk.

A full recompute reads 100,000 organisations, so everything here reads columns (`values_list`)
and the many-to-many tables directly, never model instances one by one. Each feed returns the
entities that may be matched now (public, not hidden, not paused, open programs); `ids` narrows
a feed to the rows a single update needs.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.html import strip_tags

from ecosystem.models import Capability, MentorOffer, Need, OrganisationKind, Program, StartupProfile
from ecosystem.selectors.directories import capability_public_q, need_public_q
from kernel import eligibility
from matching.engine.funding import Program as FundingProgram
from matching.engine.reciprocity import Profile

SEEKER_KINDS = [OrganisationKind.STARTUP, OrganisationKind.ENTERPRISE]

_M = TypeVar("_M", bound=Model)


@dataclass
class Feed:
    """Entities of one type in the engine's form: database ids, profiles and when each last changed."""

    ids: list[int] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    updated_at: list[datetime] = field(default_factory=list)
    # Startups only: what the eligibility check reads.
    applicants: list[eligibility.Applicant] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)


def _grouped(rows: Iterable[tuple[Any, ...]]) -> dict[int, set[str]]:
    grouped: defaultdict[int, set[str]] = defaultdict(set)
    for key, *values in rows:
        grouped[key].update(value for value in values if value)
    return grouped


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _narrow(queryset: QuerySet[_M], ids: Iterable[int] | None, field_name: str = "pk") -> QuerySet[_M]:
    return queryset if ids is None else queryset.filter(**{f"{field_name}__in": list(ids)})


# -- Seekers ------------------------------------------------------------------------------------


def startup_queryset() -> QuerySet[StartupProfile]:
    return StartupProfile.objects.filter(
        organisation__kind__in=SEEKER_KINDS, organisation__hidden_at__isnull=True
    ).order_by("organisation_id")


def startup_feed(organisation_ids: Iterable[int] | None = None) -> Feed:
    """Return the startups and SMEs that can be matched (keyed by organisation id).

    A startup's needs are its posted needs and what it says it is looking for; its offers are its
    pitch and description. Without posted needs, its description stands for both, so a young
    profile still meets the researchers and mentors of its field.
    """
    profiles = _narrow(startup_queryset(), organisation_ids, "organisation_id")
    rows = list(
        profiles.values_list(
            "pk", "organisation_id", "organisation__kind", "organisation__summary", "pitch", "description",
            "stage__slug", "location__slug", "founded_on", "team_size", "trl", "updated_at",
        )
    )  # fmt: skip
    profile_ids = [row[0] for row in rows]
    sectors = _grouped(
        StartupProfile.sectors.through.objects.filter(startupprofile_id__in=profile_ids).values_list(
            "startupprofile_id", "sector__slug", "sector__parent__slug"
        )
    )
    technologies = _grouped(
        StartupProfile.technologies.through.objects.filter(startupprofile_id__in=profile_ids).values_list(
            "startupprofile_id", "technology__slug"
        )
    )
    needs = defaultdict(list)
    for organisation_id, title, problem, outcome in Need.objects.filter(
        organisation_id__in=[row[1] for row in rows], hidden_at__isnull=True
    ).values_list("organisation_id", "title", "problem", "desired_outcome"):
        needs[organisation_id].append(_join(title, problem, outcome))
    feed = Feed()
    for pk, organisation_id, kind, summary, pitch, description, stage, location, founded, team, trl, updated in rows:
        offers = _join(pitch, summary, description)
        profile_sectors = frozenset(sectors.get(pk, ()))
        feed.ids.append(organisation_id)
        feed.updated_at.append(updated)
        feed.profiles.append(
            Profile(
                needs=_join(*needs.get(organisation_id, [])) or offers,
                offers=offers,
                sectors=profile_sectors,
                technologies=frozenset(technologies.get(pk, ())),
                location=location,
            )
        )
        feed.applicants.append(
            eligibility.Applicant(
                organisation_kind=kind,
                stage=stage,
                sectors=profile_sectors,
                location=location,
                founded_on=founded,
                team_size=team,
                trl=trl,
            )
        )
    return feed


def need_queryset() -> QuerySet[Need]:
    today = timezone.localdate()
    return (
        Need.objects.filter(need_public_q()).filter(Q(deadline__isnull=True) | Q(deadline__gte=today)).order_by("pk")
    )


def need_feed(ids: Iterable[int] | None = None) -> Feed:
    """Return the open, public needs; they seek capabilities and offer nothing themselves."""
    rows = list(_narrow(need_queryset(), ids).values_list("pk", "title", "problem", "desired_outcome", "updated_at"))
    sectors = _grouped(
        Need.sectors.through.objects.filter(need_id__in=[r[0] for r in rows]).values_list(
            "need_id", "sector__slug", "sector__parent__slug"
        )
    )
    technologies = _grouped(
        Need.technologies.through.objects.filter(need_id__in=[r[0] for r in rows]).values_list(
            "need_id", "technology__slug"
        )
    )
    feed = Feed()
    for pk, title, problem, outcome, updated in rows:
        feed.ids.append(pk)
        feed.updated_at.append(updated)
        feed.profiles.append(
            Profile(
                needs=_join(title, problem, outcome),
                sectors=frozenset(sectors.get(pk, ())),
                technologies=frozenset(technologies.get(pk, ())),
            )
        )
    return feed


# -- Providers ----------------------------------------------------------------------------------


def capability_queryset() -> QuerySet[Capability]:
    # The directories' rule: a hidden or private university's capabilities are matched no more than shown.
    return Capability.objects.filter(capability_public_q()).order_by("pk")


def capability_feed(ids: Iterable[int] | None = None) -> Feed:
    """Return the public research capabilities; they offer, and state no needs of their own."""
    rows = list(
        _narrow(capability_queryset(), ids).values_list(
            "pk", "title", "description", "terms", "availability", "updated_at"
        )
    )
    sectors = _grouped(
        Capability.research_areas.through.objects.filter(capability_id__in=[r[0] for r in rows]).values_list(
            "capability_id", "sector__slug", "sector__parent__slug"
        )
    )
    technologies = _grouped(
        Capability.technologies.through.objects.filter(capability_id__in=[r[0] for r in rows]).values_list(
            "capability_id", "technology__slug"
        )
    )
    feed = Feed()
    for pk, title, description, terms, availability, updated in rows:
        feed.ids.append(pk)
        feed.updated_at.append(updated)
        feed.profiles.append(
            Profile(
                offers=_join(title, description, terms, availability),
                sectors=frozenset(sectors.get(pk, ())),
                technologies=frozenset(technologies.get(pk, ())),
            )
        )
    return feed


def mentor_queryset() -> QuerySet[MentorOffer]:
    return MentorOffer.objects.filter(
        hidden_at__isnull=True, is_public=True, is_paused=False, user__is_active=True
    ).order_by("pk")


def mentor_feed(ids: Iterable[int] | None = None) -> Feed:
    """Return the mentor offers open to requests (paused or private ones are never recommended)."""
    rows = list(_narrow(mentor_queryset(), ids).values_list("pk", "headline", "expertise", "updated_at"))
    sectors = _grouped(
        MentorOffer.sectors.through.objects.filter(mentoroffer_id__in=[r[0] for r in rows]).values_list(
            "mentoroffer_id", "sector__slug", "sector__parent__slug"
        )
    )
    feed = Feed()
    for pk, headline, expertise, updated in rows:
        feed.ids.append(pk)
        feed.updated_at.append(updated)
        feed.profiles.append(Profile(offers=_join(headline, expertise), sectors=frozenset(sectors.get(pk, ()))))
    return feed


# -- Programs -----------------------------------------------------------------------------------


@dataclass
class ProgramFeed:
    ids: list[int] = field(default_factory=list)
    programs: list[FundingProgram] = field(default_factory=list)
    criteria: list[eligibility.Criteria] = field(default_factory=list)
    updated_at: list[datetime] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)


def program_queryset(now: datetime | None = None) -> QuerySet[Program]:
    now = now or timezone.now()
    return (
        Program.objects.filter(live=True, hidden_at__isnull=True)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .order_by("pk")
    )


def program_feed(ids: Iterable[int] | None = None, *, now: datetime | None = None) -> ProgramFeed:
    """Return the published programs still taking applications, with their text and hard criteria."""
    programs = _narrow(program_queryset(now), ids).prefetch_related(
        "eligible_stages", "eligible_sectors", "eligible_locations"
    )
    feed = ProgramFeed()
    for program in programs:
        feed.ids.append(program.pk)
        feed.updated_at.append(program.updated_at)
        text = _join(program.title, program.summary, strip_tags(program.description), program.other_conditions)
        feed.programs.append(FundingProgram(id=str(program.pk), text=text))
        feed.criteria.append(program.criteria())
    return feed
