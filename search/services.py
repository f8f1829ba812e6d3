"""Writes to the search index: index changes, sweep up what was missed, rebuild everything.

The index is derived data. Every write records the version of each document in the ledger
(`IndexRecord`), so the sweeper can compare it with the facts and repair whatever a lost task,
a broker outage or an engine outage left behind.
"""

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.models import User
from search.backends import BaseSearchBackend, get_search_backend
from search.documents import SOURCES, DocumentSource, SearchDocument, source_for
from search.models import IndexRecord, SavedSearch

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


@dataclass
class IndexOutcome:
    indexed: int = 0
    deleted: int = 0

    def __iadd__(self, other: "IndexOutcome") -> "IndexOutcome":
        self.indexed += other.indexed
        self.deleted += other.deleted
        return self

    def as_dict(self) -> dict[str, int]:
        return {"indexed": self.indexed, "deleted": self.deleted}


def ledger_key(backend: BaseSearchBackend) -> str:
    # Switching engines changes the key, so the sweeper refills the new engine by itself.
    return f"{backend.alias}/{backend.name}"


def chunks(ids: Iterable[int], size: int = BATCH_SIZE) -> Iterator[list[int]]:
    ids = sorted(set(ids))
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _record(backend: BaseSearchBackend, documents: list[SearchDocument]) -> None:
    IndexRecord.objects.bulk_create(
        [
            IndexRecord(backend=ledger_key(backend), doc_type=d.doc_type, object_id=d.object_id, version=d.version)
            for d in documents
        ],
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["backend", "doc_type", "object_id"],
        update_fields=["version", "indexed_at"],
    )


def _forget(backend: BaseSearchBackend, doc_type: str, ids: list[int]) -> None:
    IndexRecord.objects.filter(backend=ledger_key(backend), doc_type=doc_type, object_id__in=ids).delete()


# -- Indexing by id ------------------------------------------------------------------------------


def search_documents_index(
    *, doc_type: str, ids: Iterable[int], backend: BaseSearchBackend | None = None
) -> IndexOutcome:
    """Index the documents of these rows and delete those of rows that no longer have one; return the counts."""
    backend = backend or get_search_backend()
    source = source_for(doc_type)
    outcome = IndexOutcome()
    for chunk in chunks(ids):
        documents = list(source.documents(chunk))
        gone = sorted(set(chunk) - {document.object_id for document in documents})
        if documents:
            backend.index_documents(documents)
            _record(backend, documents)
        if gone:
            backend.delete_documents((doc_type, object_id) for object_id in gone)
            _forget(backend, doc_type, gone)
        outcome += IndexOutcome(indexed=len(documents), deleted=len(gone))
    return outcome


def search_changes_index(*, changes: dict[str, list[int]], backend: BaseSearchBackend | None = None) -> IndexOutcome:
    """Re-index every document that the changed rows ("app.model" → ids) affect; return the counts."""
    backend = backend or get_search_backend()
    outcome = IndexOutcome()
    for doc_type, source in SOURCES.items():
        if ids := source.affected_ids(changes):
            outcome += search_documents_index(doc_type=doc_type, ids=ids, backend=backend)
    logger.info("search documents indexed", extra={"changes": sorted(changes), **outcome.as_dict()})
    return outcome


# -- Sweeping and rebuilding ---------------------------------------------------------------------


def _stale_ids(source: DocumentSource, key: str, changed_since: datetime | None = None) -> list[int]:
    current = IndexRecord.objects.filter(
        backend=key, doc_type=source.doc_type, object_id=OuterRef("pk"), version__gte=OuterRef("search_version")
    )
    rows = source.queryset().prefetch_related(None).order_by().annotate(search_version=source.version())
    if changed_since is not None:
        rows = rows.filter(search_version__gte=changed_since)
    return list(rows.filter(~Exists(current)).values_list("pk", flat=True))


def _orphan_ids(source: DocumentSource, key: str) -> list[int]:
    existing = source.queryset().prefetch_related(None).order_by().values("pk")
    records = IndexRecord.objects.filter(backend=key, doc_type=source.doc_type).exclude(object_id__in=existing)
    return list(records.values_list("object_id", flat=True))


def search_index_sweep(
    *, backend: BaseSearchBackend | None = None, changed_since: datetime | None = None
) -> IndexOutcome:
    """Index what changed since it was last indexed and delete what is gone; return the counts.

    With `changed_since`, only rows changed from then on are compared with the ledger (the catch-up
    after a rebuild); deleted rows are always looked for.
    """
    backend = backend or get_search_backend()
    key = ledger_key(backend)
    outcome = IndexOutcome()
    for doc_type, source in SOURCES.items():
        # Ids that are stale or orphaned both go through indexing by id, which sorts out which is which.
        ids = {*_stale_ids(source, key, changed_since), *_orphan_ids(source, key)}
        if ids:
            outcome += search_documents_index(doc_type=doc_type, ids=ids, backend=backend)
    if outcome.indexed or outcome.deleted:
        logger.info("search sweep repaired the index", extra=outcome.as_dict())
    return outcome


def search_document_count() -> int:
    """Return how many rows have a document (public or not): the length of a rebuild."""
    return sum(source.queryset().prefetch_related(None).order_by().count() for source in SOURCES.values())


def search_index_rebuild(
    *, backend: BaseSearchBackend | None = None, progress: Callable[[int], None] | None = None
) -> int:
    """Rebuild the whole index from the facts without downtime, then catch up; return the documents indexed."""
    backend = backend or get_search_backend()
    started = timezone.now()
    versions: list[tuple[str, int, datetime]] = []

    def documents() -> Iterator[SearchDocument]:
        for source in SOURCES.values():
            for document in source.documents():
                versions.append((document.doc_type, document.object_id, document.version))
                yield document

    count = backend.rebuild(documents(), progress=progress)
    key = ledger_key(backend)
    with transaction.atomic():
        IndexRecord.objects.filter(backend=key).delete()
        IndexRecord.objects.bulk_create(
            (IndexRecord(backend=key, doc_type=t, object_id=i, version=v, indexed_at=started) for t, i, v in versions),
            batch_size=5000,
        )
    if connection.vendor == "postgresql":
        # Fresh statistics, so the sweeper's comparison of 100,000 rows is planned as a hash join.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {IndexRecord._meta.db_table}")
    # Whatever changed while the rebuild ran was read before the change: the catch-up indexes it again.
    search_index_sweep(backend=backend, changed_since=started)
    logger.info("search index rebuilt", extra={"documents": count, "backend": key})
    return count


# -- Saved searches ------------------------------------------------------------------------------


def saved_search_save(*, user: User, name: str, query_string: str, alert: bool = False) -> SavedSearch:
    """Save a search for the person (saving the same search again renames it); return it."""
    saved_search, _created = SavedSearch.objects.update_or_create(
        user=user, query_string=query_string, defaults={"name": name.strip()[:120], "alert": alert}
    )
    return saved_search


def saved_search_set_alert(*, saved_search: SavedSearch, alert: bool) -> SavedSearch:
    """Turn alerts to new results on or off; return the saved search."""
    saved_search.alert = alert
    saved_search.save(update_fields=["alert"])
    return saved_search


def saved_search_delete(*, saved_search: SavedSearch) -> None:
    saved_search.delete()


def saved_search_mark_alerted(*, saved_search: SavedSearch, at: datetime | None = None) -> None:
    """Record that the person was alerted up to `at` (the digest calls this after sending)."""
    saved_search.last_alerted_at = at or timezone.now()
    saved_search.save(update_fields=["last_alerted_at"])
