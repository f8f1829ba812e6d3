"""The interface every search backend implements; the contract tests in tests/search hold them to it."""

from collections.abc import Callable, Iterable

from search.documents import SearchDocument
from search.query import SearchQuery, SearchResults, Suggestion, UnsupportedFeature

DocumentKey = tuple[str, int]
Progress = Callable[[int], None]


class SearchUnavailable(Exception):
    """The engine cannot be reached or failed: pages show a polite message, indexing retries later."""


class BaseSearchBackend:
    """A search engine behind Helix's one search interface.

    Backends receive validated `SearchQuery` objects and plain `SearchDocument` values; they never
    see requests or model instances. Engine failures are raised as `SearchUnavailable`; a request
    for something the engine cannot do raises `UnsupportedFeature` instead of being ignored.
    """

    name = "base"
    # Option keys a backend accepts in SEARCH_BACKENDS; any other key is a configuration mistake.
    options: frozenset[str] = frozenset()

    def __init__(self, alias: str = "default", **options):
        unknown = set(options) - set(self.options)
        if unknown:
            raise UnsupportedFeature(f"search backend {self.name!r} has no options {sorted(unknown)}")
        self.alias = alias

    # -- reading --------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        """Return one page of public documents matching the query, with facet counts and a suggestion."""
        raise NotImplementedError

    def suggest(self, *, text: str, language: str, limit: int = 8) -> list[Suggestion]:
        """Return titles of public documents that complete what has been typed so far."""
        raise NotImplementedError

    def check(self) -> dict:
        """Return the engine's state for /healthz; raise when it is unreachable."""
        raise NotImplementedError

    # -- writing --------------------------------------------------------------------------------

    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace the documents; return how many were written."""
        raise NotImplementedError

    def delete_documents(self, keys: Iterable[DocumentKey]) -> int:
        """Remove the documents with these keys (missing ones are ignored); return how many were asked."""
        raise NotImplementedError

    def rebuild(self, documents: Iterable[SearchDocument], *, progress: Progress | None = None) -> int:
        """Replace the whole index with `documents` without a moment of empty results; return the count."""
        raise NotImplementedError

    def clear(self) -> None:
        """Remove every document (tests and rebuilds)."""
        raise NotImplementedError
