"""What is asked of a search backend and what it answers: plain values shared by every engine."""

from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property

from django.utils import timezone

from ecosystem.models.programs import ProgramStatus, status_at
from search import text as search_text

FACETS = ("type", "sector", "location", "stage", "status", "kind")
SORTS = ("relevance", "newest", "closing")
STATUSES = tuple(ProgramStatus.values)
# The status facet describes calls for applications; other documents have no status.
STATUS_DOC_TYPE = "program"
MAX_PAGE_SIZE = 100
# Engines refuse to page deeper than this (Elasticsearch's max_result_window); nobody reads that far.
MAX_RESULT_WINDOW = 10_000


class UnsupportedFeature(ValueError):
    """A backend was asked for something it does not do: a bug in the caller, never user input."""


@dataclass(frozen=True, kw_only=True)
class SearchQuery:
    """A validated search: user input is parsed into this by `search.params`, never passed raw."""

    text: str = ""
    # facet → accepted values: any value of one facet (OR), every facet given (AND).
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    language: str = "vi"
    # Only documents first published at or after this moment (saved searches' "new since").
    since: datetime | None = None
    # Program statuses are computed for this moment at query time, never stored.
    now: datetime | None = None
    with_facets: bool = True

    def __post_init__(self):
        # Whatever the caller passed, no null byte or control character reaches an engine.
        object.__setattr__(self, "text", search_text.clean(self.text)[: search_text.MAX_QUERY_LENGTH])
        cleaned = {
            facet: tuple(filter(None, (search_text.clean(v)[:100] for v in values)))
            for facet, values in self.filters.items()
        }
        object.__setattr__(self, "filters", {facet: values for facet, values in cleaned.items() if values})
        unknown = set(self.filters) - set(FACETS)
        if unknown:
            raise UnsupportedFeature(f"unknown facets: {sorted(unknown)}")
        if self.sort not in SORTS:
            raise UnsupportedFeature(f"unknown sort {self.sort!r}")
        if (
            not 1 <= self.page_size <= MAX_PAGE_SIZE
            or self.page < 1
            or self.offset + self.page_size > MAX_RESULT_WINDOW
        ):
            raise UnsupportedFeature(f"page {self.page} of size {self.page_size} is out of range")

    @cached_property
    def terms(self) -> list[str]:
        return search_text.query_terms(self.text)

    @cached_property
    def exact_terms(self) -> list[str]:
        return search_text.query_exact_terms(self.text)

    @cached_property
    def moment(self) -> datetime:
        return self.now or timezone.now()

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def effective_sort(self) -> str:
        # Relevance means nothing without words; the newest documents come first instead.
        return "newest" if self.sort == "relevance" and not self.terms else self.sort

    def active(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())

    def with_text(self, text: str) -> "SearchQuery":
        return replace(self, text=text)


@dataclass
class Hit:
    doc_type: str
    object_id: int
    title: str
    url: str
    # Escaped text with <mark> around matched words: safe to insert as HTML.
    snippet: str
    published_at: datetime | None = None
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    score: float | None = None

    def status(self, now: datetime) -> ProgramStatus | None:
        if self.doc_type != STATUS_DOC_TYPE:
            return None
        return status_at(self.opens_at, self.closes_at, now)


@dataclass
class FacetCount:
    value: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    count: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    # "Did you mean": the query with misspelt words corrected, when the engine knows better words.
    suggestion: str | None = None
    # True when nothing matched the words as typed and the hits are for `suggestion` instead.
    corrected: bool = False

    def offer_correction(self, query: "SearchQuery", corrected_terms: list[str], run) -> None:
        """Apply the portal's "did you mean" policy, the same for every backend.

        `corrected_terms` are the engine's spelling of the query's terms; `run(query)` searches.
        The corrected query is offered only when it finds something; when the words as typed
        found nothing, its results take their place and the page says so. Its facets are asked
        for only then.
        """
        if not corrected_terms or corrected_terms == query.terms:
            return
        suggestion = " ".join(corrected_terms)
        alternative = run(replace(query.with_text(suggestion), with_facets=not self.count))
        if not alternative.count:
            return
        self.suggestion = suggestion
        if not self.count:
            self.count, self.hits, self.facets = alternative.count, alternative.hits, alternative.facets
            self.corrected = True


@dataclass
class Suggestion:
    """An autocomplete suggestion: a document title to go straight to."""

    title: str
    url: str
    doc_type: str


def facet_counts(counts: dict[str, int], selected: tuple[str, ...]) -> list[FacetCount]:
    """Return the facet's values, most frequent first; selected values stay listed even with no match."""
    values = [FacetCount(value, count, value in selected) for value, count in counts.items() if count]
    values += [FacetCount(value, 0, True) for value in selected if not counts.get(value)]
    return sorted(values, key=lambda facet: (-facet.count, facet.value))
