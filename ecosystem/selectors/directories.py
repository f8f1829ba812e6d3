"""Reads for the public directories: who may see what, filters and the order of each list.

Each `<entity>_list_visible(user=)` is the one rule for what a person may see — the directory and
the detail page both start from it: public, non-hidden content of public, non-hidden
organisations for everyone; their own content (hidden or private, with the notice) for its owners;
everything for moderators. Each `<entity>_list(...)` adds the filters, the default order and the
related rows a card shows, so a page runs the same number of queries whatever its size.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from ecosystem.models import (
    Capability,
    Location,
    Membership,
    MentorOffer,
    Need,
    Organisation,
    Program,
    Sector,
    Stage,
    StartupProfile,
)
from ecosystem.models.programs import CLOSING_SOON
from ecosystem.permissions import STARTUP_KINDS, is_moderator
from ecosystem.selectors.programs import program_list_open

if TYPE_CHECKING:
    from ecosystem.users import AnyUser, User

PUBLIC_ORGANISATION = {"organisation__is_public": True, "organisation__hidden_at__isnull": True}


def _my_organisations(user: User) -> QuerySet[Membership, Mapping[str, object]]:
    # A subquery, not a join: joining memberships would repeat rows for every member.
    return Membership.objects.filter(user=user).values("organisation")


def _json_list_contains(field: str, value: str) -> Q:
    """Match rows whose JSON list `field` holds `value`."""
    if connection.features.supports_json_field_contains:
        return Q(**{f"{field}__contains": [value]})
    # SQLite (local development) has no JSON containment; the quoted slug in the JSON text is equivalent.
    return Q(**{f"{field}__icontains": f'"{value}"'})


def _in_sector(model: type[StartupProfile | Capability | MentorOffer | Need], relation: str, sector: Sector) -> Q:
    """Match rows tagged with `sector` or, for a parent sector, with any of its children."""
    tagged = Q(**{relation: sector})
    if sector.parent_id is None:
        tagged |= Q(**{f"{relation}__parent": sector})
    # Filtering through a subquery keeps each row once however many of its sectors match.
    return Q(pk__in=model.objects.filter(tagged).values("pk"))


# -- Startups --------------------------------------------------------------------------------


def startup_list_visible(*, user: AnyUser) -> QuerySet[StartupProfile]:
    """Return the startup and SME profiles the person may see."""
    profiles = StartupProfile.objects.filter(organisation__kind__in=STARTUP_KINDS)
    if is_moderator(user):
        return profiles
    visible = Q(**PUBLIC_ORGANISATION)
    if user.is_authenticated:
        visible |= Q(organisation__in=_my_organisations(user))
    return profiles.filter(visible)


def startup_list(
    *,
    user: AnyUser,
    sector: Sector | None = None,
    location: Location | None = None,
    stage: Stage | None = None,
    seeking: str | None = None,
) -> QuerySet[StartupProfile]:
    """Return the visible startup profiles matching every filter given, verified and recently updated first."""
    profiles = startup_list_visible(user=user)
    if sector is not None:
        profiles = profiles.filter(_in_sector(StartupProfile, "sectors", sector))
    if location is not None:
        profiles = profiles.filter(location=location)
    if stage is not None:
        profiles = profiles.filter(stage=stage)
    if seeking:
        profiles = profiles.filter(_json_list_contains("seeking", seeking))
    return (
        profiles.select_related("organisation", "stage", "location")
        .prefetch_related("sectors")
        .order_by("-organisation__is_verified", "-updated_at", "pk")
    )


# -- Research capabilities -------------------------------------------------------------------


def capability_public_q() -> Q:
    """Capabilities everyone may see (and match): public, not hidden, of a person or a public organisation."""
    return Q(is_public=True, hidden_at__isnull=True) & (Q(organisation__isnull=True) | Q(**PUBLIC_ORGANISATION))


def capability_list_visible(*, user: AnyUser) -> QuerySet[Capability]:
    """Return the capabilities the person may see."""
    capabilities = Capability.objects.all()
    if is_moderator(user):
        return capabilities
    visible = capability_public_q()
    if user.is_authenticated:
        visible |= Q(owner=user) | Q(organisation__in=_my_organisations(user))
    return capabilities.filter(visible)


def capability_list(
    *,
    user: AnyUser,
    kind: str | None = None,
    sector: Sector | None = None,
    trl_min: int | None = None,
    trl_max: int | None = None,
) -> QuerySet[Capability]:
    """Return the visible capabilities matching every filter given, recently updated first."""
    capabilities = capability_list_visible(user=user)
    if kind:
        capabilities = capabilities.filter(kind=kind)
    if sector is not None:
        capabilities = capabilities.filter(_in_sector(Capability, "research_areas", sector))
    if trl_min is not None:
        capabilities = capabilities.filter(trl__gte=trl_min)
    if trl_max is not None:
        capabilities = capabilities.filter(trl__lte=trl_max)
    return (
        capabilities.select_related("organisation", "owner")
        .prefetch_related("research_areas")
        .order_by("-updated_at", "pk")
    )


# -- Mentors ---------------------------------------------------------------------------------


def mentor_offer_list_visible(*, user: AnyUser) -> QuerySet[MentorOffer]:
    """Return the mentor offers the person may see."""
    offers = MentorOffer.objects.all()
    if is_moderator(user):
        return offers
    visible = Q(is_public=True, hidden_at__isnull=True, user__is_active=True)
    if user.is_authenticated:
        visible |= Q(user=user)
    return offers.filter(visible)


def mentor_offer_list(
    *,
    user: AnyUser,
    sector: Sector | None = None,
    language: str | None = None,
    available: bool = False,
) -> QuerySet[MentorOffer]:
    """Return the visible mentor offers matching every filter given, available mentors first."""
    offers = mentor_offer_list_visible(user=user)
    if sector is not None:
        offers = offers.filter(_in_sector(MentorOffer, "sectors", sector))
    if language:
        offers = offers.filter(_json_list_contains("languages", language))
    if available:
        # Helix does not record mentorships yet, so a mentor's capacity is never used up.
        offers = offers.filter(is_paused=False)
    return offers.select_related("user").prefetch_related("sectors").order_by("is_paused", "-updated_at", "pk")


# -- Needs -----------------------------------------------------------------------------------


def need_public_q() -> Q:
    """Needs everyone may see (and match): public, not hidden, of a public organisation."""
    return Q(is_public=True, hidden_at__isnull=True, **PUBLIC_ORGANISATION)


def need_list_visible(*, user: AnyUser) -> QuerySet[Need]:
    """Return the needs the person may see."""
    needs = Need.objects.all()
    if is_moderator(user):
        return needs
    visible = need_public_q()
    if user.is_authenticated:
        visible |= Q(organisation__in=_my_organisations(user))
    return needs.filter(visible)


def _need_is_open(today: date) -> Q:
    return Q(deadline__isnull=True) | Q(deadline__gte=today)


def need_list(
    *,
    user: AnyUser,
    sector: Sector | None = None,
    status: str | None = None,
    respondent: str | None = None,
    today: date | None = None,
) -> QuerySet[Need]:
    """Return the visible needs matching every filter given: open ones first, closest deadline first."""
    today = today or timezone.localdate()
    needs = need_list_visible(user=user)
    if sector is not None:
        needs = needs.filter(_in_sector(Need, "sectors", sector))
    if status == "open":
        needs = needs.filter(_need_is_open(today))
    elif status == "closed":
        needs = needs.filter(deadline__lt=today)
    if respondent:
        # An empty list means everyone may respond.
        needs = needs.filter(_json_list_contains("respondent_kinds", respondent) | Q(respondent_kinds=[]))
    return (
        needs.select_related("organisation")
        .prefetch_related("sectors")
        .annotate(is_closed=Case(When(deadline__lt=today, then=Value(1)), default=Value(0)))
        .order_by("is_closed", F("deadline").asc(nulls_last=True), "-updated_at", "pk")
    )


# -- Programs --------------------------------------------------------------------------------


def program_list_visible(*, user: AnyUser) -> QuerySet[Program]:
    """Return the programs the person may see: published ones, their agency's drafts, all for moderators."""
    programs = Program.objects.all()
    if is_moderator(user):
        return programs
    visible = Q(live=True, hidden_at__isnull=True)
    if user.is_authenticated:
        visible |= Q(agency__in=_my_organisations(user))
    return programs.filter(visible)


def program_status_q(status: str, now: datetime) -> Q:
    """Return the date-range condition for a status; "open" includes calls closing soon.

    Mirrors `ecosystem.models.programs.status_at`, which computes the status of one program.
    """
    forthcoming = Q(opens_at__gt=now)
    closed = Q(closes_at__lte=now) & ~forthcoming
    accepting = ~forthcoming & ~Q(closes_at__lte=now)
    return {
        "forthcoming": forthcoming,
        "open": accepting,
        "closing_soon": accepting & Q(closes_at__lte=now + CLOSING_SOON),
        "closed": closed,
    }[status]


def program_list(
    *,
    user: AnyUser,
    kind: str | None = None,
    status: str | None = None,
    sector: Sector | None = None,
    location: Location | None = None,
    now: datetime | None = None,
) -> QuerySet[Program]:
    """Return the visible programs matching every filter given.

    Open calls come first, closing soonest first; then forthcoming ones, opening soonest first;
    closed calls last, most recently closed first. A sector or location filter keeps programs
    open to every sector or location, since the person filtering may apply to them.
    """
    now = now or timezone.now()
    programs = program_list_visible(user=user)
    if kind:
        programs = programs.filter(kind=kind)
    if status:
        programs = programs.filter(program_status_q(status, now))
    if sector is not None:
        related = Q(eligible_sectors=sector) | Q(eligible_sectors__parent=sector)
        if sector.parent_id:
            related |= Q(eligible_sectors=sector.parent_id)
        unrestricted = ~Q(pk__in=Program.eligible_sectors.through.objects.values("program_id"))
        programs = programs.filter(Q(pk__in=Program.objects.filter(related).values("pk")) | unrestricted)
    if location is not None:
        restricted = Program.eligible_locations.through.objects.values("program_id")
        chosen = Program.eligible_locations.through.objects.filter(location=location).values("program_id")
        programs = programs.filter(Q(pk__in=chosen) | ~Q(pk__in=restricted))
    forthcoming = Q(opens_at__gt=now)
    closed = Q(closes_at__lte=now)
    return (
        programs.select_related("agency")
        .annotate(
            status_rank=Case(
                When(forthcoming, then=Value(1)),
                When(closed, then=Value(2)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            next_date=Case(When(forthcoming, then=F("opens_at")), When(closed, then=None), default=F("closes_at")),
        )
        .order_by("status_rank", F("next_date").asc(nulls_last=True), F("closes_at").desc(nulls_last=True), "title")
    )


def program_list_closing_soon(*, limit: int = 5, now: datetime | None = None) -> list[Program]:
    """Return the next `limit` open programs, closest deadline first (those without one last)."""
    programs = program_list_open(now=now).select_related("agency")
    return list(programs.order_by(F("closes_at").asc(nulls_last=True), "title")[:limit])


# -- Detail pages: the same visibility, with what each page shows loaded -----------------------


def startup_profile_for_detail(*, user: AnyUser, slug: str) -> StartupProfile | None:
    """Return the profile of the organisation with this slug if the person may see it."""
    return (
        startup_list_visible(user=user)
        .select_related("organisation", "stage", "location")
        .prefetch_related("sectors__parent", "technologies")
        .filter(organisation__slug=slug)
        .first()
    )


def startup_profile_of(*, organisation: Organisation) -> StartupProfile:
    """Return the organisation's startup profile, or a new unsaved one for it to fill in."""
    stored = StartupProfile.objects.filter(organisation=organisation).first()
    return stored or StartupProfile(organisation=organisation)


def startup_profile_exists(*, organisation: Organisation) -> bool:
    """Return whether the organisation has a startup profile (its public page is then the profile's)."""
    return StartupProfile.objects.filter(organisation=organisation).exists()


def mentor_offer_of(*, user: User) -> MentorOffer:
    """Return the person's mentor offer, or a new unsaved one for them to fill in."""
    return MentorOffer.objects.filter(user=user).first() or MentorOffer(user=user)


def capability_get(*, pk: int) -> Capability:
    """Return the stored capability with its organisation, whoever may see it (for writes)."""
    return Capability.objects.select_related("organisation").get(pk=pk)


def need_get(*, pk: int) -> Need:
    """Return the stored need with its organisation, whoever may see it (for writes)."""
    return Need.objects.select_related("organisation").get(pk=pk)


def capability_for_detail(*, user: AnyUser, pk: int) -> Capability | None:
    """Return the capability if the person may see it."""
    return (
        capability_list_visible(user=user)
        .select_related("organisation", "owner", "contact_person")
        .prefetch_related("research_areas__parent", "technologies")
        .filter(pk=pk)
        .first()
    )


def mentor_offer_for_detail(*, user: AnyUser, pk: int) -> MentorOffer | None:
    """Return the mentor offer if the person may see it."""
    return (
        mentor_offer_list_visible(user=user).select_related("user").prefetch_related("sectors").filter(pk=pk).first()
    )


def need_for_detail(*, user: AnyUser, pk: int) -> Need | None:
    """Return the need if the person may see it."""
    return (
        need_list_visible(user=user)
        .select_related("organisation", "posted_by")
        .prefetch_related("sectors", "technologies")
        .filter(pk=pk)
        .first()
    )


def program_for_detail(*, user: AnyUser, slug: str) -> Program | None:
    """Return the program with this slug if the person may see it, with its eligibility rows loaded."""
    return (
        program_list_visible(user=user)
        .select_related("agency")
        .prefetch_related("eligible_stages", "eligible_sectors", "eligible_locations")
        .filter(slug=slug)
        .first()
    )
