"""Reads of organisations and memberships."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from ecosystem.models import Invitation, JoinRequest, Membership, Organisation, Role
from ecosystem.permissions import is_moderator

if TYPE_CHECKING:
    from ecosystem.users import AnyUser, User


def organisation_list_visible(*, user: AnyUser, kind: str | None = None) -> QuerySet[Organisation]:
    """Return the organisations the person may see, optionally of one kind."""
    organisations = Organisation.objects.all()
    if not is_moderator(user):
        # Others see public organisations that no moderator has hidden; members always see their own.
        listed = Q(is_public=True, hidden_at__isnull=True)
        if user.is_authenticated:
            listed |= Q(pk__in=Membership.objects.filter(user=user).values("organisation_id"))
        organisations = organisations.filter(listed)
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations.order_by("name")


def organisation_list_for_member(*, user: User) -> QuerySet[Membership]:
    """Return the person's memberships with their organisations."""
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")


def organisation_list_solely_owned_by(*, user: User) -> QuerySet[Organisation]:
    """Return the organisations in which the person is the only owner."""
    owner_count = (
        Membership.objects.filter(organisation=OuterRef("pk"), role=Role.OWNER)
        .order_by()
        .values("organisation")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return (
        Organisation.objects.filter(memberships__user=user, memberships__role=Role.OWNER)
        .annotate(owner_total=Subquery(owner_count))
        .filter(owner_total=1)
        .order_by("name")
    )


def membership_list_for(*, organisation: Organisation) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=organisation).select_related("user").order_by("role", "user__email")


def invitation_list_pending(*, organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")


def join_request_list_pending(*, organisation: Organisation) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(organisation=organisation, status=JoinRequest.Status.PENDING).select_related(
        "user"
    )
