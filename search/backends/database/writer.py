"""Writing the database backend's search table: upserts for changes, COPY for rebuilds, the vocabulary."""

import json
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.utils import timezone

from search.backends.base import DocumentKey
from search.backends.database.dialects import MIN_CORRECTABLE_LENGTH
from search.documents import SearchDocument
from search.models import SearchEntry, SearchTerm

TABLE = SearchEntry._meta.db_table
BATCH_SIZE = 1000
COPY_BATCH_SIZE = 5000
ENTRY_FIELDS = [field.name for field in SearchEntry._meta.concrete_fields if field.name != "id"]
MAX_WORD_LENGTH = 40


def vocabulary(document: SearchDocument) -> set[str]:
    """Return the words of a public document worth offering as spelling corrections."""
    if not document.is_public:
        return set()
    text = f"{document.title_folded} {document.text_folded}"
    return {
        word for word in set(text.split()) if MIN_CORRECTABLE_LENGTH <= len(word) <= MAX_WORD_LENGTH and word.isalpha()
    }


def entry_values(document: SearchDocument) -> dict:
    """Return the search table's columns for a document (facets as "facet:value" tokens, its type first)."""
    tokens = [f"type:{document.doc_type}"]
    tokens += [f"{name}:{value}" for name, values in document.facets.items() for value in values]
    return {
        "doc_type": document.doc_type,
        "object_id": document.object_id,
        "title": document.title,
        "url": document.url,
        "body": document.snippet_text,
        "title_folded": document.title_folded[:400],
        "title_exact": document.title_exact[:400],
        "text_folded": document.text_folded,
        "facets": tokens,
        "language": document.language,
        "is_public": document.is_public,
        "opens_at": document.opens_at,
        "closes_at": document.closes_at,
        "published_at": document.published_at,
    }


def upsert_entries(database: str, documents: Iterable[SearchDocument]) -> tuple[int, set[str]]:
    """Add or replace the documents' rows; return how many, and their vocabulary."""
    entries, words = [], set()
    for document in documents:
        entries.append(SearchEntry(**entry_values(document)))
        words |= vocabulary(document)
    SearchEntry.objects.using(database).bulk_create(
        entries,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["doc_type", "object_id"],
        update_fields=ENTRY_FIELDS,
    )
    return len(entries), words


def insert_entries(database: str, documents: Iterable[SearchDocument], *, progress=None) -> tuple[int, set[str]]:
    """Insert the documents into an empty table in batches; return how many, and their vocabulary."""
    total, words, batch = 0, set(), []
    for document in [*documents, None]:
        if document is not None:
            batch.append(document)
        if batch and (document is None or len(batch) >= BATCH_SIZE):
            count, batch_words = upsert_entries(database, batch)
            total, words = total + count, words | batch_words
            batch = []
            if progress:
                progress(count)
    return total, words


def copy_entries(
    connection,
    documents: Iterable[SearchDocument],
    *,
    table: str = TABLE,
    progress: Callable[[int], None] | None = None,
):
    """Load the documents into an empty table with PostgreSQL's COPY; return how many, and their vocabulary.

    COPY skips building an INSERT statement per row: a rebuild of 100,000 documents spends its
    time on the documents and the indexes, not on SQL. Documents are read from the same
    connection, which cannot run a query while a COPY is open, so each batch is copied whole.
    """
    columns = [*ENTRY_FIELDS]
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    now = timezone.now()
    total, words, rows = 0, set(), []

    def flush():
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
        if progress:
            progress(len(rows))
        rows.clear()

    for document in documents:
        values = entry_values(document) | {"indexed_at": now}
        values["facets"] = json.dumps(values["facets"])
        rows.append([values[column] for column in columns])
        words |= vocabulary(document)
        total += 1
        if len(rows) >= COPY_BATCH_SIZE:
            flush()
    if rows:
        flush()
    return total, words


def delete_entries(database: str, keys: Iterable[DocumentKey]) -> int:
    by_type = defaultdict(list)
    for doc_type, object_id in keys:
        by_type[doc_type].append(object_id)
    for doc_type, ids in by_type.items():
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            SearchEntry.objects.using(database).filter(doc_type=doc_type, object_id__in=chunk).delete()
    return sum(len(ids) for ids in by_type.values())


def add_words(database: str, words: set[str]) -> None:
    SearchTerm.objects.using(database).bulk_create(
        [SearchTerm(term=word) for word in sorted(words)], batch_size=BATCH_SIZE, ignore_conflicts=True
    )
