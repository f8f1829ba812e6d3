"""Rebuild PostgreSQL's search table beside the live one, then swap them in a moment.

Deleting and re-inserting every row in place would leave the table twice its size (the old rows'
space) and update every index row by row. Instead the new rows are copied into a bare twin table,
its indexes and constraints are built once over all of them (as the live table has them, names
included, so migrations still find them), and a short transaction swaps the two tables. Searches
keep reading the old table until the swap commits; they wait at most a moment for its lock.
"""

import re

from search.backends.database.writer import TABLE, copy_entries

TWIN = f"{TABLE}_rebuild"
SUFFIX = "__rebuild"
LOCK_TIMEOUT = "10s"
_INDEX = re.compile(r"^CREATE (?P<unique>UNIQUE )?INDEX (?P<name>\S+) ON (?P<table>\S+) (?P<rest>USING .+)$")


def _indexes(cursor) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s",
        [TABLE],
    )
    return cursor.fetchall()


def _constraints(cursor) -> dict[str, str]:
    """Return {index name: "PRIMARY KEY" or "UNIQUE"} of the constraints backed by an index."""
    cursor.execute(
        "SELECT conindid::regclass::text, contype FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype IN ('p', 'u')",
        [TABLE],
    )
    return {index: "PRIMARY KEY" if kind == "p" else "UNIQUE" for index, kind in cursor.fetchall()}


def rebuild_by_swap(connection, documents, *, progress=None) -> tuple[int, set[str]]:
    """Fill a twin of the search table with `documents` and swap it in; return the count and vocabulary.

    Runs inside the caller's transaction: nothing changes for readers until it commits.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TWIN}")
        cursor.execute(
            f"CREATE TABLE {TWIN} (LIKE {TABLE} INCLUDING DEFAULTS INCLUDING GENERATED "
            "INCLUDING IDENTITY INCLUDING STORAGE)"
        )
        cursor.execute("SELECT reloptions FROM pg_class WHERE oid = %s::regclass", [TABLE])
        if options := cursor.fetchone()[0]:
            cursor.execute(f"ALTER TABLE {TWIN} SET ({', '.join(options)})")
    count, words = copy_entries(connection, documents, table=TWIN, progress=progress)
    with connection.cursor() as cursor:
        indexes, constraints = _indexes(cursor), _constraints(cursor)
        for name, definition in indexes:
            parts = _INDEX.match(definition)
            unique = parts["unique"] or ""
            cursor.execute(f"CREATE {unique}INDEX {name}{SUFFIX} ON {TWIN} {parts['rest']}")
            if name in constraints:
                cursor.execute(
                    f"ALTER TABLE {TWIN} ADD CONSTRAINT {name}{SUFFIX} {constraints[name]} USING INDEX {name}{SUFFIX}"
                )
        cursor.execute(f"ANALYZE {TWIN}")
        # The swap: readers wait for it (briefly) rather than the rebuild waiting forever for them.
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [LOCK_TIMEOUT])
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [TABLE])
        sequence = cursor.fetchone()[0]
        cursor.execute(f"DROP TABLE {TABLE}")
        cursor.execute(f"ALTER TABLE {TWIN} RENAME TO {TABLE}")
        for name, _definition in indexes:
            if name in constraints:
                cursor.execute(f"ALTER TABLE {TABLE} RENAME CONSTRAINT {name}{SUFFIX} TO {name}")
            else:
                cursor.execute(f"ALTER INDEX {name}{SUFFIX} RENAME TO {name}")
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [TABLE])
        if sequence and (twin_sequence := cursor.fetchone()[0]) != sequence:
            cursor.execute(f"ALTER SEQUENCE {twin_sequence} RENAME TO {sequence.split('.')[-1]}")
        cursor.execute("SELECT set_config('lock_timeout', '0', true)")
    return count, words
