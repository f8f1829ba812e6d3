"""How complete a profile, capability, mentor offer or need is, and what to add next.

`measure()` is pure: it takes plain values and returns a percentage and the missing items, each
with the reason it helps matching. The `*_completeness` adapters read a saved model instance into
plain values (its related rows included, so prefetch them on list pages).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Item:
    """One thing a complete profile has; heavier items count more towards the percentage."""

    name: str
    label: str
    why: str
    weight: int = 1


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: tuple[Item, ...]

    @property
    def is_complete(self) -> bool:
        return not self.missing


def is_filled(value) -> bool:
    """True when a value says something: not None, not blank text, not an empty collection."""
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | set | frozenset | dict):
        return bool(value)
    return True


def measure(items: Sequence[Item], values: Mapping[str, object]) -> Completeness:
    """Return the weighted share of `items` filled in `values` and the missing items, heaviest first."""
    total = sum(item.weight for item in items)
    missing = [item for item in items if not is_filled(values.get(item.name))]
    filled = total - sum(item.weight for item in missing)
    percent = round(100 * filled / total) if total else 100
    missing.sort(key=lambda item: -item.weight)
    return Completeness(percent=percent, missing=tuple(missing))


STARTUP_PROFILE_ITEMS = (
    Item("pitch", _("One-line pitch"), _("It is the first thing programs, partners and investors read."), 2),
    Item("description", _("Description"), _("Search and matching read it to understand what you do."), 2),
    Item("sectors", _("Sectors"), _("Programs are often limited to sectors, and matching starts from them."), 3),
    Item("technologies", _("Technologies"), _("Researchers and partners look for startups by technology."), 2),
    Item("stage", _("Stage"), _("Many programs are only for one stage, such as idea or growth."), 2),
    Item("location", _("Location"), _("Provincial programs are limited to their province."), 2),
    Item("seeking", _("What you are looking for"), _("We suggest programs, mentors and partners for it."), 2),
    Item("trl", _("Technology readiness level"), _("Programs and R&D partners check how mature it is."), 1),
    Item("founded_on", _("Founding date"), _("Some programs are only for companies founded after a date."), 1),
    Item("team_size", _("Team size"), _("Some programs set a maximum team size."), 1),
    Item("links", _("Links"), _("A website or demo lets people check your work."), 1),
    Item("logo", _("Logo"), _("Profiles with a logo are easier to recognise in lists."), 1),
)

CAPABILITY_ITEMS = (
    Item("title", _("Title"), _("It is what people see in the directory."), 2),
    Item("description", _("Description"), _("Search and matching read it to find who needs it."), 3),
    Item("research_areas", _("Research areas"), _("Startups and needs are matched to you by sector."), 3),
    Item("technologies", _("Technologies"), _("People search capabilities by technology."), 2),
    Item("trl", _("Technology readiness level"), _("Companies look for technology mature enough to use."), 1),
    Item("availability", _("Availability"), _("People know when they can use it."), 1),
    Item("terms", _("Terms"), _("People know how they can use it before they write to you."), 1),
)

MENTOR_OFFER_ITEMS = (
    Item("headline", _("Headline"), _("It is what startups see in the mentor directory."), 2),
    Item("expertise", _("Expertise"), _("Matching reads it to suggest you to the right startups."), 3),
    Item("sectors", _("Sectors"), _("Startups look for mentors who know their sector."), 3),
    Item("languages", _("Languages"), _("Startups need to know which languages you mentor in."), 1),
    Item("availability", _("Availability"), _("Startups know when and how often you can meet."), 1),
)

NEED_ITEMS = (
    Item("title", _("Title"), _("It is what people see in the directory."), 2),
    Item("problem", _("The problem"), _("Search and matching read it to find who can solve it."), 3),
    Item("desired_outcome", _("Desired outcome"), _("Respondents know what a good answer looks like."), 2),
    Item("sectors", _("Sectors"), _("Startups and researchers are matched to needs by sector."), 2),
    Item("technologies", _("Technologies"), _("People search needs by technology."), 1),
    Item("budget", _("Budget"), _("Respondents know whether they can afford to answer."), 1),
    Item("deadline", _("Deadline"), _("Respondents know how much time they have."), 1),
)


def _related(instance, name: str) -> list:
    # An unsaved object has no related rows yet (and asking would raise).
    return list(getattr(instance, name).all()) if instance.pk else []


def startup_profile_completeness(profile) -> Completeness:
    """Return the completeness of a startup profile (an unsaved one counts as empty)."""
    values = {
        "pitch": profile.pitch,
        "description": profile.description,
        "sectors": _related(profile, "sectors"),
        "technologies": _related(profile, "technologies"),
        "stage": profile.stage_id,
        "location": profile.location_id,
        "seeking": list(profile.seeking or []),
        "trl": profile.trl,
        "founded_on": profile.founded_on,
        "team_size": profile.team_size,
        "links": profile.links,
        "logo": bool(profile.logo),
    }
    return measure(STARTUP_PROFILE_ITEMS, values if profile.pk else {})


def capability_completeness(capability) -> Completeness:
    """Return the completeness of a capability (an unsaved one counts as empty)."""
    values = {
        "title": capability.title,
        "description": capability.description,
        "research_areas": _related(capability, "research_areas"),
        "technologies": _related(capability, "technologies"),
        "trl": capability.trl,
        "availability": capability.availability,
        "terms": capability.terms,
    }
    return measure(CAPABILITY_ITEMS, values if capability.pk else {})


def mentor_offer_completeness(offer) -> Completeness:
    """Return the completeness of a mentor offer (an unsaved one counts as empty)."""
    values = {
        "headline": offer.headline,
        "expertise": offer.expertise,
        "sectors": _related(offer, "sectors"),
        "languages": list(offer.languages or []),
        "availability": offer.availability,
    }
    return measure(MENTOR_OFFER_ITEMS, values if offer.pk else {})


def need_completeness(need) -> Completeness:
    """Return the completeness of a need (an unsaved one counts as empty)."""
    values = {
        "title": need.title,
        "problem": need.problem,
        "desired_outcome": need.desired_outcome,
        "sectors": _related(need, "sectors"),
        "technologies": _related(need, "technologies"),
        "budget": need.budget_min if need.budget_min is not None else need.budget_max,
        "deadline": need.deadline,
    }
    return measure(NEED_ITEMS, values if need.pk else {})
