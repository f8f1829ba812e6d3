"""From which side a person looks at a match: the one place services and views ask.

`viewer_sides` answers for one match with the same conditions as `matching.selectors.matches.seeker_q`
and `provider_q` (which answer for many in SQL): the seeker side belongs to the members of the
match's organisation (or of the organisation that posted the need), the provider side to whoever
posted the capability, its contact person and the members of its organisation, and to the mentor.
`require_side` raises PermissionDenied so a service cannot forget to refuse.
"""

from django.core.exceptions import PermissionDenied

from ecosystem.models import Membership, Role
from matching.models import MatchKind, Side

MANAGER_ROLES = (Role.OWNER, Role.ADMIN)


def membership_roles(user) -> dict[int, str]:
    """Return the person's role in each of their organisations ({organisation id: role}).

    One query per person per request: the answer is kept on the user object, as `role_in` does.
    """
    if not user.is_authenticated:
        return {}
    if "_helix_membership_roles" not in user.__dict__:
        user.__dict__["_helix_membership_roles"] = dict(
            Membership.objects.filter(user=user).values_list("organisation_id", "role")
        )
    return user.__dict__["_helix_membership_roles"]


def sides_for_ends(user, *, kind: str, organisation_id=None, need=None, capability=None, mentor=None) -> set[str]:
    """Return the sides the person has on a pair described by its ends (a match or a relationship)."""
    if not user.is_authenticated:
        return set()
    organisations = membership_roles(user)
    sides = set()
    if kind in (MatchKind.FUNDING, MatchKind.COLLABORATION, MatchKind.MENTORING):
        if organisation_id in organisations:
            sides.add(Side.SEEKER)
    elif kind == MatchKind.NEED and need is not None and need.organisation_id in organisations:
        sides.add(Side.SEEKER)
    if kind in (MatchKind.COLLABORATION, MatchKind.NEED) and capability is not None:
        if (
            capability.owner_id == user.pk
            or capability.contact_person_id == user.pk
            or capability.organisation_id in organisations
        ):
            sides.add(Side.PROVIDER)
    elif kind == MatchKind.MENTORING and mentor is not None and mentor.user_id == user.pk:
        sides.add(Side.PROVIDER)
    return sides


def viewer_sides(user, match) -> set[str]:
    """Return the sides ({Side.SEEKER, Side.PROVIDER}) from which the person sees this match.

    Reads the match's ends as loaded (`match_list_for` selects them), so costs no query beyond the
    person's memberships, read once per request.
    """
    return sides_for_ends(
        user,
        kind=match.kind,
        organisation_id=match.organisation_id,
        need=match.need if match.need_id else None,
        capability=match.capability if match.capability_id else None,
        mentor=match.mentor if match.mentor_id else None,
    )


def require_side(user, match, side: str) -> None:
    """Raise PermissionDenied unless the person may act on the match from `side`."""
    if side not in viewer_sides(user, match):
        raise PermissionDenied


def side_for(user, match, side: str | None = None) -> str:
    """Return the side the person acts from: `side` if they have it, else their only (or seeker) side.

    Raises PermissionDenied when they have no side on the match, or not the one asked for.
    """
    sides = viewer_sides(user, match)
    if side:
        if side not in sides:
            raise PermissionDenied
        return side
    if not sides:
        raise PermissionDenied
    return Side.SEEKER if Side.SEEKER in sides else Side.PROVIDER
