"""Reads that summarise the ecosystem: the home page's counts, a person's own content, and the
organisations whose eligibility a person can check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, OuterRef, QuerySet, Subquery, Value

from ecosystem.models import Capability, Membership, MentorOffer, Need, Organisation, Role
from ecosystem.models.moderation import Hideable
from ecosystem.permissions import ACADEMIC_KINDS, STARTUP_KINDS
from ecosystem.selectors import directories
from ecosystem.selectors.programs import program_list_open

if TYPE_CHECKING:
    from ecosystem.users import AnyUser, User


def ecosystem_counts() -> dict[str, int]:
    """Return how many startups, capabilities, available mentors, open needs and open programs anyone can see.

    One query: each count is a one-row aggregate, glued together with UNION ALL.
    """
    anyone = AnonymousUser()
    parts = {
        "startups": directories.startup_list_visible(user=anyone),
        "capabilities": directories.capability_list_visible(user=anyone),
        "mentors": directories.mentor_offer_list_visible(user=anyone).filter(is_paused=False),
        "needs": directories.need_list(user=anyone, status="open"),
        "programs": program_list_open(),
    }
    # Value() is not grouped by, so each part is a single COUNT over its rows.
    queries = [qs.order_by().values(label=Value(name)).annotate(total=Count("pk")) for name, qs in parts.items()]
    first, *rest = [query.values_list("label", "total") for query in queries]
    counts = dict.fromkeys(parts, 0)
    counts.update(first.union(*rest, all=True))
    return counts


@dataclass
class OwnedContent:
    """What a person maintains in the public site, for their account page."""

    startup_organisations: list[Organisation] = field(default_factory=list)
    capabilities: list[Capability] = field(default_factory=list)
    mentor_offer: MentorOffer | None = None
    needs: list[Need] = field(default_factory=list)
    need_organisations: list[Organisation] = field(default_factory=list)

    @property
    def hidden(self) -> list[Hideable]:
        """The items a moderator has hidden, so the account page can show the reasons."""
        items: list[Hideable] = [organisation for organisation in self.startup_organisations if organisation.is_hidden]
        items += [capability for capability in self.capabilities if capability.is_hidden]
        if self.mentor_offer is not None and self.mentor_offer.is_hidden:
            items.append(self.mentor_offer)
        items += [need for need in self.needs if need.is_hidden]
        return items


def content_list_owned_by(*, user: User) -> OwnedContent:
    """Return the startup profiles, capabilities, mentor offer and needs the person maintains."""
    managed = Organisation.objects.filter(
        memberships__user=user, memberships__role__in=[Role.OWNER, Role.ADMIN]
    ).order_by("name")
    startups = list(managed.filter(kind__in=STARTUP_KINDS).select_related("startup_profile"))
    capabilities = list(
        Capability.objects.filter(owner=user).select_related("organisation").order_by("-updated_at", "pk")
    )
    offer = MentorOffer.objects.filter(user=user).first()
    need_organisations = list(managed)
    needs = list(
        Need.objects.filter(organisation__in=[organisation.pk for organisation in need_organisations])
        .select_related("organisation")
        .order_by("-updated_at", "pk")
    )
    return OwnedContent(startups, capabilities, offer, needs, need_organisations)


def startup_organisations_of(*, user: AnyUser) -> QuerySet[Organisation]:
    """Return the startups and SMEs the person belongs to, with what the eligibility check reads
    and the person's role in each (`my_role`)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    role = Membership.objects.filter(organisation=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Organisation.objects.filter(memberships__user=user, kind__in=STARTUP_KINDS)
        .annotate(my_role=Subquery(role))
        .select_related("startup_profile__stage", "startup_profile__location")
        .prefetch_related("startup_profile__sectors__parent")
        .order_by("name")
    )


def organisation_list_for_capabilities(*, user: AnyUser) -> QuerySet[Organisation]:
    """Return the universities and institutes the person may post capabilities for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, kind__in=ACADEMIC_KINDS).order_by("name")


def organisation_list_for_needs(*, user: AnyUser) -> QuerySet[Organisation]:
    """Return the organisations the person may post needs for (as an owner or administrator)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=[Role.OWNER, Role.ADMIN]
    ).order_by("name")
