"""Whose e-mail address a person may see: the one rule every page, e-mail and export follows.

Helix promises that contact details are shared only after acceptance. A person's own address is
shown to themselves and to the people they were put in touch with: the other person of an accepted
introduction (the requester and whoever accepted), and the mentor and the startup's people of a
mentoring relationship an officer's published cohort started (no introduction to accept there).
Everyone else sees the organisation's own contact address, when it published one, and may request
an introduction from the matches they have with the item.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from matching.models import Introduction, IntroductionStatus, MatchKind, Relationship, Side
from matching.presenters import MatchCard, match_cards
from matching.selectors.matches import match_list_for

# The side a visitor asks from, by the item whose page they look at: a capability or a mentor
# offer is the provider of its matches, a need the seeker.
ASKING_SIDE = {"capability": Side.SEEKER, "mentor": Side.SEEKER, "need": Side.PROVIDER}


def _introduced(one, other) -> bool:
    return (
        Introduction.objects.filter(status=IntroductionStatus.ACCEPTED)
        .filter(Q(requester=one, answered_by=other) | Q(requester=other, answered_by=one))
        .exists()
    )


def _paired_in_a_cohort(one, other) -> bool:
    # Cohort relationships are the mentoring relationships no introduction started.
    cohort = Relationship.objects.filter(kind=MatchKind.MENTORING, introduction__isnull=True)
    return cohort.filter(
        Q(mentor__user=one, organisation__memberships__user=other)
        | Q(mentor__user=other, organisation__memberships__user=one)
    ).exists()


def may_see_contact(viewer, person) -> bool:
    """True when `viewer` may see `person`'s own e-mail address (see the module's docstring)."""
    if person is None or not viewer.is_authenticated:
        return False
    if viewer.pk == person.pk:
        return True
    return _introduced(viewer, person) or _paired_in_a_cohort(viewer, person)


@dataclass(frozen=True)
class ContactBlock:
    """What the "Contact" box of a capability, mentor or need page shows to one viewer."""

    name: str
    email: str = ""
    organisation_email: str = ""
    # The viewer's matches with the item, from which they may request an introduction.
    options: list[MatchCard] = field(default_factory=list)


def contact_block(viewer, *, person, organisation=None, end_field: str, end) -> ContactBlock:
    """Return the contact box for `end` (a capability, mentor offer or need) answered by `person`.

    The person's address when the viewer may see it; otherwise the organisation's published
    address (to signed-in people, as on organisation pages) and the viewer's matches with the item.
    """
    name = person.public_name if person is not None else ""
    if may_see_contact(viewer, person):
        return ContactBlock(name=name, email=person.email)
    if not viewer.is_authenticated:
        return ContactBlock(name=name)
    matches = match_list_for(user=viewer, side=ASKING_SIDE[end_field]).filter(**{end_field: end})
    return ContactBlock(
        name=name,
        organisation_email=organisation.contact_email if organisation is not None else "",
        options=match_cards(user=viewer, matches=matches),
    )
