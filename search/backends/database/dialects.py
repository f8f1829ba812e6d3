"""What differs between PostgreSQL and SQLite FTS5 in the database backend: matching, ranking, facets.

Every search term reaching this module is a folded word of letters and digits (`search.text`), so
quoting it cannot break out of the engine's query syntax; values still travel as parameters.
"""

import difflib

from django.core.exceptions import ImproperlyConfigured

# Terms shorter than this, or with digits, are never "corrected": syllables and codes are too easy to mangle.
MIN_CORRECTABLE_LENGTH = 3
# How alike a vocabulary word must be to a misspelt term to be offered instead (trigram similarity).
TRIGRAM_SIMILARITY = 0.4
DIFFLIB_SIMILARITY = 0.75


class Dialect:
    vendor: str
    # Trigram similarity of titles, for suggestions despite a typo (PostgreSQL's pg_trgm).
    supports_similarity = False
    # A statement that fails when the engine's objects are missing (migration 0001 not applied here).
    probe: str
    # Joined to search_entry e when the query has words.
    match_join = ""
    # The column holding a document's facet tokens.
    facets_column: str

    def __init__(self, connection):
        self.connection = connection

    def prepare(self, cursor, work_mem: str) -> None:
        """Tune the session for one search (inside the search's own transaction)."""

    def match(self, terms: list[str], exact_terms: list[str]) -> tuple[str, list]:
        """Return the WHERE condition matching documents with every term."""
        raise NotImplementedError

    def score(self, terms: list[str], exact_terms: list[str]) -> tuple[str, list]:
        """Return the relevance expression (higher is better) for documents the match found."""
        raise NotImplementedError

    def title_prefix(self, terms: list[str]) -> tuple[str, list, str, list]:
        """Return the join, condition and ranking that complete a title from its first words."""
        raise NotImplementedError

    def any_token(self, tokens: list[str]) -> tuple[str, list]:
        """Return the condition "the document carries at least one of these facet tokens"."""
        raise NotImplementedError

    def token_counts(
        self, kind: str, source: str, where: tuple[str, list], prefix: str | None = None
    ) -> tuple[str, list]:
        """Return a SELECT of (kind, token, count, NULL): how many `source` rows matching `where` carry each
        facet token (only tokens starting with `prefix`, if given). `kind` is one of this module's labels."""
        raise NotImplementedError

    def correct(self, cursor, term: str) -> str | None:
        """Return the vocabulary word closest to a term nobody wrote, if one is close enough."""
        raise NotImplementedError

    def datetime_param(self, value):
        return self.connection.ops.adapt_datetimefield_value(value)


class PostgresDialect(Dialect):
    vendor = "postgresql"
    probe = "SELECT search_vector, title_vector, facet_tokens FROM search_entry LIMIT 0"
    supports_similarity = True
    # The facets as a text array, generated from the JSON list by migration 0003.
    facets_column = "e.facet_tokens"

    @staticmethod
    def _tsquery(terms: list[str], *, operator: str = "&", suffix: str = "") -> str:
        return f" {operator} ".join(f"'{term}'{suffix}" for term in terms)

    def match(self, terms, exact_terms):
        return "e.search_vector @@ to_tsquery('helix_folded', %s)", [self._tsquery(terms)]

    def score(self, terms, exact_terms):
        # Ranked by the title's small vector: ranking by the whole text would read the vector of every
        # matching document (thousands for a common word), which costs more than all the rest of a search.
        # Equal titles fall back to the newest first.
        sql, params = "ts_rank(e.title_vector, to_tsquery('helix_folded', %s))", [self._tsquery(terms, operator="|")]
        if exact_terms:
            # Titles spelt exactly as typed (weight B holds the title with its diacritics) rank first.
            sql += " + ts_rank(e.title_vector, to_tsquery('simple', %s))"
            params.append(self._tsquery(exact_terms, operator="|", suffix=":B"))
        return sql, params

    def title_prefix(self, terms):
        # The last word is still being typed, so it matches as a prefix.
        query = " & ".join([*(f"'{term}'" for term in terms[:-1]), f"'{terms[-1]}':*"])
        condition = "e.title_vector @@ to_tsquery('helix_folded', %s)"
        return "", condition, [query], ("ts_rank(e.title_vector, to_tsquery('helix_folded', %s))", [query])

    def title_similar(self, text: str) -> tuple[str, list, tuple[str, list]]:
        """Return the condition and ranking for titles that contain something like `text` (typos)."""
        return "%s <%% e.title_folded", [text], ("word_similarity(%s, e.title_folded)", [text])

    def any_token(self, tokens):
        return "e.facet_tokens && %s::text[]", [list(tokens)]

    def token_counts(self, kind, source, where, prefix=None):
        # unnest() in the select list (a ProjectSet) is about twice as fast as a lateral join here.
        condition, params = where
        only = "WHERE x.token LIKE %s" if prefix else ""
        return (
            f"SELECT '{kind}', x.token, count(*), NULL FROM (SELECT unnest(e.facet_tokens) AS token FROM {source} e "
            f"WHERE {condition}) AS x {only} GROUP BY x.token",
            [*params, *([f"{prefix}%"] if prefix else [])],
        )

    def prepare(self, cursor, work_mem: str) -> None:
        # The matched rows of a common word fill more than the default 4 MB: keep them in memory.
        cursor.execute("SELECT set_config('work_mem', %s, true)", [work_mem])

    def correct(self, cursor, term):
        cursor.execute(
            "SELECT term FROM search_term WHERE term %% %s AND similarity(term, %s) >= %s "
            "ORDER BY similarity(term, %s) DESC, abs(length(term) - %s), term LIMIT 1",
            [term, term, TRIGRAM_SIMILARITY, term, len(term)],
        )
        row = cursor.fetchone()
        return row[0] if row else None


class SqliteDialect(Dialect):
    vendor = "sqlite"
    probe = "SELECT rowid FROM search_entry_fts LIMIT 0"
    facets_column = "e.facets"
    match_join = "JOIN search_entry_fts ON search_entry_fts.rowid = e.id"
    # bm25 column weights: folded title, folded text, title with diacritics.
    BM25 = "bm25(search_entry_fts, 10.0, 1.0, 5.0)"

    @staticmethod
    def _phrases(terms: list[str], *, prefix_last: bool = False) -> str:
        phrases = [f'"{term}"' for term in terms]
        if prefix_last:
            phrases[-1] += "*"
        return " AND ".join(phrases)

    def match(self, terms, exact_terms):
        expression = f"{{title_folded text_folded}} : ({self._phrases(terms)})"
        if exact_terms:
            # Whatever matches exactly also matches folded, so this OR adds no document, only ranking.
            expression = f"({expression}) OR ({{title_exact}} : ({self._phrases(exact_terms)}))"
        return "search_entry_fts MATCH %s", [expression]

    def score(self, terms, exact_terms):
        return f"-{self.BM25}", []

    def title_prefix(self, terms):
        expression = f"{{title_folded}} : ({self._phrases(terms, prefix_last=True)})"
        return self.match_join, "search_entry_fts MATCH %s", [expression], (f"-{self.BM25}", [])

    def any_token(self, tokens):
        placeholders = ", ".join(["%s"] * len(tokens))
        return f"EXISTS (SELECT 1 FROM json_each(e.facets) WHERE json_each.value IN ({placeholders}))", list(tokens)

    def token_counts(self, kind, source, where, prefix=None):
        condition, params = where
        only = "AND t.value LIKE %s" if prefix else ""
        return (
            f"SELECT '{kind}', t.value, count(*), NULL FROM {source} e, json_each(e.facets) AS t "
            f"WHERE {condition} {only} GROUP BY t.value",
            [*params, *([f"{prefix}%"] if prefix else [])],
        )

    def correct(self, cursor, term):
        # SQLite has no trigram similarity; the vocabulary of a development database is small enough for difflib.
        cursor.execute(
            "SELECT term FROM search_term WHERE length(term) BETWEEN %s AND %s LIMIT 50000",
            [len(term) - 2, len(term) + 2],
        )
        candidates = [row[0] for row in cursor.fetchall()]
        matches = difflib.get_close_matches(term, candidates, n=1, cutoff=DIFFLIB_SIMILARITY)
        return matches[0] if matches else None


def dialect_for(connection) -> Dialect:
    """Return the dialect of the connection's engine; other engines are refused, loudly."""
    if connection.vendor == "postgresql":
        return PostgresDialect(connection)
    if connection.vendor == "sqlite":
        return SqliteDialect(connection)
    raise ImproperlyConfigured(
        f"The database search backend supports PostgreSQL and SQLite, not {connection.vendor}; "
        "use SEARCH_BACKEND=elasticsearch."
    )
