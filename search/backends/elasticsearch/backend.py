"""The Elasticsearch backend: one alias readers and incremental writes use, rebuilt behind their backs.

A rebuild fills a new index "<alias>-<timestamp>", then moves the alias to it in one atomic
request and deletes the old index, so searches never see an empty or half-filled index.
"""

import logging
from collections.abc import Iterable

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.dsl import Search

from search.backends.base import BaseSearchBackend, DocumentKey, SearchUnavailable
from search.backends.elasticsearch.documents import document_id, index_definition, source_of
from search.backends.elasticsearch.faceted import HelixFacetedSearch, completion_search, spelling_search
from search.documents import SearchDocument
from search.highlight import from_markers, highlight
from search.query import FacetCount, Hit, SearchQuery, SearchResults, Suggestion, facet_counts
from search.text import query_terms

logger = logging.getLogger(__name__)

ENGINE_ERRORS = (TransportError, ApiError)
WRITE_ERRORS = (*ENGINE_ERRORS, helpers.BulkIndexError)
BULK_CHUNK = 1000


def _parse_date(value):
    return parse_datetime(value) if isinstance(value, str) else value


class SearchBackend(BaseSearchBackend):
    name = "elasticsearch"
    options = frozenset({"URLS", "INDEX", "TIMEOUT", "REFRESH"})

    def __init__(self, alias="default", **options):
        super().__init__(alias, **options)
        self.urls = options.get("URLS") or []
        if not self.urls:
            raise ImproperlyConfigured("The elasticsearch search backend needs URLS (ELASTICSEARCH_URL).")
        self.index = options.get("INDEX", "helix-search")
        self.timeout = options.get("TIMEOUT", 5.0)
        # Tests read what they just wrote; production lets the index refresh on its own schedule.
        self.refresh = bool(options.get("REFRESH", False))
        self._client = None

    @property
    def client(self) -> Elasticsearch:
        if self._client is None:
            self._client = Elasticsearch(self.urls, request_timeout=self.timeout, max_retries=1)
        return self._client

    def _unavailable(self, exc: Exception, action: str) -> SearchUnavailable:
        logger.warning("elasticsearch %s failed", action, extra={"error": repr(exc), "index": self.index})
        return SearchUnavailable(f"Elasticsearch {action} failed: {exc.__class__.__name__}")

    # -- reading --------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        try:
            results = self._search(query)
            if query.terms:
                self._suggest_spelling(query, results)
            return results
        except NotFoundError:
            return SearchResults(count=0, hits=[], facets={})  # nothing indexed yet
        except ENGINE_ERRORS as exc:
            raise self._unavailable(exc, "search") from exc

    def _search(self, query: SearchQuery) -> SearchResults:
        faceted = HelixFacetedSearch(query, index=self.index, using=self.client)
        response = faceted.execute()
        hits = []
        for hit in response:
            fragments = getattr(getattr(hit.meta, "highlight", None), "body", None)
            snippet = from_markers(fragments[0]) if fragments and query.terms else highlight(hit.body, [])
            hits.append(
                Hit(
                    doc_type=hit.doc_type,
                    object_id=hit.object_id,
                    title=hit.title,
                    url=hit.url,
                    snippet=snippet,
                    published_at=_parse_date(hit.published_at),
                    opens_at=_parse_date(getattr(hit, "opens_at", None)),
                    closes_at=_parse_date(getattr(hit, "closes_at", None)),
                    score=hit.meta.score,
                )
            )
        facets: dict[str, list[FacetCount]] = {}
        if query.with_facets:
            for facet, values in response.facets.to_dict().items():
                facets[facet] = facet_counts({value: count for value, count, _ in values}, query.active(facet))
        return SearchResults(count=response.hits.total.value, hits=hits, facets=facets)

    def _suggest_spelling(self, query: SearchQuery, results: SearchResults) -> None:
        search = spelling_search(Search(using=self.client, index=self.index).extra(size=0), " ".join(query.terms))
        corrected = []
        for entry in search.execute().suggest.spelling:
            corrected.append(entry.options[0].text if entry.options else entry.text)
        results.offer_correction(query, corrected, self._search)

    def suggest(self, *, text, language, limit=8):
        terms = query_terms(text)
        if not terms:
            return []
        search = completion_search(
            Search(using=self.client, index=self.index).extra(size=0), " ".join(terms), language=language, limit=limit
        )
        try:
            response = search.execute()
        except NotFoundError:
            return []
        except ENGINE_ERRORS as exc:
            raise self._unavailable(exc, "suggest") from exc
        options = response.suggest.titles[0].options if response.suggest.titles else []
        return [
            Suggestion(title=option._source.title, url=option._source.url, doc_type=option._source.doc_type)
            for option in options
        ][:limit]

    def check(self):
        health = self.client.options(request_timeout=2).cluster.health()
        try:
            documents = self.client.count(index=self.index)["count"]
        except NotFoundError:
            documents = 0
        return {
            "ok": health["status"] != "red",
            "engine": "elasticsearch",
            "status": health["status"],
            "documents": documents,
        }

    # -- writing --------------------------------------------------------------------------------

    def _new_index_name(self) -> str:
        return f"{self.index}-{timezone.now().strftime('%Y%m%d%H%M%S%f')}"

    def ensure_index(self) -> None:
        """Create an index behind the alias if there is none yet (a fresh cluster)."""
        if not self.client.indices.exists_alias(name=self.index):
            name = self._new_index_name()
            index_definition(name).create(using=self.client)
            self.client.indices.put_alias(index=name, name=self.index)

    def _actions(self, documents: Iterable[SearchDocument], index: str):
        for document in documents:
            yield {"_index": index, "_id": document_id(*document.key), "_source": source_of(document)}

    def index_documents(self, documents):
        documents = list(documents)
        try:
            self.ensure_index()
            count, _errors = helpers.bulk(
                self.client, self._actions(documents, self.index), chunk_size=BULK_CHUNK, refresh=self.refresh
            )
        except WRITE_ERRORS as exc:
            raise self._unavailable(exc, "indexing") from exc
        return count

    def delete_documents(self, keys: Iterable[DocumentKey]):
        actions = [{"_op_type": "delete", "_index": self.index, "_id": document_id(*key)} for key in keys]
        try:
            # A document that was never indexed is not an error: deleting is idempotent.
            helpers.bulk(self.client, actions, refresh=self.refresh, raise_on_error=False)
        except NotFoundError:
            pass
        except ENGINE_ERRORS as exc:
            raise self._unavailable(exc, "deleting") from exc
        return len(actions)

    def rebuild(self, documents, *, progress=None):
        name = self._new_index_name()
        try:
            index = index_definition(name)
            index.create(using=self.client)
            # No refreshes while loading; one at the end makes everything searchable at once.
            self.client.indices.put_settings(index=name, settings={"refresh_interval": "-1"})
            total = reported = 0
            actions = self._actions(documents, name)
            for ok, _item in helpers.streaming_bulk(self.client, actions, chunk_size=BULK_CHUNK):
                total += ok
                if progress and total - reported >= BULK_CHUNK:
                    progress(total - reported)
                    reported = total
            if progress and total > reported:
                progress(total - reported)
            self.client.indices.put_settings(index=name, settings={"refresh_interval": None})
            self.client.indices.refresh(index=name)
            self._switch_alias(name)
        except WRITE_ERRORS as exc:
            # The alias still points at the previous index: readers never noticed. Drop the half-filled one.
            try:
                self.client.options(ignore_status=404).indices.delete(index=name)
            except ENGINE_ERRORS:
                logger.warning("could not delete a half-built index", extra={"index": name})
            raise self._unavailable(exc, "rebuild") from exc
        return total

    def _switch_alias(self, name: str) -> None:
        previous = []
        if self.client.indices.exists_alias(name=self.index):
            previous = list(self.client.indices.get_alias(name=self.index))
        actions = [{"remove": {"index": old, "alias": self.index}} for old in previous]
        actions.append({"add": {"index": name, "alias": self.index}})
        self.client.indices.update_aliases(actions=actions)  # atomic: readers see the old index or the new
        for old in previous:
            self.client.options(ignore_status=404).indices.delete(index=old)
        logger.info("elasticsearch alias switched", extra={"alias": self.index, "index": name, "previous": previous})

    def clear(self):
        try:
            self.client.options(ignore_status=404).indices.delete(index=f"{self.index}-*")
        except ENGINE_ERRORS as exc:
            raise self._unavailable(exc, "clearing") from exc
