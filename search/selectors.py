"""Reads of search: run a search, complete a title, label facet values, find saved searches' new results."""

from dataclasses import replace
from datetime import datetime

from django.db.models import QuerySet
from django.http import QueryDict

from accounts.models import User
from ecosystem.models import Location, ProgramStatus, Sector, Stage
from search.backends import BaseSearchBackend, get_search_backend
from search.documents import SOURCES
from search.documents.taxonomy import KIND_LABELS
from search.models import SavedSearch
from search.params import parse_search
from search.query import SearchQuery, SearchResults, Suggestion

TAXONOMY_FACETS: dict[str, type[Sector | Location | Stage]] = {"sector": Sector, "location": Location, "stage": Stage}


def search_run(*, query: SearchQuery, backend: BaseSearchBackend | None = None) -> SearchResults:
    """Return one page of public results with facets; raises SearchUnavailable when the engine is down."""
    return (backend or get_search_backend()).search(query)


def search_suggestions(
    *, text: str, language: str, limit: int = 8, backend: BaseSearchBackend | None = None
) -> list[Suggestion]:
    """Return up to `limit` public titles completing what has been typed."""
    return (backend or get_search_backend()).suggest(text=text, language=language, limit=limit)


def facet_labels(results: SearchResults) -> dict[str, dict[str, str]]:
    """Return a label in the active language for every facet value in the results (one query per taxonomy)."""
    labels: dict[str, dict[str, str]] = {
        "type": {doc_type: str(source.label) for doc_type, source in SOURCES.items()},
        "status": {status.value: str(status.label) for status in ProgramStatus},
        "kind": {value: str(label) for value, label in KIND_LABELS.items()},
    }
    for facet, model in TAXONOMY_FACETS.items():
        values = [option.value for option in results.facets.get(facet, [])]
        labels[facet] = {term.slug: term.name for term in model.objects.filter(slug__in=values)} if values else {}
    return labels


def type_label(doc_type: str) -> str:
    source = SOURCES.get(doc_type)
    return str(source.label_singular) if source else doc_type


# -- Saved searches ------------------------------------------------------------------------------


def saved_search_list_for(*, user: User) -> QuerySet[SavedSearch]:
    """Return the person's saved searches, newest first."""
    return SavedSearch.objects.filter(user=user).order_by("-created_at")


def saved_search_new_results(
    *,
    saved_search: SavedSearch,
    since: datetime | None = None,
    limit: int = 20,
    backend: BaseSearchBackend | None = None,
) -> SearchResults:
    """Return the public documents the saved search finds that were first published since the last alert.

    `since` defaults to the last alert, or to when the search was saved: "new" never means
    "everything that already existed when I saved it".
    """
    parsed = parse_search(QueryDict(saved_search.query_string), language=saved_search.user.preferred_language)
    query = replace(
        parsed.query,
        since=since or saved_search.last_alerted_at or saved_search.created_at,
        sort="newest",
        page=1,
        page_size=limit,
        with_facets=False,
    )
    return search_run(query=query, backend=backend)
