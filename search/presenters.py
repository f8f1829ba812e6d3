"""Turn search results into what the page and the JSON API show: labels, links that toggle filters, pages."""

import math
from dataclasses import asdict, dataclass
from datetime import datetime

from django.conf import settings
from django.http import QueryDict
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ecosystem.models import ProgramStatus
from search.params import LAST_PAGE, ParsedSearch
from search.query import FACETS, SearchResults
from search.selectors import facet_labels, type_label

FACET_TITLES = {
    "type": _("Type"),
    "status": _("Program status"),
    "sector": _("Sector"),
    "location": _("Location"),
    "stage": _("Stage"),
    "kind": _("Kind"),
}
SORT_LABELS = {"relevance": _("Best match"), "newest": _("Newest"), "closing": _("Closing soon")}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    toggle: str  # the query string with this value added or removed


@dataclass
class FacetGroup:
    name: str
    title: str
    options: list[FacetOption]


@dataclass
class ResultItem:
    type: str
    type_label: str
    title: str
    url: str
    snippet: str
    published_at: datetime | None
    status: str | None
    status_label: str | None
    closes_at: datetime | None


def _toggled(params: QueryDict, facet: str, value: str) -> str:
    params = params.copy()
    values = params.getlist(facet)
    params.setlist(facet, [v for v in values if v != value] if value in values else [*values, value])
    params.pop("page", None)
    return params.urlencode()


def canonical_params(parsed: ParsedSearch) -> QueryDict:
    """Return the query string of the search as understood (bad values dropped, locations resolved)."""
    params = QueryDict(mutable=True)
    if parsed.query.text:
        params["q"] = parsed.query.text
    for facet in FACETS:
        params.setlist(facet, list(parsed.query.active(facet)))
    if parsed.query.sort != "relevance":
        params["sort"] = parsed.query.sort
    return params


def facet_groups(results: SearchResults, params: QueryDict, *, include_empty: bool = False) -> list[FacetGroup]:
    labels = facet_labels(results)
    groups = []
    for facet, title in FACET_TITLES.items():
        options = [
            FacetOption(
                value=option.value,
                label=labels.get(facet, {}).get(option.value, option.value),
                count=option.count,
                selected=option.selected,
                toggle=_toggled(params, facet, option.value),
            )
            for option in results.facets.get(facet, [])
        ]
        if options or include_empty:
            groups.append(FacetGroup(name=facet, title=str(title), options=options))
    return groups


def localized_url(url: str, language: str | None = None) -> str:
    """Return a document's address in the reader's language (documents store the default language's)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE or url.startswith(f"/{language}/"):
        return url
    # The stored address resolves in the default language; translate_url then reverses it in the reader's.
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, language)


def result_items(results: SearchResults, *, now: datetime | None = None) -> list[ResultItem]:
    now = now or timezone.now()
    items = []
    for hit in results.hits:
        status = hit.status(now)
        items.append(
            ResultItem(
                type=hit.doc_type,
                type_label=type_label(hit.doc_type),
                title=hit.title,
                url=localized_url(hit.url),
                snippet=hit.snippet,
                published_at=hit.published_at,
                status=status.value if status else None,
                status_label=str(ProgramStatus(status).label) if status else None,
                closes_at=hit.closes_at,
            )
        )
    return items


@dataclass
class PageInfo:
    number: int
    count: int
    num_pages: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def page_info(parsed: ParsedSearch, results: SearchResults) -> PageInfo:
    pages = min(max(math.ceil(results.count / parsed.query.page_size), 1), LAST_PAGE)
    return PageInfo(number=parsed.query.page, count=results.count, num_pages=pages)


def as_json(parsed: ParsedSearch, results: SearchResults, params: QueryDict) -> dict:
    """Return the API's answer: the count, one page of results, every facet with counts, suggestions."""
    page = page_info(parsed, results)
    return {
        "count": results.count,
        "page": page.number,
        "num_pages": page.num_pages,
        "page_size": parsed.query.page_size,
        "query": {"q": parsed.query.text, "sort": parsed.query.sort, "filters": parsed.query.filters},
        "results": [
            {
                **{key: value for key, value in asdict(item).items() if key not in ("published_at", "closes_at")},
                "published_at": item.published_at.isoformat() if item.published_at else None,
                "closes_at": item.closes_at.isoformat() if item.closes_at else None,
            }
            for item in result_items(results)
        ],
        "facets": {
            group.name: [
                {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected} for o in group.options
            ]
            for group in facet_groups(results, params, include_empty=True)
        },
        "suggestion": results.suggestion,
        "corrected": results.corrected,
        "ignored": parsed.ignored,
    }
