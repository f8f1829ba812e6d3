"""The database search backend: PostgreSQL full-text search, or SQLite FTS5 when the database is SQLite."""

from search.backends.database.backend import SearchBackend

__all__ = ["SearchBackend"]
