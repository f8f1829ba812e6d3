"""Writes to organisations, memberships, invitations and join requests.

Every function checks the acting user's permission itself, so a view, task or command that
calls it cannot skip the check.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ecosystem import emails
from ecosystem.models import Invitation, JoinRequest, Membership, Organisation, Role
from ecosystem.permissions import OrgAction, is_moderator, require, role_in
from ecosystem.slugs import unique_slug

if TYPE_CHECKING:
    from ecosystem.users import User

logger = logging.getLogger(__name__)

INVITATION_VALID_DAYS = getattr(settings, "HELIX_INVITATION_VALID_DAYS", 14)


def _unique_slug(name: str) -> str:
    return unique_slug(name, taken=Organisation.objects.all(), max_length=200, fallback="organisation")


@transaction.atomic
def organisation_create(*, user: User, name: str, kind: str, **fields: Any) -> Organisation:
    """Return a new organisation whose creator is its owner."""
    organisation = Organisation.objects.create(name=name, kind=kind, slug=_unique_slug(name), **fields)
    Membership.objects.create(organisation=organisation, user=user, role=Role.OWNER)
    logger.info("organisation created", extra={"organisation": organisation.pk, "user": user.pk})
    return organisation


@transaction.atomic
def organisation_update(*, user: User, organisation: Organisation, **fields: Any) -> Organisation:
    require(user, OrgAction.EDIT, organisation)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_verify(*, user: User, organisation: Organisation, verified: bool = True) -> Organisation:
    require(user, OrgAction.VERIFY, organisation)
    organisation.is_verified = verified
    organisation.verified_at = timezone.now() if verified else None
    organisation.verified_by = user if verified else None
    organisation.save(update_fields=["is_verified", "verified_at", "verified_by", "updated_at"])
    logger.info("organisation verification set", extra={"organisation": organisation.pk, "verified": verified})
    return organisation


def _check_role_grant(user: User, organisation: Organisation, role: str) -> None:
    # Only an owner (or a moderator acting for the platform) may hand out ownership.
    if role == Role.OWNER and role_in(user, organisation) != Role.OWNER and not is_moderator(user):
        raise PermissionDenied


@transaction.atomic
def invitation_create(*, user: User, organisation: Organisation, email: str, role: str = Role.MEMBER) -> Invitation:
    """Return a pending invitation and send it by e-mail once the transaction commits."""
    require(user, OrgAction.INVITE, organisation)
    _check_role_grant(user, organisation, role)
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError({"email": _("This person is already a member.")})
    # A new invitation replaces any pending one, so only the latest link works.
    Invitation.objects.filter(
        organisation=organisation, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=user,
        expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
    )
    language = translation.get_language()
    transaction.on_commit(lambda: emails.send_invitation(invitation, language=language))
    return invitation


@transaction.atomic
def invitation_revoke(*, user: User, invitation: Invitation) -> None:
    require(user, OrgAction.INVITE, invitation.organisation)
    if invitation.accepted_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def invitation_accept(*, user: User, invitation: Invitation) -> Membership:
    """Return the membership the invitation grants to the signed-in person it was sent to."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(_("This invitation has expired or has already been used."))
    # The link alone is not enough: the person must own the invited address.
    owns_address = EmailAddress.objects.filter(user=user, email__iexact=invitation.email, verified=True).exists()
    if not owns_address:
        raise PermissionDenied(_("This invitation was sent to another e-mail address."))
    membership, _created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    JoinRequest.objects.filter(
        organisation=invitation.organisation, user=user, status=JoinRequest.Status.PENDING
    ).update(status=JoinRequest.Status.APPROVED, decided_at=timezone.now())
    return membership


def _owner_count(organisation: Organisation) -> int:
    return Membership.objects.filter(organisation=organisation, role=Role.OWNER).count()


@transaction.atomic
def membership_remove(*, user: User, membership: Membership) -> None:
    """Remove a member; owners remove others, anyone may leave; the last owner cannot go."""
    organisation = membership.organisation
    if membership.user_id != user.pk:
        require(user, OrgAction.REMOVE_MEMBER, organisation)
    if membership.role == Role.OWNER and _owner_count(organisation) <= 1:
        raise ValidationError(_("An organisation needs at least one owner. Make someone else owner first."))
    membership.delete()


@transaction.atomic
def membership_change_role(*, user: User, membership: Membership, role: str) -> Membership:
    organisation = membership.organisation
    require(user, OrgAction.REMOVE_MEMBER, organisation)  # managing members is the owner's job
    if membership.role == Role.OWNER and role != Role.OWNER and _owner_count(organisation) <= 1:
        raise ValidationError(_("An organisation needs at least one owner. Make someone else owner first."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def join_request_create(*, user: User, organisation: Organisation, message: str = "") -> JoinRequest:
    require(user, OrgAction.REQUEST_TO_JOIN, organisation)
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(organisation=organisation, user=user, message=message)
    except IntegrityError:
        raise ValidationError(_("You have already asked to join; the organisation will answer soon.")) from None
    language = translation.get_language()
    transaction.on_commit(lambda: emails.send_join_request(join_request, language=language))
    return join_request


@transaction.atomic
def join_request_decide(*, user: User, join_request: JoinRequest, approve: bool) -> JoinRequest:
    require(user, OrgAction.EDIT, join_request.organisation)
    if join_request.status != JoinRequest.Status.PENDING:
        raise ValidationError(_("This request has already been answered."))
    join_request.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
    join_request.decided_at = timezone.now()
    join_request.decided_by = user
    join_request.save(update_fields=["status", "decided_at", "decided_by"])
    if approve:
        Membership.objects.get_or_create(
            organisation=join_request.organisation, user=join_request.user, defaults={"role": Role.MEMBER}
        )
    return join_request
