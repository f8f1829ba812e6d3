"""The faceted search of the Elasticsearch backend, built from a `SearchQuery` with elasticsearch.dsl.

`FacetedSearch` gives facet counts that ignore their own filter (a filter aggregation per
facet) and narrows the hits with a post_filter, as the database backend does. The program
status is not stored: its facet is a `filters` aggregation over the dates, for the query's moment.
"""

from datetime import datetime

from elasticsearch.dsl import FacetedSearch, Q, TermsFacet
from elasticsearch.dsl.faceted_search import Facet

from ecosystem.models.programs import CLOSING_SOON
from search.backends.elasticsearch.documents import HelixDocument
from search.highlight import MARK_END, MARK_START
from search.query import STATUS_DOC_TYPE, STATUSES, SearchQuery

MATCH_FIELDS = ["title^3", "body", "extra_text"]
EXACT_FIELDS = ["title.exact^4", "body.exact"]
FACET_SIZE = 200


def status_query(status: str, now: datetime) -> Q:
    """Return the condition for programs with this status at `now` (mirrors ecosystem's status_at)."""
    soon = now + CLOSING_SOON
    forthcoming = Q("range", opens_at={"gt": now.isoformat()})
    closed = Q("range", closes_at={"lte": now.isoformat()})
    closing_soon = Q("range", closes_at={"gt": now.isoformat(), "lte": soon.isoformat()})
    conditions = {
        "forthcoming": forthcoming,
        "closed": closed & ~forthcoming,
        "closing_soon": closing_soon & ~forthcoming,
        "open": ~forthcoming & ~Q("range", closes_at={"lte": soon.isoformat()}),
    }
    return Q("term", doc_type=STATUS_DOC_TYPE) & conditions[status]


class ProgramStatusFacet(Facet):
    """The status of calls for applications, computed from their dates when searching."""

    agg_type = "filters"

    def __init__(self, now: datetime):
        self.now = now
        super().__init__(filters={status: status_query(status, now) for status in STATUSES})

    def get_value_filter(self, filter_value):
        return status_query(filter_value, self.now)

    def get_values(self, data, filter_values):
        return [
            (status, data.buckets[status].doc_count, status in filter_values)
            for status in STATUSES
            if data.buckets[status].doc_count or status in filter_values
        ]


def _sort(query: SearchQuery) -> list:
    sort = query.effective_sort
    tie_break = [{"published_at": {"order": "desc"}}, {"object_id": {"order": "desc"}}]
    if sort == "relevance":
        return ["_score", *tie_break]
    if sort == "newest":
        return tie_break
    now = int(query.moment.timestamp() * 1000)
    # Deadlines still ahead (soonest first), then past deadlines (latest first), then documents without one.
    group = (
        "if (doc['closes_at'].size() == 0) { return 2; } "
        "return doc['closes_at'].value.toInstant().toEpochMilli() <= params.now ? 1 : 0;"
    )
    within = (
        "if (doc['closes_at'].size() == 0) { return 0; } long t = doc['closes_at'].value.toInstant().toEpochMilli(); "
        "return t > params.now ? t : -t;"
    )
    script = {"type": "number", "order": "asc"}
    return [
        {"_script": {**script, "script": {"lang": "painless", "source": group, "params": {"now": now}}}},
        {"_script": {**script, "script": {"lang": "painless", "source": within, "params": {"now": now}}}},
        *tie_break,
    ]


class HelixFacetedSearch(FacetedSearch):
    doc_types = [HelixDocument]
    fields = MATCH_FIELDS

    def __init__(self, query: SearchQuery, *, index: str, using=None):
        self.index = index
        self.using = using or "default"
        self.helix_query = query
        self.facets = {
            "type": TermsFacet(field="doc_type", size=FACET_SIZE),
            "sector": TermsFacet(field="sector", size=FACET_SIZE),
            "location": TermsFacet(field="location", size=FACET_SIZE),
            "stage": TermsFacet(field="stage", size=FACET_SIZE),
            "kind": TermsFacet(field="kind", size=FACET_SIZE),
            "status": ProgramStatusFacet(query.moment),
        }
        text = " ".join(query.terms) or None
        filters = {facet: list(values) for facet, values in query.filters.items()}
        super().__init__(text, filters=filters, sort=_sort(query))
        self._s = self._s[query.offset : query.offset + query.page_size].extra(track_total_hits=True)

    def aggregate(self, search):
        if self.helix_query.with_facets:
            super().aggregate(search)

    def search(self):
        search = super().search()
        # Only what everyone may see, in the reader's language; visibility is stored and filtered here.
        search = search.filter("term", is_public=True).filter("terms", language=["", self.helix_query.language])
        if self.helix_query.since:
            search = search.filter("range", published_at={"gte": self.helix_query.since.isoformat()})
        return search.source(excludes=["spelling", "suggest", "extra_text"])

    def query(self, search, query):
        # Every word must appear in some field (as in the database backend); exact spellings add to the score.
        folded = Q("multi_match", query=query, fields=MATCH_FIELDS, type="cross_fields", operator="and")
        exact_text = " ".join(self.helix_query.exact_terms) or query
        exact = Q("multi_match", query=exact_text, fields=EXACT_FIELDS, type="cross_fields")
        return search.query(Q("bool", must=[folded], should=[exact]))

    def highlight(self, search):
        search = search.highlight_options(
            pre_tags=[MARK_START], post_tags=[MARK_END], number_of_fragments=1, fragment_size=240, encoder="default"
        )
        return search.highlight("body", no_match_size=240)


def spelling_search(search, text: str):
    """Add a term suggester offering, for each word, the closest word of public documents."""
    return search.suggest(
        "spelling",
        text,
        term={"field": "spelling", "suggest_mode": "missing", "min_word_length": 3, "prefix_length": 0},
    )


def completion_search(search, text: str, *, language: str, limit: int):
    """Add a completion suggester for titles, forgiving a typo once the first letter is right."""
    return search.suggest(
        "titles",
        text,
        completion={
            "field": "suggest",
            "size": limit,
            "skip_duplicates": True,
            "fuzzy": {"fuzziness": "AUTO", "prefix_length": 1},
            "contexts": {"language": [language]},
        },
    )
