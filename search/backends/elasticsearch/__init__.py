"""The Elasticsearch search backend, built with elasticsearch.dsl (shipped inside the `elasticsearch` client)."""

from search.backends.elasticsearch.backend import SearchBackend

__all__ = ["SearchBackend"]
