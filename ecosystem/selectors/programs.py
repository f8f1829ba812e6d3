"""Reads of programs and of who is eligible for them."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from ecosystem.models import Organisation, Program, Sector, StartupProfile
from kernel import eligibility


def program_list_published() -> QuerySet[Program]:
    """Return live programs that no moderator has hidden."""
    return Program.objects.filter(live=True, hidden_at__isnull=True)


def program_list_open(*, now: datetime | None = None) -> QuerySet[Program]:
    """Return published programs accepting applications now, closing first first."""
    now = now or timezone.now()
    return (
        program_list_published().exclude(opens_at__gt=now).exclude(closes_at__lte=now).order_by("closes_at", "title")
    )


def applicant_for(organisation: Organisation) -> eligibility.Applicant:
    """Return what Helix knows about an organisation, in the form the eligibility check reads.

    Expects `startup_profile` with its stage, location and sectors to be loaded (or loads them).
    """
    try:
        profile = organisation.startup_profile
    except StartupProfile.DoesNotExist:
        return eligibility.Applicant(organisation_kind=organisation.kind)
    return eligibility.Applicant(
        organisation_kind=organisation.kind,
        # An unset foreign key reads as None without a query.
        stage=profile.stage.slug if profile.stage is not None else None,
        sectors=_sector_slugs_with_parents(profile.sectors.all()),
        location=profile.location.slug if profile.location is not None else None,
        founded_on=profile.founded_on,
        team_size=profile.team_size,
        trl=profile.trl,
    )


def _sector_slugs_with_parents(sectors: Iterable[Sector]) -> frozenset[str]:
    # A "Smart farming" startup is also in "Agriculture" for a program open to the whole sector.
    slugs: set[str] = set()
    for sector in sectors:
        slugs.add(sector.slug)
        if sector.parent is not None:
            slugs.add(sector.parent.slug)
    return frozenset(slugs)


def program_eligibility_for(*, program: Program, organisation: Organisation) -> eligibility.Verdict:
    """Return the program's verdict on the organisation, criterion by criterion."""
    return eligibility.evaluate(program.criteria(), applicant_for(organisation))
