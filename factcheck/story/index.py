"""The story index: SQLite FTS5 tables that find, for an article, the stories it belongs to.

Retrieval is SQLite's own full-text search (FTS5) ranked by its built-in BM25, so an
archive answers a new article in tens of milliseconds (``bench/stories.py``), and the
tables live in whatever database the caller opens: an in-memory one for ``factcheck check PATH...``,
the claim store's file for an archive. ``create_story_tables(conn)`` makes them.

Tables (all named ``story_*``; nothing else in the database is touched):

- ``story_terms`` (FTS5): one row per article, columns ``names``, ``words``, ``figures``
  (see ``terms.py``), plus ``BACKGROUND_ROWS`` rows of a reserved filler token with
  negative rowids. BM25's inverse document frequency is ``log((N - n + .5) / (n + .5))``,
  zero for a term found in half the rows or more: in a run of five articles on one event
  every term they share would weigh nothing. The background rows stand for the rest of
  the news, as a large archive does; there they are negligible.
- ``story_of``: for each article row, its key, story id (NULL until assigned), day range
  and title.
- ``story_df``: in how many articles each term is, to leave out of queries the terms
  BM25 gives no weight (``COMMON_SHARE``).

How an article is matched: its terms (the most frequent ``QUERY_TERMS`` of each column)
are one OR query; BM25 ranks the assigned articles whose day range lies within
``window_days`` of its own. For each candidate, BM25 is computed per column (the other
columns weighted 0) and divided by the score the article gets against itself, so each
column says which share of the article's names, words or figures the candidate has
(1.0: all of them, as often); the score is the weighted mean of the columns the article
has (``StoryParams.weights``). The story of the best candidate that reaches
``min_score`` wins; none, and the article starts a story.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.errors import FactcheckError
from factcheck.story.terms import StoryTerms, most_common

BACKGROUND_ROWS = 100  # filler rows standing for "the rest of the news" (IDF smoothing)
BACKGROUND_LENGTH = 400  # tokens in each: about an article's count, so document length norms hold
_FILLER = "zzbackground"
QUERY_TERMS = 48  # per column: the most frequent terms of an article make its query
COMMON_SHARE = 0.5  # a term in more than this share of the rows weighs nothing in BM25: left out of queries
MAX_DOCS = 2000     # … and so is a term in more articles than this: in a large archive it tells no story
                    # apart, and its long posting list is what a query would spend its time on
CANDIDATES = 20   # articles BM25 returns per query, before the per-story choice
COLUMNS = ("names", "words", "figures")
#: BM25 of one column (the others weighted 0), as a positive score
PER_COLUMN = tuple(f"-bm25(story_terms, {', '.join('1' if i == j else '0' for j in range(3))})" for i in range(3))
NO_ROW = -(2 ** 63)  # a rowid no article has (``ranked`` excludes nothing)


@dataclass(frozen=True, slots=True)
class StoryParams:
    """The two thresholds and the column weights of story grouping.

    Fitted on the development mix of ``scripts/score_stories.py`` (100 articles: the 12
    real-press clusters of wild-dev, the 9 synthetic development stories and the 4 of the
    bundled corpus) as the middle of the plateau where grouping is best both with the day
    window and on content alone; the 24 real clusters kept apart were only measured.
    See docs/stories.md for the grid.
    """

    min_score: float = 0.15   # an article joins a story when its best match scores this or more
    window_days: int = 10     # … and that match's days are at most this far from its own
    weights: tuple[float, float, float] = (2.0, 1.0, 1.0)  # names, words, figures in the score


@dataclass(frozen=True, slots=True)
class StoryMatch:
    """A story an article matches: its id, the score of its best article, and that article."""

    story: str
    score: float
    article: str


class StoryIndexError(FactcheckError):
    """SQLite lacks FTS5, or the story tables are not usable."""


_TABLES = (
    """CREATE TABLE IF NOT EXISTS story_of (
        doc INTEGER PRIMARY KEY,          -- rowid of the article's story_terms row
        article TEXT NOT NULL UNIQUE,     -- the article's key (its path; path#offset for a JSON line)
        story TEXT,                       -- story id; NULL until assigned
        day_lo INTEGER,                   -- first and last day it may report on (date ordinals)
        day_hi INTEGER,
        title TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX IF NOT EXISTS story_of_story ON story_of(story)",
    """CREATE TABLE IF NOT EXISTS story_df (  -- in how many articles each term is (query building)
        col INTEGER NOT NULL,
        term TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (col, term)
    ) WITHOUT ROWID""",
)


def create_story_tables(conn: sqlite3.Connection) -> None:
    """Create the story tables in ``conn`` if they are missing (idempotent).

    Statement by statement, never ``executescript`` (which commits first): the claim
    store calls this inside the transaction that writes a batch of articles.
    """
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_df'").fetchone():
        return
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS story_terms USING fts5("
            "names, words, figures, tokenize = \"unicode61 remove_diacritics 2 tokenchars '_'\")")
    except sqlite3.OperationalError as exc:
        raise StoryIndexError(f"SQLite has no full-text search (FTS5): {exc}; use story = \"folder\"") from None
    for statement in _TABLES:
        conn.execute(statement)
    if conn.execute("SELECT count(*) FROM story_terms WHERE rowid < 0").fetchone()[0] == 0:
        filler = " ".join([_FILLER] * BACKGROUND_LENGTH)
        conn.executemany("INSERT INTO story_terms(rowid, names, words, figures) VALUES (?, '', ?, '')",
                         [(-i, filler) for i in range(1, BACKGROUND_ROWS + 1)])


class StoryIndex:
    """Stories of the articles in a database: add one, or ask where a draft belongs."""

    def __init__(self, conn: sqlite3.Connection, params: StoryParams = StoryParams()) -> None:
        create_story_tables(conn)
        self.conn = conn
        self.params = params

    # ------------------------------------------------------------ writing

    def insert(self, key: str, terms: StoryTerms, title: str = "", story: str | None = None) -> int:
        """Index an article without choosing its story (``assign`` does); its row id."""
        cur = self.conn.execute("INSERT INTO story_terms(names, words, figures) VALUES (?, ?, ?)",
                                (" ".join(terms.names), " ".join(terms.words), " ".join(terms.figures)))
        doc = cur.lastrowid
        lo, hi = terms.days if terms.days else (None, None)
        self.conn.execute("INSERT INTO story_of(doc, article, story, day_lo, day_hi, title) VALUES (?, ?, ?, ?, ?, ?)",
                          (doc, key, story, lo, hi, title))
        self.conn.executemany(
            "INSERT INTO story_df(col, term, n) VALUES (?, ?, 1) ON CONFLICT(col, term) DO UPDATE SET n = n + 1",
            [(col, term) for col, values in enumerate(_columns(terms)) for term in set(values)])
        return doc

    def remove(self, keys: Iterable[str]) -> None:
        """Take articles out of the index (a file re-indexed or gone); their stories stay."""
        for key in keys:
            row = self.conn.execute("SELECT doc FROM story_of WHERE article = ?", (key,)).fetchone()
            if row is None:
                continue
            (doc,) = row
            text = self.conn.execute("SELECT names, words, figures FROM story_terms WHERE rowid = ?", (doc,)).fetchone()
            if text is not None:
                self.conn.executemany("UPDATE story_df SET n = n - 1 WHERE col = ? AND term = ?",
                                      [(col, term) for col, column in enumerate(text)
                                       for term in set(column.split())])
            self.conn.execute("DELETE FROM story_df WHERE n <= 0")
            self.conn.execute("DELETE FROM story_terms WHERE rowid = ?", (doc,))
            self.conn.execute("DELETE FROM story_of WHERE doc = ?", (doc,))

    def assign(self, doc: int, terms: StoryTerms, new_id: str) -> str:
        """Give an indexed article the story of its best match, or ``new_id`` (a new story)."""
        matches = self._matches(doc, terms)
        story = matches[0].story if matches else new_id
        self.conn.execute("UPDATE story_of SET story = ? WHERE doc = ?", (story, doc))
        return story

    def add(self, key: str, terms: StoryTerms, title: str = "", new_id: str | None = None) -> str:
        """Index one article and give it a story (an existing one, or a new one): its story id.

        The rest of the archive is not regrouped. ``new_id`` is the id of the story it
        would start (default: ``story_id(title or key, key)``).
        """
        existing = self.story_of(key)
        if existing is not None:
            return existing
        doc = self.insert(key, terms, title)
        return self.assign(doc, terms, new_id or story_id(title or key, key))

    # ------------------------------------------------------------ reading

    def candidates(self, terms: StoryTerms) -> list[StoryMatch]:
        """The stories a draft would join, best first, without adding it to the index.

        Read-only (``draft.py``): the draft's BM25 scores are computed from the corpus
        statistics as they would be with the draft added, so they are the ones ``add``
        would compute, and a check never takes the database's write lock. Only inside a
        transaction that may hold uncommitted index rows (whose statistics FTS5 saves at
        commit) is the draft added in a savepoint that is rolled back, as before.
        """
        return _best(self.params, *self.scored_draft(terms))

    def scored_draft(self, terms: StoryTerms) -> tuple[tuple[float, ...], list[Scored]]:
        """The draft's own per-column scores and its candidate rows, best first."""
        if self.conn.in_transaction:
            try:
                return self.scored_by_insert(terms)
            except sqlite3.OperationalError as exc:  # a read-only connection has nothing uncommitted
                if "readonly" not in str(exc):
                    raise
        from factcheck.story.draft import scored_without_insert

        return scored_without_insert(self, terms)

    def scored_by_insert(self, terms: StoryTerms) -> tuple[tuple[float, ...], list[Scored]]:
        """The draft's scores as FTS5 computes them with the draft indexed, inside a
        savepoint that is rolled back (``BEGIN IMMEDIATE`` outside a transaction: this
        takes the write lock)."""
        outer = not self.conn.in_transaction
        self.conn.execute("BEGIN IMMEDIATE" if outer else "SAVEPOINT story_draft")
        try:
            doc = self.insert(f"\0draft:{id(terms)}", terms)
            return self._scored(doc, terms)
        finally:
            if outer:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute("ROLLBACK TO story_draft")
                self.conn.execute("RELEASE story_draft")

    def story_of(self, key: str) -> str | None:
        row = self.conn.execute("SELECT story FROM story_of WHERE article = ?", (key,)).fetchone()
        return row[0] if row else None

    def stories(self) -> dict[str, list[str]]:
        """Story id → article keys, stories in the order they started, articles in the order added."""
        out: dict[str, list[str]] = {}
        for story, key in self.conn.execute(
                "SELECT story, article FROM story_of WHERE story IS NOT NULL ORDER BY doc"):
            out.setdefault(story, []).append(key)
        return out

    # ------------------------------------------------------------ matching

    def _matches(self, doc: int, terms: StoryTerms) -> list[StoryMatch]:
        return _best(self.params, *self._scored(doc, terms))

    def _scored(self, doc: int, terms: StoryTerms) -> tuple[tuple[float, ...], list[Scored]]:
        """An indexed article's own per-column BM25 and its best candidate rows (FTS5's BM25)."""
        query = self.match_query(terms)
        if not query:
            return (), []
        # one BM25 per column (the other columns weighted 0): each column's score is then
        # divided by the article's own, so every column says "this share of my terms"
        own = self.conn.execute(
            f"SELECT {', '.join(PER_COLUMN)} FROM story_terms WHERE story_terms MATCH ? AND rowid = ?",
            (query, doc)).fetchone()
        if not own:
            return (), []
        weights = _weights(self.params, own)
        if not any(weights):
            return tuple(own), []
        rows = self.ranked(query, weights, own, self.params, terms.days, exclude=doc, limit=CANDIDATES)
        return tuple(own), [Scored(story, article, tuple(scores)) for _, story, article, *scores in rows]

    def ranked(self, query: str, weights: list[float], own: Sequence[float], params: StoryParams,
               days: tuple[int, int] | None, exclude: int | None = None, limit: int | None = None) -> list[tuple]:
        """The assigned rows matching ``query`` within the day window, by the score's order as
        FTS5's BM25 gives it: (rowid, story, article, per-column scores)."""
        where = "s.story IS NOT NULL AND s.doc != ?"
        args: list[object] = [query, exclude if exclude is not None else NO_ROW]
        if days is not None:
            where += " AND (s.day_lo IS NULL OR (s.day_lo <= ? AND s.day_hi >= ?))"
            args += [days[1] + params.window_days, days[0] - params.window_days]
        # candidates in the order of the score below (without its cap at 1 per column); the
        # order names the selected columns, so that BM25 is computed once per row and column
        order = " + ".join(f"{w / o!r} * c{i}" for i, (w, o) in enumerate(zip(weights, own)) if w)
        columns = ", ".join(f"{rank} AS c{i}" for i, rank in enumerate(PER_COLUMN))
        return self.conn.execute(
            f"SELECT story_terms.rowid, s.story, s.article, {columns} FROM story_terms "
            f"JOIN story_of AS s ON s.doc = story_terms.rowid WHERE story_terms MATCH ? AND {where} "
            f"ORDER BY {order} DESC" + (" LIMIT ?" if limit is not None else ""),
            (*args, *([limit] if limit is not None else []))).fetchall()

    def match_query(self, terms: StoryTerms) -> str:
        """The FTS5 query of an indexed article: its most frequent terms of each column, OR-ed."""
        rows = (self.conn.execute("SELECT max(doc) FROM story_of").fetchone()[0] or 0) + BACKGROUND_ROWS
        return query_text(self.query_terms(terms, rows))

    def query_terms(self, terms: StoryTerms, rows: int, extra: int = 0) -> list[tuple[int, list[str]]]:
        """(column, terms) of an article's query: its most frequent terms of each column.

        Terms found in more than ``COMMON_SHARE`` of the ``rows`` (BM25 gives them no
        weight) or in more than ``MAX_DOCS`` articles are left out: in a large archive their
        long posting lists are what a query would spend its time on. ``rows`` is read from
        ``story_of``'s largest row id (a count would read the whole table); ``extra`` is
        added to every term's count (1: the draft, not indexed, has them all).
        """
        limit = min(COMMON_SHARE * rows, MAX_DOCS)
        out = []
        for col, values in enumerate(_columns(terms)):
            ranked = most_common(values, len(values))
            if not ranked:
                continue
            common = set()
            for start in range(0, len(ranked), 500):
                chunk = ranked[start:start + 500]
                common.update(t for t, n in self.conn.execute(
                    f"SELECT term, n FROM story_df WHERE col = ? AND term IN ({','.join('?' * len(chunk))})",
                    (col, *chunk)) if n + extra > limit)
            chosen = [t for t in ranked if t not in common][:QUERY_TERMS]
            if chosen:
                out.append((col, chosen))
        return out


def query_text(parts: Sequence[tuple[int, Sequence[str]]]) -> str:
    """The FTS5 query of (column, terms) parts: every term a phrase of its column, OR-ed."""
    return " OR ".join(f"{COLUMNS[col]} : (" + " OR ".join(f'"{t}"' for t in chosen) + ")" for col, chosen in parts)


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate row: its story, article key and BM25 per column."""

    story: str
    article: str
    scores: tuple[float, ...]


def _weights(params: StoryParams, own: Sequence[float]) -> list[float]:
    """The columns' weights, zero for a column the article has nothing in."""
    return [w if o > 0 else 0.0 for w, o in zip(params.weights, own)]


def _best(params: StoryParams, own: Sequence[float], rows: Sequence[Scored]) -> list[StoryMatch]:
    """The stories of the candidate rows reaching ``min_score``, best first, each with its best
    article. A row's score is the weighted mean over columns of its BM25 divided by the
    article's own (capped at 1)."""
    if not own:
        return []
    weights = _weights(params, own)
    total = sum(weights)
    if total <= 0:
        return []
    best: dict[str, StoryMatch] = {}
    for row in rows:
        score = sum(w * min(1.0, s / o) for w, s, o in zip(weights, row.scores, own) if w) / total
        if score >= params.min_score and (row.story not in best or score > best[row.story].score):
            best[row.story] = StoryMatch(row.story, round(score, 4), row.article)
    return sorted(best.values(), key=lambda m: -m.score)


def _columns(terms: StoryTerms) -> tuple[tuple[str, ...], ...]:
    return terms.names, terms.words, terms.figures


_SLUG_DROP = re.compile(r"[^a-z0-9]+")
SLUG_WORDS = 6


def story_id(title: str, key: str) -> str:
    """A readable, stable id: the first words of the first article's title, and a short hash
    of that article's key (two stories whose first titles agree stay apart)."""
    plain = unicodedata.normalize("NFKD", title.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = [w for w in _SLUG_DROP.split(plain) if w][:SLUG_WORDS]
    slug = "-".join(words)[:48].strip("-") or "story"
    return f"{slug}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"
