"""``ClaimStore``: articles and their claims in one SQLite file, read back as the values
extraction made.

The file is in WAL mode: readers (``check --against``) read while an indexer writes, and
a writer killed mid-transaction leaves the last committed state. Claims come back equal
(``==``) to the extracted ones: each is stored as its lossless record, its ``ArticleInfo``
once per article. Texts (the analysed prose and the file as read) are kept compressed, so
passages can be shown side by side without the original files.

The indexer (``factcheck.store.indexer``) writes through ``write_files`` and
``remove_files``, one transaction per call; other parts may add their own tables through
``connection``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from factcheck.errors import StoreError
from factcheck.models import Article, ArticleInfo, Claim
from factcheck.store import schema

if TYPE_CHECKING:
    from factcheck.align.features import Features
    from factcheck.extract.moments import Moment

BUSY_TIMEOUT_MS = 10_000  # a reader or writer waits this long for another's transaction
_CHUNK = 400              # ids per query (SQLite allows 32,766 parameters; a story has tens of articles)


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def _unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def text_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class FileState:
    """What the store knows of one article file."""

    hash: str
    fingerprint: str
    lang_option: str
    articles: int


@dataclass(slots=True)
class IndexedFile:
    """One article file, loaded and extracted, ready to be written."""

    real: str                   # real path: the file's identity
    label: str                  # Article.path of its articles
    hash: str
    size: int
    fingerprint: str
    lang_option: str
    articles: list[Article]
    claims: list[Claim]         # the claims of all its articles, in extraction order


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An archived article with everything a check reads of it, as indexed (``checkable``).
    ``article`` is shared by whoever holds this value: copy it before changing it."""

    article: Article
    claims: tuple[Claim, ...]
    frames: tuple[Features, ...]    # the aligner's features of each claim
    subjects: tuple[str, ...]       # the subject key of each claim (``subjects.base_key``)
    folded: str                     # the text folded as places are looked up in it
    moments: tuple[Moment, ...]
    fingerprint: str                # of the pipeline that extracted it (and derived the rest)
    version: str                    # the store's hash of all of it


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


class ClaimStore:
    """An open claim store. ``ClaimStore.open(path)``; ``close()`` (or ``with``) when done."""

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool) -> None:
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self._sources: dict[str, str] = {}

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], readonly: bool = False) -> ClaimStore:
        """Open the store at ``path``; created when missing unless ``readonly``.

        A file that is not a factcheck store, is damaged, or has another schema version
        raises ``StoreError`` (one line, saying how to rebuild it).
        """
        from factcheck import __version__

        path = os.fspath(path)
        if readonly and not os.path.exists(path):
            raise StoreError(f"{path}: no claim store here; create it with: factcheck index PATH...")
        if not readonly:
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create the store's folder ({exc.strerror or exc})") from None
        if os.path.isdir(path):
            raise StoreError(f"{path}: is a folder; give the claim store's file")
        conn = cls._connect(path, readonly)
        try:
            schema.check(conn, path, writable=not readonly, factcheck_version=__version__)
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path}: cannot use the claim store ({exc}); {schema.rebuild_hint(path)}") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, readonly)

    @staticmethod
    def _connect(path: str, readonly: bool) -> sqlite3.Connection:
        try:
            if readonly:
                uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the claim store ({exc}); check the path and its permissions") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable against a crash of the process
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path}: not a factcheck claim store or damaged ({exc}); "
                             f"{schema.rebuild_hint(path)}") from None
        return conn

    @classmethod
    def rebuild(cls, path: str | os.PathLike[str]) -> ClaimStore:
        """A new, empty store at ``path``, replacing a store of any version or a damaged file.

        Another SQLite database is never deleted: a ``--store`` pointed at the wrong file
        must not cost its owner their data.
        """
        path = os.fspath(path)
        if os.path.isfile(path) and os.path.getsize(path) > 0:
            try:
                conn = sqlite3.connect(path, isolation_level=None)
                try:
                    kind = schema.is_factcheck_store(conn, path)
                finally:
                    conn.close()
            except (StoreError, sqlite3.DatabaseError):
                kind = True  # damaged or not a database at all: it holds nothing to keep
            if kind is False:
                raise StoreError(f"{path}: an SQLite database, but not a factcheck claim store; not replacing it "
                                 "(give another --store file)")
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(path + suffix)
        return cls.open(path)

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection (autocommit; ``BEGIN`` … ``COMMIT`` for transactions)."""
        return self._conn

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on an exception."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # ------------------------------------------------------------ reading

    def meta(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT key, value FROM meta"))

    def articles(self, story: str | None = None) -> list[ArticleInfo]:
        """Every article (of ``story``), as its claims describe it, in indexing order."""
        sql = "SELECT info FROM articles" + (" WHERE story = ?" if story is not None else "") + " ORDER BY rowid"
        return [ArticleInfo.from_record(json.loads(info))
                for (info,) in self._conn.execute(sql, () if story is None else (story,))]

    def article(self, article_id: str) -> Article | None:
        """The article as loaded (text, file text, metadata), or None when it is not stored."""
        row = self._conn.execute(
            'SELECT file, path, ident, "offset", title, source, date, date_precision, event_day, lang, story, '
            "meta, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        file, path, ident, offset, title, source, date, precision, event_day, lang, story, meta, text = row
        return Article(path=path, text=_unpack(text), file_text=self._source(file), offset=offset, id=ident,
                       title=title, source=source, date=dt.date.fromisoformat(date) if date else None,
                       date_precision=precision, event_day=dt.date.fromisoformat(event_day) if event_day else None,
                       lang=lang, story=story, meta=json.loads(meta))

    def _source(self, file: str) -> str:
        """A file's text, read once per file (the records of a JSON Lines file share it)."""
        if file not in self._sources:
            (blob,) = self._conn.execute("SELECT source FROM files WHERE path = ?", (file,)).fetchone()
            self._sources = {file: _unpack(blob)}  # keep one: readers go file by file
        return self._sources[file]

    def claims(self, article_id: str | None = None, story: str | None = None) -> list[Claim]:
        """The claims of one article, of one story, or all: article by article in the order they
        were indexed, each article's in extraction order."""
        where, args = [], []
        if article_id is not None:
            where.append("c.article = ?")
            args.append(article_id)
        if story is not None:
            where.append("c.story = ?")
            args.append(story)
        sql = ("SELECT c.record, c.article, a.info FROM claims c JOIN articles a ON a.id = c.article"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.rowid, c.seq")
        infos: dict[str, ArticleInfo] = {}
        out = []
        for record, article, info in self._conn.execute(sql, args):
            if article not in infos:
                infos[article] = ArticleInfo.from_record(json.loads(info))
            out.append(_claim(json.loads(record), infos[article]))
        return out

    def versions(self, stories: Sequence[str]) -> list[tuple[str, str, str]]:
        """(article id, story, version) of the articles of ``stories``, in indexing order: what
        a reader that keeps articles in memory checks them against (``version`` changes with
        anything stored for the article)."""
        marks = ", ".join("?" * len(stories))
        return self._conn.execute(f"SELECT id, story, version FROM articles WHERE story IN ({marks}) ORDER BY rowid",
                                  list(stories)).fetchall() if stories else []

    def checkable(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        """Article id → the article, its claims and what a check reads of them, in three
        queries per ``_CHUNK`` ids (ids the store does not hold are left out)."""
        from factcheck.store import derived

        out: dict[str, StoredArticle] = {}
        sources: dict[str, str] = {}
        for lo in range(0, len(article_ids), _CHUNK):
            ids = list(article_ids[lo:lo + _CHUNK])
            marks = ", ".join("?" * len(ids))
            claims: dict[str, list[tuple[str, str, str]]] = {k: [] for k in ids}
            for article, record, subject, frame in self._conn.execute(
                    f"SELECT article, record, subject, frame FROM claims WHERE article IN ({marks}) "
                    "ORDER BY article, seq", ids):
                claims[article].append((record, subject, frame))
            rows = self._conn.execute(
                'SELECT id, file, path, ident, "offset", title, source, date, date_precision, event_day, lang, '
                f"story, meta, text, info, folded, moments, fingerprint, version FROM articles WHERE id IN ({marks})", ids).fetchall()
            files = sorted({row[1] for row in rows} - sources.keys())
            for lo_f in range(0, len(files), _CHUNK):
                part = files[lo_f:lo_f + _CHUNK]
                sources.update((path, _unpack(blob)) for path, blob in self._conn.execute(
                    f"SELECT path, source FROM files WHERE path IN ({', '.join('?' * len(part))})", part))
            for row in rows:
                (key, file, path, ident, offset, title, source, date, precision, event_day, lang, story, meta, text,
                 info, folded, moments, fingerprint, version) = row
                article = Article(path=path, text=_unpack(text), file_text=sources[file], offset=offset, id=ident,
                                  title=title, source=source, date=dt.date.fromisoformat(date) if date else None,
                                  date_precision=precision,
                                  event_day=dt.date.fromisoformat(event_day) if event_day else None,
                                  lang=lang, story=story, meta=json.loads(meta))
                info_value = ArticleInfo.from_record(json.loads(info))
                stored = [(_claim(json.loads(record), info_value), subject, frame)
                          for record, subject, frame in claims[key]]
                out[key] = StoredArticle(
                    article=article, claims=tuple(c for c, _, _ in stored),
                    frames=tuple(derived.frame_from(frame, c) for c, _, frame in stored),
                    subjects=tuple(subject for _, subject, _ in stored), folded=_unpack(folded),
                    moments=derived.moments_from(moments), fingerprint=fingerprint, version=version)
        return out

    def stories(self) -> dict[str, int]:
        """Story → number of articles."""
        return dict(self._conn.execute("SELECT story, count(*) FROM articles GROUP BY story ORDER BY story"))

    def counts(self) -> tuple[int, int]:
        """(articles, claims) in the store."""
        a = self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        c = self._conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        return a, c

    def set_story(self, article_id: str, story: str) -> None:
        """Put an article in a story: its row, its ``ArticleInfo`` and its claims say so."""
        with self.transaction() as conn:
            row = conn.execute("SELECT info, version FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise StoreError(f"{self.path}: no article {article_id!r} in the store")
            info = dataclasses.replace(ArticleInfo.from_record(json.loads(row[0])), story=story)
            conn.execute("UPDATE articles SET story = ?, info = ?, version = ? WHERE id = ?",
                         (story, _json(info.to_record()), _version(row[1], story), article_id))
            conn.execute("UPDATE claims SET story = ? WHERE article = ?", (story, article_id))

    # ------------------------------------------------------------ what the indexer reads and writes

    def file_states(self) -> dict[str, FileState]:
        """Real path → state of every indexed file."""
        return {path: FileState(h, fp, lang, n) for path, h, fp, lang, n in self._conn.execute(
            "SELECT path, hash, fingerprint, lang_option, articles FROM files")}

    def write_files(self, files: Sequence[IndexedFile], remove: Sequence[str] = (), story: str = "folder") -> None:
        """Replace what the store holds for each of ``files`` (and drop the files ``remove``
        names), in one transaction: a run killed meanwhile leaves all of it or none.

        Each article is put in a story (``factcheck.story.index_article``: by what it says
        for ``story="auto"``, else its folder's or the one it declares) and indexed for the
        drafts that will look for their story."""
        from factcheck.align.subjects import base_key
        from factcheck.story import index_article
        from factcheck.store import derived

        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self.transaction() as conn:
            self._forget_stories(conn, [*remove, *(f.real for f in files)])
            conn.executemany("DELETE FROM files WHERE path = ?", [(r,) for r in (*remove, *(f.real for f in files))])
            for f in files:
                keys = [a.key for a in f.articles]
                # an article key another file holds (the same path named from elsewhere): that file goes
                conn.executemany("DELETE FROM files WHERE path IN (SELECT file FROM articles WHERE id = ?)",
                                 [(k,) for k in keys])
                source = f.articles[0].file_text if f.articles else ""
                conn.execute("INSERT INTO files (path, label, hash, size, fingerprint, lang_option, articles, source, "
                             "indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             (f.real, f.label, f.hash, f.size, f.fingerprint, f.lang_option, len(f.articles),
                              _pack(source), now))
                by_article: dict[str, list[Claim]] = {k: [] for k in keys}
                for c in f.claims:
                    by_article.setdefault(c.article_key, []).append(c)
                for art in f.articles:
                    art.story = index_article(conn, art, by_article.get(art.key, ()), story)
                    info = art.info()
                    claims = [c if c.article == info else dataclasses.replace(c, article=info)
                              for c in by_article.get(art.key, ())]
                    rows = [(art.key, seq, c.id, info.story, c.dimension, _real(c.base_value), base_key(c),
                             _json(_record(c)), derived.frame_record(c)) for seq, c in enumerate(claims)]
                    info_json, meta_json = _json(info.to_record()), json.dumps(art.meta, ensure_ascii=False, default=str)
                    digest = text_hash(art.text.encode("utf-8", "surrogatepass"))
                    moments = derived.moments_record(art)
                    version = _version(f.hash, f.fingerprint, f.lang_option, info_json, meta_json, digest, moments,
                                       *(x for row in rows for x in row[6:]))
                    conn.execute(
                        'INSERT INTO articles (id, file, path, ident, "offset", hash, size, title, source, date, '
                        "date_precision, event_day, lang, story, fingerprint, info, meta, text, folded, moments, "
                        "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (art.key, f.real, art.path, art.id, art.offset, digest, len(art.text), art.title, art.source,
                         _date(art.date), art.date_precision, _date(art.event_day), art.lang, art.story,
                         f.fingerprint, info_json, meta_json, _pack(art.text), _pack(derived.folded_text(art)),
                         moments, version))
                    conn.executemany(
                        "INSERT INTO claims (article, seq, id, story, dimension, base_value, subject, record, frame) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    @staticmethod
    def _forget_stories(conn: sqlite3.Connection, reals: Sequence[str]) -> None:
        """Take the articles of these files out of the story index (they are re-added or gone)."""
        from factcheck.story import StoryIndex

        keys = [k for r in reals for (k,) in conn.execute("SELECT id FROM articles WHERE file = ?", (r,))]
        if keys:
            StoryIndex(conn).remove(keys)

    def remove_files(self, reals: Sequence[str]) -> int:
        """Drop files (their articles and claims); returns the number of articles dropped."""
        if not reals:
            return 0
        with self.transaction() as conn:
            n = sum(conn.execute("SELECT count(*) FROM articles WHERE file = ?", (r,)).fetchone()[0] for r in reals)
            self._forget_stories(conn, reals)
            conn.executemany("DELETE FROM files WHERE path = ?", [(r,) for r in reals])
        return n


# the record of a claim whose optional fields are all left at their defaults
_DEFAULTS = {k: v for k, v in Claim(start=0, end=0, text="", value=0.0).to_record().items()
             if k not in ("start", "end", "text", "value")}


def _record(claim: Claim) -> dict[str, Any]:
    """The claim's lossless record, less what the store keeps once per article or in columns
    (its article, id and, when it is the article's, path) and the fields left at their default."""
    data = claim.to_record()
    del data["article"], data["id"]
    if claim.article is not None and claim.path == claim.article.path:
        del data["path"]
    return {k: v for k, v in data.items() if k not in _DEFAULTS or v != _DEFAULTS[k]}


def _claim(record: dict[str, Any], info: ArticleInfo) -> Claim:
    record.setdefault("path", info.path)
    return Claim.from_record(record, article=info)


def _version(*parts: str | None) -> str:
    """A hash of what is stored for one article: it changes whenever any of it does."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update((part or "").encode("utf-8", "surrogatepass") + b"\x1f")
    return h.hexdigest()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _real(value: float) -> float | None:
    """A base value SQLite can index: NaN is NULL."""
    return None if value != value else value
