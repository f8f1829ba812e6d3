"""Where a new person goes first: the steps that fit what they came to Helix for."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from accounts.models import Intent
from ecosystem.models import Capability, Membership, MentorOffer, OrganisationKind


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    url: str


def has_started(user) -> bool:
    """True once the person belongs to an organisation or has posted a capability or a mentor offer;
    staff, moderators and officers (any group) have their own work and are never "new"."""
    return (
        user.is_staff
        or user.groups.exists()
        or Membership.objects.filter(user=user).exists()
        or Capability.objects.filter(owner=user).exists()
        or MentorOffer.objects.filter(user=user).exists()
    )


def _register(kind: str) -> str:
    return f"{reverse('ecosystem:organisation_create')}?{urlencode({'kind': kind})}"


def _find(kind: str) -> str:
    return f"{reverse('ecosystem:organisation_list')}?{urlencode({'kind': kind})}"


def first_steps(intent: str) -> list[Step]:
    """Return the first things to do for someone who came for `intent` (everything when unknown)."""
    register_startup = Step(
        _("Register your startup"),
        _("A profile with your stage, sector and needs is what matches you with programs, researchers and mentors."),
        _register(OrganisationKind.STARTUP),
    )
    post_capability = Step(
        _("Post a capability"),
        _("Expertise, a lab or a technology to license: startups and agencies looking for it will find you."),
        reverse("ecosystem:capability_create"),
    )
    offer_mentoring = Step(
        _("Offer mentoring"),
        _("Say what you can help with and how many mentees you can take; startups that need it are matched to you."),
        reverse("ecosystem:mentor_offer_edit"),
    )
    join_university = Step(
        _("Join your university or institute"),
        _("Find it in the directory and ask to join, so your capabilities appear under its name."),
        _find(OrganisationKind.UNIVERSITY),
    )
    find_agency = Step(
        _("Find your agency"),
        _("Government agencies are joined by invitation: ask a colleague who is already on Helix to invite you."),
        _find(OrganisationKind.GOVERNMENT_AGENCY),
    )
    register_agency = Step(
        _("Register your agency or support organisation"),
        _("A moderator verifies a government agency before its officers can publish programs."),
        _register(OrganisationKind.GOVERNMENT_AGENCY),
    )
    browse_programs = Step(
        _("Browse open programs"),
        _("Grants, loans, accelerators and calls from the province's agencies, with their deadlines."),
        reverse("ecosystem:program_list"),
    )
    match intent:
        case Intent.STARTUP:
            return [register_startup, browse_programs]
        case Intent.RESEARCH:
            return [post_capability, join_university, offer_mentoring]
        case Intent.MENTOR:
            return [offer_mentoring, post_capability]
        case Intent.AGENCY:
            return [find_agency, register_agency]
    return [register_startup, post_capability, offer_mentoring, browse_programs]
