"""The engine-specific parts of the database backend's schema, created by migration 0001.

They are kept out of the model state on purpose: a tsvector column or an FTS5 table means
nothing to the other engine. The migration and the tests both call `create_engine_objects`.
"""

# Folded words are matched with `unaccent` on top of Python's folding: unaccent also maps letters
# Unicode does not decompose (ø, ł, æ, ß), so foreign names fold the same way on both sides.
POSTGRES_CREATE = [
    "CREATE TEXT SEARCH CONFIGURATION helix_folded (COPY = pg_catalog.simple)",
    "ALTER TEXT SEARCH CONFIGURATION helix_folded ALTER MAPPING "
    "FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple",
    # Weights: A = folded title, B = title with its diacritics (ranks exact spellings first), C = the rest.
    """ALTER TABLE search_entry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('helix_folded'::regconfig, title_folded), 'A')
        || setweight(to_tsvector('simple'::regconfig, title_exact), 'B')
        || setweight(to_tsvector('helix_folded'::regconfig, text_folded), 'C')
    ) STORED""",
    "CREATE INDEX search_entry_vector ON search_entry USING gin (search_vector)",
    "CREATE INDEX search_entry_facets ON search_entry USING gin (facets)",
    "CREATE INDEX search_entry_title_trigram ON search_entry USING gin (title_folded gin_trgm_ops)",
    "CREATE INDEX search_term_trigram ON search_term USING gin (term gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_term_trigram",
    "DROP INDEX IF EXISTS search_entry_title_trigram",
    "DROP INDEX IF EXISTS search_entry_facets",
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS helix_folded",
]

# An external-content FTS5 table over search_entry: the text lives once, triggers keep the index in step.
# The words are folded already, so the tokenizer only splits on spaces and keeps diacritics of title_exact.
SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE search_entry_fts USING fts5(
        title_folded, text_folded, title_exact,
        content='search_entry', content_rowid='id', tokenize="unicode61 remove_diacritics 0"
    )""",
    """CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_entry BEGIN
        INSERT INTO search_entry_fts(rowid, title_folded, text_folded, title_exact)
        VALUES (new.id, new.title_folded, new.text_folded, new.title_exact);
    END""",
    """CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_entry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title_folded, text_folded, title_exact)
        VALUES ('delete', old.id, old.title_folded, old.text_folded, old.title_exact);
    END""",
    """CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_entry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title_folded, text_folded, title_exact)
        VALUES ('delete', old.id, old.title_folded, old.text_folded, old.title_exact);
        INSERT INTO search_entry_fts(rowid, title_folded, text_folded, title_exact)
        VALUES (new.id, new.title_folded, new.text_folded, new.title_exact);
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TABLE IF EXISTS search_entry_fts",
]

# Migration 0003: a slim heap. A search visits every row its words match (tens of thousands for a
# common word), so those rows must be small: the long values (text, snippet body, full vector) are
# stored out of line; the title's vector (for ranking) and the facet tokens (as a text array, to
# count and filter) stay in the row, uncompressed.
POSTGRES_SLIM_CREATE = [
    "ALTER TABLE search_entry SET (toast_tuple_target = 1024)",
    "ALTER TABLE search_entry ALTER COLUMN body SET STORAGE EXTERNAL, "
    "ALTER COLUMN text_folded SET STORAGE EXTERNAL, ALTER COLUMN search_vector SET STORAGE EXTERNAL",
    """ALTER TABLE search_entry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('helix_folded'::regconfig, title_folded), 'A')
        || setweight(to_tsvector('simple'::regconfig, title_exact), 'B')
    ) STORED""",
    "CREATE INDEX search_entry_title_vector ON search_entry USING gin (title_vector)",
    """CREATE FUNCTION search_facet_tokens(jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT coalesce(array_agg(token), '{}') FROM jsonb_array_elements_text($1) AS token $$""",
    "ALTER TABLE search_entry ADD COLUMN facet_tokens text[] GENERATED ALWAYS AS (search_facet_tokens(facets)) STORED",
    "ALTER TABLE search_entry ALTER COLUMN title_vector SET STORAGE MAIN, ALTER COLUMN facet_tokens SET STORAGE MAIN",
    "CREATE INDEX search_entry_facet_tokens ON search_entry USING gin (facet_tokens)",
    "DROP INDEX search_entry_facets",
]
POSTGRES_SLIM_DROP = [
    "CREATE INDEX search_entry_facets ON search_entry USING gin (facets)",
    "DROP INDEX IF EXISTS search_entry_facet_tokens",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS facet_tokens",
    "DROP FUNCTION IF EXISTS search_facet_tokens(jsonb)",
    "DROP INDEX IF EXISTS search_entry_title_vector",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS title_vector",
    "ALTER TABLE search_entry ALTER COLUMN body SET STORAGE EXTENDED, "
    "ALTER COLUMN text_folded SET STORAGE EXTENDED, ALTER COLUMN search_vector SET STORAGE EXTENDED",
    "ALTER TABLE search_entry RESET (toast_tuple_target)",
]

# Each migration's statements per engine: (create, drop). Changing a list means a new migration.
MIGRATIONS = {
    "0001": {"postgresql": (POSTGRES_CREATE, POSTGRES_DROP), "sqlite": (SQLITE_CREATE, SQLITE_DROP)},
    "0003": {"postgresql": (POSTGRES_SLIM_CREATE, POSTGRES_SLIM_DROP)},
}


def _run(schema_editor, migration: str, *, drop: bool = False) -> None:
    create, remove = MIGRATIONS[migration].get(schema_editor.connection.vendor, ([], []))
    for statement in remove if drop else create:
        schema_editor.execute(statement, params=None)


def create_engine_objects(schema_editor) -> None:
    """Create every full-text object of the connection's engine, as all migrations would (tests)."""
    for migration in MIGRATIONS:
        _run(schema_editor, migration)


# The RunPython functions of the migrations (named functions, so migrations stay serialisable).
def create_engine_objects_migration(apps, schema_editor) -> None:
    _run(schema_editor, "0001")


def drop_engine_objects_migration(apps, schema_editor) -> None:
    _run(schema_editor, "0001", drop=True)


def create_slim_rows_migration(apps, schema_editor) -> None:
    _run(schema_editor, "0003")


def drop_slim_rows_migration(apps, schema_editor) -> None:
    _run(schema_editor, "0003", drop=True)
