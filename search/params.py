"""Read a search from a query string: whatever arrives becomes a valid `SearchQuery`, never an error.

Unknown facet values, page numbers that are not numbers and sorts nobody offers are dropped
(and reported back in `ignored`, so API clients can tell); text is cleaned and cut to length.
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.text import slugify

from ecosystem.models import Location, Sector, Stage
from kernel.text import fold
from search.documents import DOC_TYPES
from search.documents.taxonomy import KIND_LABELS
from search.query import FACETS, MAX_RESULT_WINDOW, SORTS, STATUSES, SearchQuery
from search.text import MAX_QUERY_LENGTH, clean

PAGE_SIZE = 20
MAX_VALUES_PER_FACET = 20
LAST_PAGE = MAX_RESULT_WINDOW // PAGE_SIZE


@dataclass
class ParsedSearch:
    query: SearchQuery
    ignored: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_filtered(self) -> bool:
        return bool(self.query.filters)


def _location_lookup() -> dict[str, str]:
    """Return every way of naming a location (slug, names, former provinces) → its current slug."""
    lookup = {}
    for slug, name_vi, name_en, aliases in Location.objects.values_list("slug", "name_vi", "name_en", "aliases"):
        for name in [slug, name_vi, name_en, *(aliases or [])]:
            lookup.setdefault(fold(name), slug)
            lookup.setdefault(slugify(fold(name)), slug)
    return lookup


# Read only for the facets a query string uses: most searches filter on one facet or none.
KNOWN_VALUES = {
    "type": lambda: set(DOC_TYPES),
    "sector": lambda: set(Sector.objects.values_list("slug", flat=True)),
    "stage": lambda: set(Stage.objects.values_list("slug", flat=True)),
    "status": lambda: set(STATUSES),
    "kind": lambda: set(KIND_LABELS),
}


def _facet_values(params: QueryDict, facet: str, known: dict, locations: dict) -> tuple[list[str], list[str]]:
    accepted, ignored = [], []
    for raw in params.getlist(facet)[:MAX_VALUES_PER_FACET]:
        value = clean(raw)[:100]
        if not value:
            continue
        if facet == "location":
            # "Bình Dương", "binh-duong" and "ho-chi-minh" all mean Ho Chi Minh City since the 2025 merger.
            value = locations.get(fold(value)) or locations.get(slugify(fold(value)), value)
            valid = value in locations.values()
        else:
            valid = value in known[facet]()
        target = accepted if valid else ignored
        if value not in target:
            target.append(value)
    return accepted, ignored


def _page(raw: str | None) -> int:
    try:
        page = int(clean(raw or "1")[:6])
    except ValueError:
        return 1
    return min(max(page, 1), LAST_PAGE)


def parse_search(params: QueryDict, *, language: str) -> ParsedSearch:
    """Return the search a query string asks for, with what could not be understood set aside."""
    known = KNOWN_VALUES
    locations = _location_lookup() if params.getlist("location") else {}
    filters, ignored = {}, {}
    for facet in FACETS:
        accepted, rejected = _facet_values(params, facet, known, locations)
        if accepted:
            filters[facet] = tuple(accepted)
        if rejected:
            ignored[facet] = rejected
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        ignored["sort"] = [clean(sort)[:50]]
        sort = "relevance"
    text = clean(params.get("q", ""))[:MAX_QUERY_LENGTH]
    query = SearchQuery(
        text=text, filters=filters, sort=sort, page=_page(params.get("page")), page_size=PAGE_SIZE, language=language
    )
    return ParsedSearch(query=query, ignored=ignored)


def query_string_of(query: SearchQuery) -> str:
    """Return the query string that asks for this search again (without the page): saved searches keep it."""
    params = QueryDict(mutable=True)
    if query.text:
        params["q"] = query.text
    for facet in FACETS:
        params.setlist(facet, list(query.active(facet)))
    if query.sort != "relevance":
        params["sort"] = query.sort
    return params.urlencode()
