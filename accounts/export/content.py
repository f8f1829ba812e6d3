"""What the person put on the public site: startup profiles, capabilities, mentor offer, needs."""

from accounts.export.common import iso
from ecosystem.models import Capability, MentorOffer, Need, Role, StartupProfile


def _names(items) -> list[str]:
    return [item.name for item in items.all()]


def _moderation(item) -> dict:
    return {"hidden_at": iso(item.hidden_at), "hidden_reason": item.hidden_reason}


def startup_profiles(user) -> list[dict]:
    """The profiles of the startups the person owns."""
    profiles = (
        StartupProfile.objects.filter(organisation__memberships__user=user, organisation__memberships__role=Role.OWNER)
        .select_related("organisation", "stage", "location")
        .prefetch_related("sectors", "technologies")
        .order_by("organisation__name")
    )
    return [
        {
            "organisation": profile.organisation.name,
            "url": profile.get_absolute_url(),
            "pitch": profile.pitch,
            "description": profile.description,
            "sectors": _names(profile.sectors),
            "technologies": _names(profile.technologies),
            "stage": profile.stage.name if profile.stage else None,
            "trl": profile.trl,
            "founded_on": iso(profile.founded_on),
            "team_size": profile.team_size,
            "location": profile.location.name if profile.location else None,
            "seeking": profile.seeking,
            "funding_amount": int(profile.funding_amount) if profile.funding_amount is not None else None,
            "links": profile.link_list(),
            "logo": profile.logo.name or None,
            "updated_at": iso(profile.updated_at),
        }
        for profile in profiles
    ]


def capabilities(user) -> list[dict]:
    """The capabilities the person posted or is named the contact person of."""
    posted_or_contact = Capability.objects.filter(owner=user) | Capability.objects.filter(contact_person=user)
    items = posted_or_contact.select_related("organisation").prefetch_related("research_areas", "technologies")
    return [
        {
            "title": capability.title,
            "url": capability.get_absolute_url(),
            "your_role": "owner" if capability.owner_id == user.pk else "contact_person",
            "organisation": capability.organisation.name if capability.organisation else None,
            "kind": capability.kind,
            "description": capability.description,
            "research_areas": _names(capability.research_areas),
            "technologies": _names(capability.technologies),
            "trl": capability.trl,
            "availability": capability.availability,
            "terms": capability.terms,
            "is_public": capability.is_public,
            **_moderation(capability),
            "created_at": iso(capability.created_at),
            "updated_at": iso(capability.updated_at),
        }
        for capability in items.order_by("created_at", "pk")
    ]


def mentor_offer(user) -> dict | None:
    offer = MentorOffer.objects.filter(user=user).prefetch_related("sectors").first()
    if offer is None:
        return None
    return {
        "url": offer.get_absolute_url(),
        "headline": offer.headline,
        "expertise": offer.expertise,
        "sectors": _names(offer.sectors),
        "languages": offer.languages,
        "capacity": offer.capacity,
        "availability": offer.availability,
        "is_paused": offer.is_paused,
        "is_public": offer.is_public,
        **_moderation(offer),
        "created_at": iso(offer.created_at),
        "updated_at": iso(offer.updated_at),
    }


def needs(user) -> list[dict]:
    """The needs the person posted."""
    items = (
        Need.objects.filter(posted_by=user)
        .select_related("organisation")
        .prefetch_related("sectors", "technologies")
        .order_by("created_at", "pk")
    )
    return [
        {
            "title": need.title,
            "url": need.get_absolute_url(),
            "organisation": need.organisation.name,
            "problem": need.problem,
            "desired_outcome": need.desired_outcome,
            "budget_min": int(need.budget_min) if need.budget_min is not None else None,
            "budget_max": int(need.budget_max) if need.budget_max is not None else None,
            "deadline": iso(need.deadline),
            "respondent_kinds": need.respondent_kinds,
            "sectors": _names(need.sectors),
            "technologies": _names(need.technologies),
            "is_public": need.is_public,
            **_moderation(need),
            "created_at": iso(need.created_at),
            "updated_at": iso(need.updated_at),
        }
        for need in items
    ]
