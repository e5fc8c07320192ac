"""The claim store's tables, and the check that a file is a store this factcheck can read.

A store is one SQLite file marked with ``PRAGMA application_id`` (so a factcheck store is
told from any other SQLite database) and ``PRAGMA user_version`` (the schema version).
``MIGRATIONS`` upgrades an older schema in place where that is possible; any other
version, a file that is not a factcheck store and a damaged file are refused with one
line that says how to rebuild it.

Tables: ``files`` (one row per article file: real path, content hash, the pipeline
fingerprint its claims come from, the file's text), ``articles`` (one row per article:
its ``ArticleInfo`` as columns and as a lossless record, its analysed text, what a check
reads of it besides its claims: its folded text and moments, and a version hash),
``claims`` (the lossless ``Claim`` record and the aligner's features, with indexed
columns for lookup: article, story, dimension and base value, subject key) and ``meta``
(schema and factcheck versions).
Deleting a file row deletes its articles and their claims (foreign keys cascade).
"""

from __future__ import annotations

import sqlite3

from factcheck.errors import StoreError

APPLICATION_ID = 0x46434B53  # "FCKS"
SCHEMA_VERSION = 2  # 2: what a check reads of an archived article, made at index time (store.derived)

TABLES = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE files (
    path TEXT PRIMARY KEY,            -- real path of the file
    label TEXT NOT NULL,              -- its path as articles name it (relative to the store's folder)
    hash TEXT NOT NULL,               -- of the file's bytes
    size INTEGER NOT NULL,            -- bytes
    fingerprint TEXT NOT NULL,        -- the extraction pipeline that produced its claims
    lang_option TEXT NOT NULL,        -- --lang it was indexed with ("" for none)
    articles INTEGER NOT NULL,
    source BLOB NOT NULL,             -- zlib of the file's text as read
    indexed_at TEXT NOT NULL
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,              -- ArticleInfo.key
    file TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    path TEXT NOT NULL,
    ident TEXT NOT NULL,              -- Article.id (front matter id, file stem, JSON Lines id)
    "offset" INTEGER NOT NULL,
    hash TEXT NOT NULL,               -- of the analysed text
    size INTEGER NOT NULL,            -- characters of the analysed text
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    event_day TEXT,
    lang TEXT NOT NULL,
    story TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    info TEXT NOT NULL,               -- ArticleInfo.to_record() as JSON
    meta TEXT NOT NULL,               -- Article.meta as JSON
    text BLOB NOT NULL,               -- zlib of the analysed text (Article.text)
    folded BLOB NOT NULL,             -- zlib of the text folded as places are looked up in it (store.derived)
    moments TEXT NOT NULL,            -- its event moments as JSON (store.derived)
    version TEXT NOT NULL             -- hash of everything stored for the article: what a reader's cache is keyed on
);
CREATE INDEX articles_file ON articles(file);
CREATE INDEX articles_story ON articles(story);

CREATE TABLE claims (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,             -- order in the article (extraction order)
    id TEXT NOT NULL,                 -- Claim.id
    story TEXT NOT NULL,
    dimension TEXT NOT NULL,
    base_value REAL,
    subject TEXT NOT NULL,            -- subject key before typo merging (align.subjects.base_key)
    record TEXT NOT NULL,             -- Claim.to_record() as JSON, without the article
    frame TEXT NOT NULL,              -- the aligner's Features.to_record() as JSON (store.derived)
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE INDEX claims_id ON claims(id);
CREATE INDEX claims_story ON claims(story, dimension, base_value);
CREATE INDEX claims_subject ON claims(subject, dimension);
"""

# from_version → statements that bring a store to from_version + 1
MIGRATIONS: dict[int, tuple[str, ...]] = {}


def rebuild_hint(path: str) -> str:
    return f"rebuild it with: factcheck index --rebuild --store {path} PATH... (or delete the file)"


def create(conn: sqlite3.Connection, factcheck_version: str) -> None:
    """Make an empty database a store of this schema, in one transaction (a process that
    created it meanwhile wins: the tables are then left as they are)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if user_tables(conn) == 0:
            for statement in TABLES.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                             [("schema_version", str(SCHEMA_VERSION)), ("factcheck_version", factcheck_version)])
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def user_tables(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]


def read_header(conn: sqlite3.Connection, path: str) -> tuple[int, int]:
    """(application_id, user_version); a file SQLite cannot read is a ``StoreError``."""
    try:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a factcheck claim store or damaged ({exc}); {rebuild_hint(path)}") from None
    return app, version


def is_factcheck_store(conn: sqlite3.Connection, path: str) -> bool | None:
    """True for a factcheck store, None for an empty database, False for another database."""
    app, _ = read_header(conn, path)
    if app == APPLICATION_ID:
        return True
    return None if user_tables(conn) == 0 else False


def check(conn: sqlite3.Connection, path: str, *, writable: bool, factcheck_version: str,
          migrations: dict[int, tuple[str, ...]] | None = None) -> None:
    """Make sure ``conn`` is a store of ``SCHEMA_VERSION``: create it when empty (writable),
    migrate an older schema (writable), refuse anything else with a ``StoreError``."""
    migrations = MIGRATIONS if migrations is None else migrations
    kind = is_factcheck_store(conn, path)
    if kind is None:
        if not writable:
            raise StoreError(f"{path}: the claim store is empty; index articles first: factcheck index PATH...")
        create(conn, factcheck_version)
        kind = is_factcheck_store(conn, path)
    if kind is False:
        raise StoreError(f"{path}: an SQLite database, but not a factcheck claim store; "
                         "give another --store file")
    _, version = read_header(conn, path)
    if version == SCHEMA_VERSION:
        return
    written_by = _meta(conn, "factcheck_version") or "an unknown version"
    if version < SCHEMA_VERSION and writable and all(v in migrations for v in range(version, SCHEMA_VERSION)):
        _migrate(conn, version, migrations, factcheck_version)
        return
    raise StoreError(f"{path}: claim store schema {version} (written by factcheck {written_by}), this factcheck "
                     f"reads schema {SCHEMA_VERSION}; {rebuild_hint(path)}")


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _migrate(conn: sqlite3.Connection, version: int, migrations: dict[int, tuple[str, ...]],
             factcheck_version: str) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for v in range(version, SCHEMA_VERSION):
            for statement in migrations[v]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?), ('factcheck_version', ?)",
                     (str(SCHEMA_VERSION), factcheck_version))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
