"""The database backend: the search table in Helix's own database, PostgreSQL or SQLite FTS5.

One statement per search on both engines: the words are matched once into a materialised CTE,
and the count, the page of hits and every facet's counts are computed from those rows. A facet's
counts ignore that facet's own filter, so choosing one value still shows how many documents the
others would give (values of one facet combine with OR, facets with AND).

The SQL is assembled from fixed fragments of this module and its dialects; every value, user
input or not, is a query parameter.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.db import DatabaseError, connections, transaction

from ecosystem.models.programs import CLOSING_SOON
from search.backends.base import BaseSearchBackend, DocumentKey, SearchUnavailable
from search.backends.database import writer
from search.backends.database.dialects import MIN_CORRECTABLE_LENGTH, dialect_for
from search.backends.database.swap import rebuild_by_swap
from search.highlight import highlight
from search.models import SearchEntry, SearchTerm
from search.query import (
    STATUS_DOC_TYPE,
    Hit,
    SearchQuery,
    SearchResults,
    Suggestion,
    facet_counts,
)
from search.text import query_terms

logger = logging.getLogger(__name__)

TOKEN_FACETS = ("type", "sector", "location", "stage", "kind")


class Conditions:
    """The parts of a WHERE clause, each remembered with the facet it filters (if any)."""

    def __init__(self):
        self.parts: list[tuple[str | None, str, list]] = []

    def add(self, sql: str, params: list, facet: str | None = None):
        self.parts.append((facet, sql, params))

    def where(self, *, without: str | None = None) -> tuple[str, list]:
        chosen = [(sql, params) for facet, sql, params in self.parts if facet is None or facet != without]
        where = " AND ".join(f"({sql})" for sql, _ in chosen) or "1 = 1"
        return where, [p for _, params in chosen for p in params]


class SearchBackend(BaseSearchBackend):
    name = "database"
    options = frozenset({"DATABASE", "WORK_MEM"})

    def __init__(self, alias="default", **options):
        super().__init__(alias, **options)
        self.database = options.get("DATABASE", "default")
        # PostgreSQL's memory for one search's matched rows and sorts (set for that search only).
        self.work_mem = options.get("WORK_MEM", "32MB")

    @property
    def connection(self):
        return connections[self.database]

    @property
    def dialect(self):
        return dialect_for(self.connection)

    # -- reading --------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        try:
            # A savepoint: a failed search must not abort the request's transaction.
            with transaction.atomic(using=self.database), self.connection.cursor() as cursor:
                results = self._search(cursor, query)
                if query.terms:
                    self._suggest_spelling(cursor, query, results)
                return results
        except DatabaseError as exc:
            logger.warning("database search failed", extra={"error": str(exc), "query": query.text[:100]})
            raise SearchUnavailable(str(exc)) from exc

    def _status_case(self, now: datetime) -> tuple[str, list]:
        param = self.dialect.datetime_param
        return (
            "CASE WHEN e.opens_at IS NOT NULL AND e.opens_at > %s THEN 'forthcoming' "
            "WHEN e.closes_at IS NULL THEN 'open' WHEN e.closes_at <= %s THEN 'closed' "
            "WHEN e.closes_at <= %s THEN 'closing_soon' ELSE 'open' END",
            [param(now), param(now), param(now + CLOSING_SOON)],
        )

    def _base(self, query: SearchQuery) -> tuple[str, list]:
        """Return the WHERE clause of the documents the words match (before any facet filter)."""
        dialect = self.dialect
        conditions = Conditions()
        conditions.add("e.is_public = %s AND e.language IN ('', %s)", [True, query.language])
        if query.since:
            conditions.add("e.published_at >= %s", [dialect.datetime_param(query.since)])
        if query.terms:
            conditions.add(*dialect.match(query.terms, query.exact_terms))
        return conditions.where()

    def _filters(self, query: SearchQuery) -> Conditions:
        """Return the facet filters, each tagged with its facet (applied to the matched documents)."""
        filters = Conditions()
        for facet in TOKEN_FACETS:
            if values := query.active(facet):
                filters.add(*self.dialect.any_token([f"{facet}:{value}" for value in values]), facet=facet)
        if statuses := query.active("status"):
            case, params = self._status_case(query.moment)
            placeholders = ", ".join(["%s"] * len(statuses))
            filters.add(
                f"e.doc_type = %s AND {case} IN ({placeholders})",
                [STATUS_DOC_TYPE, *params, *statuses],
                facet="status",
            )
        return filters

    def _order(self, query: SearchQuery) -> tuple[str, list]:
        sort = query.effective_sort
        if sort == "relevance":
            return "e.score DESC, e.published_at DESC, e.id DESC", []
        if sort == "closing":
            # Deadlines still ahead, soonest first; then past deadlines, latest first; then the rest.
            now = self.dialect.datetime_param(query.moment)
            group = "CASE WHEN e.closes_at IS NULL THEN 2 WHEN e.closes_at <= %s THEN 1 ELSE 0 END"
            return (
                f"{group}, CASE WHEN e.closes_at > %s THEN e.closes_at END ASC, "
                "CASE WHEN e.closes_at <= %s THEN e.closes_at END DESC, e.published_at DESC, e.id DESC",
                [now, now, now],
            )
        return "e.published_at DESC, e.id DESC", []

    def _statement(self, query: SearchQuery) -> tuple[str, list]:
        """Return one statement answering the whole search, as rows (kind, token, number, id).

        The words are matched once, into a materialised CTE; the count, the page of hits and every
        facet's counts are then computed from those rows. Kinds: "count"; "hit" (number = position);
        "token" (counts of facets without a filter of their own); "facet" (a filtered facet's counts,
        ignoring its own filter); "status" (program statuses at the query's moment).
        """
        dialect = self.dialect
        base, params = self._base(query)
        score, score_params = (
            dialect.score(query.terms, query.exact_terms) if query.effective_sort == "relevance" else ("0", [])
        )
        join = dialect.match_join if query.terms else ""
        facets = dialect.facets_column
        ctes = [
            f"matched AS MATERIALIZED (SELECT e.id, e.doc_type, {facets}, e.opens_at, e.closes_at, e.published_at, "
            f"{score} AS score FROM search_entry e {join} WHERE {base})"
        ]
        params = [*score_params, *params]
        filters = self._filters(query)
        if filters.parts:
            # Filtered once; only a filtered facet's own counts go back to all the matched rows.
            where, where_params = filters.where()
            ctes.append(f"filtered AS MATERIALIZED (SELECT * FROM matched e WHERE {where})")
            params += where_params
        source = "filtered" if filters.parts else "matched"
        order, order_params = self._order(query)
        members = [
            (f"SELECT 'count', CAST(NULL AS TEXT), count(*), CAST(NULL AS BIGINT) FROM {source}", []),
            (f"SELECT * FROM (SELECT 'hit', CAST(NULL AS TEXT), row_number() OVER (ORDER BY {order}), e.id "
             f"FROM {source} e ORDER BY {order} LIMIT %s OFFSET %s) AS hits",
             [*order_params, *order_params, query.page_size, query.offset]),
        ]  # fmt: skip
        if query.with_facets:
            members.append(dialect.token_counts("token", source, ("1 = 1", [])))
            for facet in TOKEN_FACETS:
                if query.active(facet):
                    others = filters.where(without=facet)
                    members.append(dialect.token_counts("facet", "matched", others, prefix=f"{facet}:"))
            case, case_params = self._status_case(query.moment)
            others, others_params = filters.where(without="status")
            status_source = "matched" if query.active("status") else source
            members.append(
                (f"SELECT 'status', {case}, count(*), NULL FROM {status_source} e "
                 f"WHERE {others if query.active('status') else '1 = 1'} AND e.doc_type = %s GROUP BY 2",
                 [*case_params, *(others_params if query.active("status") else []), STATUS_DOC_TYPE])
            )  # fmt: skip
        sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(member for member, _ in members)
        return sql, [*params, *(p for _, member_params in members for p in member_params)]

    def _search(self, cursor, query: SearchQuery) -> SearchResults:
        self.dialect.prepare(cursor, self.work_mem)
        cursor.execute(*self._statement(query))
        count, positions = 0, []
        counts: dict[str, dict[str, int]] = {facet: {} for facet in (*TOKEN_FACETS, "status")}
        for kind, token, number, entry_id in cursor.fetchall():
            if kind == "count":
                count = number
            elif kind == "hit":
                positions.append((number, entry_id))
            elif kind == "status":
                counts["status"][token] = number
            else:
                facet, _, value = token.partition(":")
                # "token" rows count every facet; a filtered facet takes its counts from its own "facet" rows.
                if facet in counts and (kind == "facet") == bool(query.active(facet)):
                    counts[facet][value] = number
        hits = self._hits([entry_id for _position, entry_id in sorted(positions)], query)
        facets = {facet: facet_counts(values, query.active(facet)) for facet, values in counts.items()}
        return SearchResults(count=count, hits=hits, facets=facets if query.with_facets else {})

    def _hits(self, ids: list[int], query: SearchQuery) -> list[Hit]:
        entries = SearchEntry.objects.using(self.database).in_bulk(ids)
        return [
            Hit(
                doc_type=entry.doc_type,
                object_id=entry.object_id,
                title=entry.title,
                url=entry.url,
                snippet=highlight(entry.body, query.terms),
                published_at=entry.published_at,
                opens_at=entry.opens_at,
                closes_at=entry.closes_at,
            )
            for entry in (entries[pk] for pk in ids)
        ]

    def _suggest_spelling(self, cursor, query: SearchQuery, results: SearchResults) -> None:
        terms = query.terms
        candidates = [t for t in terms if len(t) >= MIN_CORRECTABLE_LENGTH and t.isalpha()]
        if not candidates:
            return
        cursor.execute(
            f"SELECT term FROM search_term WHERE term IN ({', '.join(['%s'] * len(candidates))})",
            candidates,
        )
        known = {row[0] for row in cursor.fetchall()}
        corrected = []
        for term in terms:
            unknown = term in candidates and term not in known
            corrected.append((self.dialect.correct(cursor, term) if unknown else None) or term)
        results.offer_correction(query, corrected, lambda alternative: self._search(cursor, alternative))

    def suggest(self, *, text, language, limit=8):
        terms = query_terms(text)
        if not terms:
            return []
        try:
            with transaction.atomic(using=self.database), self.connection.cursor() as cursor:
                found = self._complete(cursor, terms, language, limit)
                if len(found) < limit and self.dialect.supports_similarity:
                    found += self._similar_titles(cursor, " ".join(terms), language, limit, found)
        except DatabaseError as exc:
            raise SearchUnavailable(str(exc)) from exc
        return [Suggestion(title=title, url=url, doc_type=doc_type) for _id, title, url, doc_type in found[:limit]]

    def _complete(self, cursor, terms, language, limit):
        join, condition, params, (rank, rank_params) = self.dialect.title_prefix(terms)
        cursor.execute(
            f"SELECT e.id, e.title, e.url, e.doc_type FROM search_entry e {join} "
            f"WHERE e.is_public = %s AND e.language IN ('', %s) AND {condition} "
            f"ORDER BY {rank} DESC, length(e.title), e.id LIMIT %s",
            [True, language, *params, *rank_params, limit],
        )
        return cursor.fetchall()

    def _similar_titles(self, cursor, text, language, limit, found):
        condition, params, (rank, rank_params) = self.dialect.title_similar(text)
        seen = [row[0] for row in found] or [0]
        cursor.execute(
            f"SELECT e.id, e.title, e.url, e.doc_type FROM search_entry e "
            f"WHERE e.is_public = %s AND e.language IN ('', %s) AND {condition} "
            f"AND e.id NOT IN ({', '.join(['%s'] * len(seen))}) ORDER BY {rank} DESC, e.id LIMIT %s",
            [True, language, *params, *seen, *rank_params, limit - len(found)],
        )
        return cursor.fetchall()

    def check(self):
        with self.connection.cursor() as cursor:
            # Proves the engine's own objects exist (the tsvector column, the FTS5 table), not just the table.
            cursor.execute(self.dialect.probe)
            cursor.execute("SELECT count(*) FROM search_entry")
            documents = cursor.fetchone()[0]
        return {"ok": True, "engine": self.connection.vendor, "documents": documents}

    # -- writing --------------------------------------------------------------------------------

    def index_documents(self, documents):
        with transaction.atomic(using=self.database):
            count, words = writer.upsert_entries(self.database, documents)
            writer.add_words(self.database, words)
        return count

    def delete_documents(self, keys: Iterable[DocumentKey]):
        with transaction.atomic(using=self.database):
            return writer.delete_entries(self.database, keys)

    def rebuild(self, documents, *, progress=None):
        # One transaction: readers keep seeing the old index until the new one is committed
        # (PostgreSQL: a twin table swapped in, see swap.py; SQLite, for development: rows replaced).
        with transaction.atomic(using=self.database):
            if self.connection.vendor == "postgresql":
                count, words = rebuild_by_swap(self.connection, documents, progress=progress)
                SearchTerm.objects.using(self.database).all().delete()
            else:
                self.clear()
                count, words = writer.insert_entries(self.database, documents, progress=progress)
            writer.add_words(self.database, words)
        return count

    def clear(self):
        # Plain DELETEs (not TRUNCATE, which would lock readers out until the rebuild commits).
        with transaction.atomic(using=self.database), self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {SearchEntry._meta.db_table}")
            cursor.execute(f"DELETE FROM {SearchTerm._meta.db_table}")
