"""Saves and deletes of anything a document is made of queue its re-indexing (on commit).

Which models matter is read from the document sources' `triggers`, so adding a source or a
trigger needs no change here. Receivers only record ids; the worker works out the documents.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.documents import SOURCES, trigger_labels
from search.tasks import search_index_enqueue

PAGE = "wagtailcore.page"
# Saves that touch none of these fields change nothing a document shows (a login updates last_login).
RELEVANT_FIELDS = {"accounts.user": {"display_name", "first_name", "last_name", "is_active"}}


def _label(model) -> str:
    return model._meta.label_lower


def _triggers_by_model() -> dict[str, list[tuple[str, str | None]]]:
    """Return, for each "app.model", the triggers it feeds: (trigger, foreign key attribute or None)."""
    by_model: dict[str, list[tuple[str, str | None]]] = {}
    for trigger in trigger_labels():
        app_label, model_name, *attribute = trigger.split(".")
        by_model.setdefault(f"{app_label}.{model_name}", []).append((trigger, attribute[0] if attribute else None))
    return by_model


TRIGGERS = _triggers_by_model()


def _changes_of(instance) -> dict[str, list[int]]:
    changes = {}
    for trigger, attribute in TRIGGERS.get(_label(instance), []):
        value = getattr(instance, attribute) if attribute else instance.pk
        if value is not None:
            changes[trigger] = [value]
    return changes


def _saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:  # loading fixtures: the rebuild that follows indexes everything
        return
    relevant = RELEVANT_FIELDS.get(_label(sender))
    if relevant and update_fields and not relevant & set(update_fields):
        return
    search_index_enqueue(changes=_changes_of(instance))


def _deleted(sender, instance, **kwargs):
    search_index_enqueue(changes=_changes_of(instance))


def _relations_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        search_index_enqueue(changes={_label(instance): [instance.pk]})
    elif pk_set:
        # Changed from the other side (a sector's documents): pk_set holds the documents' rows.
        search_index_enqueue(changes={_label(model): list(pk_set)})


def _page_changed(sender, instance, **kwargs):
    search_index_enqueue(changes={PAGE: [instance.pk]})


def _restriction_changed(sender, instance, **kwargs):
    search_index_enqueue(changes={PAGE: [instance.page_id]})


def connect() -> None:
    """Connect the receivers (SearchConfig.ready)."""
    for label in TRIGGERS:
        if label == PAGE:
            continue  # pages change by publishing, not by saving drafts
        model = apps.get_model(label)
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{label}")
    for source in SOURCES.values():
        for field in source.model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_relations_changed, sender=through, dispatch_uid=f"search-m2m-{_label(through)}")
    page_published.connect(_page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(_page_changed, dispatch_uid="search-page-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="search-page-moved")
    # One receiver per page model: a receiver for every sender would stop Django's fast deletes everywhere.
    for page_model in {Page, *get_page_models()}:
        post_delete.connect(_page_changed, sender=page_model, dispatch_uid=f"search-delete-{_label(page_model)}")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-saved")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-deleted")
