"""Writes to startup profiles, capabilities, mentor offers and needs by the people who own them.

Every function checks the acting person's permission (ecosystem.permissions) before it writes.
`data` is what an owner form cleaned: model fields by name, related sectors as rows and
technologies as a list of names (new names become new technologies).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Field
from django.utils.translation import gettext as _

from ecosystem.models import Capability, MentorOffer, Need, Organisation, StartupProfile, Technology
from ecosystem.permissions import (
    can_edit_capability,
    can_edit_mentor_offer,
    can_edit_need,
    can_edit_startup_profile,
    can_post_capability_for,
    can_post_need_for,
)
from ecosystem.slugs import unique_slug
from kernel.text import fold

if TYPE_CHECKING:
    from ecosystem.users import AnyUser, User

logger = logging.getLogger(__name__)

# What the owner forms save; `_apply` returns the instance it was given, as it was typed.
OwnedT = TypeVar("OwnedT", StartupProfile, Capability, MentorOffer, Need)

MANY_TO_MANY = ("sectors", "research_areas", "technologies")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _unique_technology_slug(name: str) -> str:
    return unique_slug(name, taken=Technology.objects.all(), max_length=110, fallback="technology")


def technology_list_get_or_create(*, names: Iterable[str]) -> list[Technology]:
    """Return the technologies with these names, creating those nobody has used yet.

    Names meet whatever their case and diacritics ("IoT", "iot"), so tags do not multiply.
    """
    wanted: dict[str, str] = {}  # folded name → the name as first written
    for name in names:
        wanted.setdefault(fold(name), name.strip()[:100])
    existing = {technology.folded: technology for technology in Technology.objects.filter(folded__in=wanted)}
    technologies = []
    for folded, name in wanted.items():
        technology = existing.get(folded)
        if technology is None:
            technology = Technology.objects.create(name=name, slug=_unique_technology_slug(name))
            logger.info("technology created", extra={"technology": technology.pk})
        technologies.append(technology)
    return technologies


def _apply(instance: OwnedT, data: Mapping[str, Any]) -> OwnedT:
    """Set the fields in `data` on `instance`, validate, save and set its related rows."""
    related = {name: value for name, value in data.items() if name in MANY_TO_MANY}
    for name, value in data.items():
        if name not in MANY_TO_MANY:
            # An owner form's fields are the model's own fields, never a reverse relation (which has no
            # save_form_data). save_form_data knows file fields: None keeps the file, False clears it.
            model_field = cast("Field[Any, Any]", instance._meta.get_field(name))
            model_field.save_form_data(instance, value)
    # Only what the owner gave is validated: the rest (who posted it, moderation) is not theirs to fix.
    instance.full_clean(exclude=[field.name for field in instance._meta.fields if field.name not in data])
    instance.save()
    for name, value in related.items():
        if name == "technologies":
            value = technology_list_get_or_create(names=value)
        getattr(instance, name).set(value)
    return instance


@transaction.atomic
def startup_profile_save(*, user: User, organisation: Organisation, data: Mapping[str, Any]) -> StartupProfile:
    """Return the organisation's startup profile, created or updated with `data`."""
    _require(can_edit_startup_profile(user, organisation))
    profile = StartupProfile.objects.filter(organisation=organisation).first() or StartupProfile(
        organisation=organisation
    )
    created = profile.pk is None
    _apply(profile, data)
    logger.info(
        "startup profile saved",
        extra={"organisation": organisation.pk, "user": user.pk, "is_new": created},
    )
    return profile


@transaction.atomic
def capability_create(*, user: User, organisation: Organisation | None, data: Mapping[str, Any]) -> Capability:
    """Return a new capability posted by the person, for their organisation or in their own name."""
    _require(can_post_capability_for(user, organisation))
    capability = Capability(owner=user, contact_person=user, organisation=organisation)
    _apply(capability, data)
    logger.info("capability created", extra={"capability": capability.pk, "user": user.pk})
    return capability


@transaction.atomic
def capability_update(
    *, user: User, capability: Capability, organisation: Organisation | None, data: Mapping[str, Any]
) -> Capability:
    """Return the capability updated with `data`, possibly moved to another of the person's organisations."""
    _require(can_edit_capability(user, capability))
    if organisation != capability.organisation:
        if organisation is None and capability.owner_id != user.pk:
            # It would become the poster's personal capability: theirs to decide, not an administrator's.
            raise ValidationError({"organisation": _("Only the person who posted it can move it to their own name.")})
        _require(can_post_capability_for(user, organisation))
        capability.organisation = organisation
    _apply(capability, data)
    logger.info("capability updated", extra={"capability": capability.pk, "user": user.pk})
    return capability


@transaction.atomic
def mentor_offer_save(*, user: AnyUser, data: Mapping[str, Any]) -> MentorOffer:
    """Return the person's mentor offer, created or updated with `data`."""
    if not user.is_authenticated:
        raise PermissionDenied
    offer = MentorOffer.objects.filter(user=user).first() or MentorOffer(user=user)
    _require(can_edit_mentor_offer(user, offer))
    _apply(offer, data)
    logger.info("mentor offer saved", extra={"offer": offer.pk, "user": user.pk})
    return offer


@transaction.atomic
def mentor_offer_set_paused(*, user: User, offer: MentorOffer, paused: bool) -> MentorOffer:
    """Return the offer paused (no new requests) or resumed."""
    _require(can_edit_mentor_offer(user, offer))
    offer.is_paused = paused
    offer.save(update_fields=["is_paused", "updated_at"])
    return offer


@transaction.atomic
def need_create(*, user: User, organisation: Organisation, data: Mapping[str, Any]) -> Need:
    """Return a new need of the organisation, posted by the person."""
    _require(can_post_need_for(user, organisation))
    need = Need(organisation=organisation, posted_by=user)
    _apply(need, data)
    logger.info("need created", extra={"need": need.pk, "organisation": organisation.pk, "user": user.pk})
    return need


@transaction.atomic
def need_update(*, user: User, need: Need, data: Mapping[str, Any]) -> Need:
    """Return the need updated with `data`."""
    _require(can_edit_need(user, need))
    _apply(need, data)
    logger.info("need updated", extra={"need": need.pk, "user": user.pk})
    return need
