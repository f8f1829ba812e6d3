"""Changes to the facts matches are made of queue a recompute of the entities they touch (on commit).

Receivers only record ids; the worker reads the facts and writes the matches.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from ecosystem.models import Capability, MentorOffer, Need, Organisation, Program, StartupProfile
from matching.models import MatchKind, Relationship
from matching.tasks import matches_recompute_enqueue


def _changes(instance) -> dict[str, list[int]]:
    if isinstance(instance, StartupProfile):
        return {"startup": [instance.organisation_id]}
    if isinstance(instance, Need):
        # A startup's posted needs are part of what it is looking for.
        return {"need": [instance.pk], "startup": [instance.organisation_id]}
    if isinstance(instance, Capability):
        return {"capability": [instance.pk]}
    if isinstance(instance, MentorOffer):
        return {"mentor": [instance.pk]}
    if isinstance(instance, Program):
        return {"program": [instance.pk]}
    if isinstance(instance, Organisation):
        # Hidden, made private or moved: what it posts follows it (matching.pipeline.profiles).
        changes = {
            "capability": list(instance.capabilities.values_list("pk", flat=True)),
            "need": list(instance.needs.values_list("pk", flat=True)),
        }
        if StartupProfile.objects.filter(organisation=instance).exists():
            changes["startup"] = [instance.pk]
        return {entity: ids for entity, ids in changes.items() if ids}
    if isinstance(instance, Relationship) and instance.kind == MatchKind.MENTORING and instance.mentor_id:
        # A mentor who takes someone on has less room: their mentee lists change.
        return {"mentor": [instance.mentor_id]}
    return {}


def _enqueue(instance) -> None:
    for entity_type, ids in _changes(instance).items():
        matches_recompute_enqueue(entity_type=entity_type, ids=ids)


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:  # loading fixtures: the rebuild that follows computes everything
        _enqueue(instance)


def _deleted(sender, instance, **kwargs):
    _enqueue(instance)


def _relations_changed(sender, instance, action, reverse, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        _enqueue(instance)


def connect() -> None:
    """Connect the receivers (MatchingConfig.ready)."""
    for model in (Organisation, StartupProfile, Need, Capability, MentorOffer, Program, Relationship):
        post_save.connect(_saved, sender=model, dispatch_uid=f"matching-saved-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"matching-deleted-{model.__name__}")
    relations = [
        StartupProfile.sectors, StartupProfile.technologies, Need.sectors, Need.technologies,
        Capability.research_areas, Capability.technologies, MentorOffer.sectors,
    ]  # fmt: skip
    for relation in relations:
        uid = f"matching-m2m-{relation.through._meta.label}"
        m2m_changed.connect(_relations_changed, sender=relation.through, dispatch_uid=uid)
