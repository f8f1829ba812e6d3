"""Who may do what to an organisation: the one place every view and service asks.

`can(user, action, organisation)` answers for the organisation actions; `require(...)` raises
PermissionDenied so views cannot forget to turn a refusal into a 403.
"""

from enum import StrEnum

from allauth.mfa.utils import is_mfa_enabled
from django.core.exceptions import PermissionDenied

from ecosystem.models import Membership, Organisation, OrganisationKind, Role

MODERATORS_GROUP = "Moderators"


class OrgAction(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    INVITE = "invite"
    REMOVE_MEMBER = "remove_member"
    VERIFY = "verify"
    REQUEST_TO_JOIN = "request_to_join"


def is_moderator(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    # Cached per request object: one query however often a page asks.
    if not hasattr(user, "_helix_is_moderator"):
        user._helix_is_moderator = user.groups.filter(name=MODERATORS_GROUP).exists()
    return user._helix_is_moderator


def is_government_officer(user) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organisation__kind=OrganisationKind.GOVERNMENT_AGENCY).exists()
    )


def requires_mfa(user) -> bool:
    """True for the people who publish on behalf of others: staff, moderators, officers."""
    return user.is_authenticated and (user.is_staff or is_moderator(user) or is_government_officer(user))


def has_mfa(user) -> bool:
    return user.is_authenticated and is_mfa_enabled(user)


def role_in(user, organisation: Organisation) -> Role | None:
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_helix_roles", {})
    if organisation.pk not in cache:
        role = Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True).first()
        cache[organisation.pk] = Role(role) if role else None
    return cache[organisation.pk]


def can(user, action: OrgAction, organisation: Organisation) -> bool:
    role = role_in(user, organisation)
    moderator = is_moderator(user)
    match action:
        case OrgAction.VIEW:
            return organisation.is_public or role is not None or moderator
        case OrgAction.EDIT:
            return role in (Role.OWNER, Role.ADMIN)
        case OrgAction.INVITE:
            if moderator and has_mfa(user):
                return True
            if organisation.joins_by_invitation_only:
                return role == Role.OWNER
            return role in (Role.OWNER, Role.ADMIN)
        case OrgAction.REMOVE_MEMBER:
            return role == Role.OWNER
        case OrgAction.VERIFY:
            return moderator and has_mfa(user)
        case OrgAction.REQUEST_TO_JOIN:
            return (
                user.is_authenticated
                and role is None
                and organisation.is_public
                and not organisation.joins_by_invitation_only
            )
    raise ValueError(f"Unknown organisation action: {action!r}")


def require(user, action: OrgAction, organisation: Organisation) -> None:
    if not can(user, action, organisation):
        raise PermissionDenied
