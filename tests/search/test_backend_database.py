"""The database backend keeps the contract on PostgreSQL and on SQLite FTS5 (`make run`)."""

import pytest
from django.db import IntegrityError, connection, transaction

from search.backends.database import SearchBackend
from search.query import SearchQuery
from tests.search.conftest import SQLITE_ALIAS
from tests.search.contract import BackendContract


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL is the production database")
class TestPostgresBackend(BackendContract):
    @pytest.fixture
    def backend(self, db):
        backend = SearchBackend("default")
        backend.clear()
        return backend


@pytest.mark.django_db(databases=["default", SQLITE_ALIAS])
class TestSqliteBackend(BackendContract):
    @pytest.fixture
    def backend(self, sqlite_search_database):
        backend = SearchBackend("sqlite", DATABASE=sqlite_search_database)
        backend.clear()
        return backend


def _schema_of_search_table() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_entry'")
        indexes = dict(cursor.fetchall())
        cursor.execute(
            "SELECT conname, contype FROM pg_constraint WHERE conrelid = 'search_entry'::regclass ORDER BY conname"
        )
        constraints = cursor.fetchall()
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'search_entry'")
        options = cursor.fetchone()[0]
        cursor.execute(
            "SELECT attname, attstorage, attgenerated FROM pg_attribute "
            "WHERE attrelid = 'search_entry'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attname"
        )
        columns = cursor.fetchall()
        cursor.execute("SELECT to_regclass('search_entry_rebuild')")
        twin = cursor.fetchone()[0]
    return {"indexes": indexes, "constraints": constraints, "options": options, "columns": columns, "twin": twin}


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the table swap is PostgreSQL's")
def test_a_rebuild_swaps_in_a_table_identical_to_the_old_one():
    from tests.search.contract import document

    backend = SearchBackend("default")
    before = _schema_of_search_table()
    assert "search_entry_unique_document" in before["indexes"] and before["twin"] is None
    backend.index_documents([document(object_id=1, title="Cũ")])
    backend.rebuild(iter([document(object_id=2, title="Mới"), document(object_id=3, title="Mới nữa")]))
    assert _schema_of_search_table() == before  # same index names and definitions, constraints, storage
    # The constraint Django's migrations know is still there and still holds.
    with pytest.raises(IntegrityError), transaction.atomic():
        backend.rebuild(iter([document(object_id=4, title="A"), document(object_id=4, title="B")]))
    assert [hit.title for hit in backend.search(SearchQuery(text="moi")).hits] == ["Mới nữa", "Mới"]
