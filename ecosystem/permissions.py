"""Who may do what to an organisation: the one place every view and service asks.

`can(user, action, organisation)` answers for the organisation actions; `require(...)` raises
PermissionDenied so views cannot forget to turn a refusal into a 403.
"""

from enum import StrEnum

from allauth.mfa.utils import is_mfa_enabled
from django.core.exceptions import PermissionDenied

from ecosystem.models import Membership, Organisation, OrganisationKind, Role
from ecosystem.models.programs import PUBLISHER_KINDS

MODERATORS_GROUP = "Moderators"
# People who write programs in the Wagtail admin on behalf of their agency (created by a migration).
OFFICERS_GROUP = "Officers"


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


# Anyone may create an organisation of kind "government agency"; it acts as one (its members are
# officers, it publishes programs) only once a moderator has verified it.
def _verified_agency_memberships(user):
    return Membership.objects.filter(
        user=user, organisation__kind=OrganisationKind.GOVERNMENT_AGENCY, organisation__is_verified=True
    )


def acts_as_publisher(organisation: Organisation) -> bool:
    """True when the organisation may publish programs: a support organisation, or a verified agency."""
    return organisation.kind in PUBLISHER_KINDS and not organisation.awaits_verification


def is_government_officer(user) -> bool:
    return user.is_authenticated and _verified_agency_memberships(user).exists()


def requires_mfa(user) -> bool:
    """True for the people who publish on behalf of others: staff, moderators, officers and anyone
    else who may enter the Wagtail admin."""
    return user.is_authenticated and (
        user.is_staff
        or is_moderator(user)
        or is_government_officer(user)
        or user.has_perm("wagtailadmin.access_admin")
    )


def has_mfa(user) -> bool:
    if not user.is_authenticated:
        return False
    # Cached per request object, as `is_moderator`: officer pages ask in the view and in the service.
    if not hasattr(user, "_helix_has_mfa"):
        user._helix_has_mfa = is_mfa_enabled(user)
    return user._helix_has_mfa


def role_in(user, organisation: Organisation) -> Role | None:
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_helix_roles", {})
    if organisation.pk not in cache:
        role = Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True).first()
        cache[organisation.pk] = Role(role) if role else None
    return cache[organisation.pk]


def remember_roles(user, roles: dict) -> None:
    """Prime `role_in`'s per-request cache with roles already read ({organisation pk: role or None}),
    so a page about many organisations does not ask once per organisation."""
    if user.is_authenticated:
        cache = user.__dict__.setdefault("_helix_roles", {})
        cache.update({pk: Role(role) if role else None for pk, role in roles.items()})


def can(user, action: OrgAction, organisation: Organisation) -> bool:
    role = role_in(user, organisation)
    moderator = is_moderator(user)
    match action:
        case OrgAction.VIEW:
            # A moderator-hidden organisation is gone for everyone but its members and moderators.
            return (organisation.is_public and not organisation.is_hidden) or role is not None or moderator
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


# -- Programs: who may write and submit them on behalf of a publishing organisation ------------


def program_agencies_for(user):
    """Return the publishing organisations whose programs the user may manage (moderators: all of them)."""
    publishers = Organisation.objects.filter(kind__in=PUBLISHER_KINDS).exclude(
        kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=False
    )
    if not user.is_authenticated:
        return publishers.none()
    if is_moderator(user):
        return publishers
    return publishers.filter(memberships__user=user)


def can_manage_programs(user, agency: Organisation | None) -> bool:
    """True when the user may see, edit and submit the programs of `agency`, invite organisations to
    apply and form its cohorts: any member of a publishing agency, or a moderator, with two factors on."""
    if agency is None or not has_mfa(user):
        return False
    if is_moderator(user):
        return True
    return acts_as_publisher(agency) and role_in(user, agency) is not None


# -- Ecosystem content in the public site: profiles, capabilities, mentor offers, needs ---------

STARTUP_KINDS = (OrganisationKind.STARTUP, OrganisationKind.ENTERPRISE)
ACADEMIC_KINDS = (OrganisationKind.UNIVERSITY, OrganisationKind.RESEARCH_INSTITUTE)


def can_moderate_content(user) -> bool:
    """True for moderators with two-factor authentication: they may hide and unhide content."""
    return is_moderator(user) and has_mfa(user)


def can_edit_startup_profile(user, organisation: Organisation) -> bool:
    """True for the owners and administrators of a startup or SME."""
    return organisation.kind in STARTUP_KINDS and role_in(user, organisation) in (Role.OWNER, Role.ADMIN)


def can_post_capability_for(user, organisation: Organisation | None) -> bool:
    """True when the user may post a capability for `organisation` (None: in their own name).

    Any signed-in person may describe their own research; any member of a university or
    institute may post what their lab offers.
    """
    if organisation is None:
        return user.is_authenticated
    return organisation.kind in ACADEMIC_KINDS and role_in(user, organisation) is not None


def can_edit_capability(user, capability) -> bool:
    """True for the person who posted the capability and the administrators of its organisation."""
    if not user.is_authenticated:
        return False
    if capability.owner_id == user.pk:
        return True
    return capability.organisation_id is not None and role_in(user, capability.organisation) in (
        Role.OWNER,
        Role.ADMIN,
    )


def can_edit_mentor_offer(user, offer) -> bool:
    """True only for the mentor themself."""
    return user.is_authenticated and offer.user_id == user.pk


def can_post_need_for(user, organisation: Organisation) -> bool:
    """True for the owners and administrators of the organisation that has the need."""
    return role_in(user, organisation) in (Role.OWNER, Role.ADMIN)


def can_edit_need(user, need) -> bool:
    """True for the owners and administrators of the need's organisation."""
    return can_post_need_for(user, need.organisation)


# --- Bulk import and export (ecosystem/imports) -------------------------------------------------
BULK_DATASETS = ("organisations", "capabilities", "programs", "participations")
# What an agency may exchange for itself: its programs and its record of past consortia and cohorts.
AGENCY_DATASETS = ("programs", "participations")


def can_exchange_in_bulk(user, dataset: str) -> bool:
    """True if the person may import and export `dataset` in bulk.

    Moderators exchange everything; government officers only their own agencies' programs and
    records of past participation (see `bulk_agency_ids`). Both are privileged, so two-factor
    authentication must be on.
    """
    if dataset not in BULK_DATASETS or not has_mfa(user):
        return False
    if is_moderator(user):
        return True
    return dataset in AGENCY_DATASETS and is_government_officer(user)


def bulk_agency_ids(user) -> frozenset[int] | None:
    """The agencies whose programs and records the person may import and export; None means all (moderators)."""
    if is_moderator(user):
        return None
    return frozenset(_verified_agency_memberships(user).values_list("organisation_id", flat=True))
