"""A draft's story candidates, read-only: FTS5's BM25 reproduced with the draft counted in.

``StoryIndex.add`` scores an article once it is indexed, so its scores count it in the
corpus statistics (one more row, one more article holding each of its terms, a longer
average row). A draft must be scored the same way, but indexing it, even in a savepoint
rolled back, takes the database's write lock: every check of the desk would wait for the
others. Instead this module reads the statistics and computes what FTS5 would:

- the number of rows and of tokens per column from FTS5's *averages* record (row 1 of
  ``story_terms_data``: varints, the row count then one token total per column, written
  at each commit), so no count reads the whole table;
- how many rows hold each query term in its column from an ``fts5vocab`` table (in the
  connection's ``temp`` schema: nothing is written to the store);
- the draft's own terms and length from its ``StoryTerms``;
- FTS5's formula (``fts5_aux.c``, ``fts5Bm25Function``): for each query phrase, its IDF
  ``log((N - n + 0.5) / (n + 0.5))`` (1e-6 when not positive) times
  ``f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl))``, ``k1 = 1.2``, ``b = 0.75``, where
  ``f`` is the phrase's count in the row (weighted by column) and ``D`` the row's tokens.

The candidates are first ranked by FTS5 itself with the statistics as stored (they differ
from the draft-counted ones by one row). Each row's draft-counted score is at most
``rho`` times its stored one (``rho``: the largest ratio of IDFs, times the ratio of average
lengths when it grows), so when the last candidate kept scores more than ``rho`` times the
first row left out, no row left out could have taken its place; otherwise four times more
rows are ranked, and past 1,000 every matching row is scored. The result equals the insert-based scores (``tests/story``) to rounding.
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.story.terms import StoryTerms

if TYPE_CHECKING:
    from factcheck.story.index import Scored, StoryIndex

K1 = 1.2
B = 0.75
MIN_IDF = 1e-6
FETCH = 3  # × CANDIDATES rows ranked by FTS5 before the exact scores; four times more while that is not enough
VOCAB = "story_vocab"  # the fts5vocab table, in the temp schema of each connection
_TOKEN = re.compile(r"\w+")
_CLEAN = re.compile(r"[0-9a-z_ ]*")


def scored_without_insert(index: StoryIndex, terms: StoryTerms) -> tuple[tuple[float, ...], list[Scored]]:
    """The draft's own per-column scores and its best candidate rows, as ``StoryIndex._scored``
    gives them for the draft indexed, without writing anything."""
    from factcheck.story.index import BACKGROUND_ROWS, CANDIDATES, COLUMNS, Scored, _weights, query_text

    conn = index.conn
    n_rows, tokens = _totals(conn, len(COLUMNS))
    last = conn.execute("SELECT rowid FROM story_terms ORDER BY rowid DESC LIMIT 1").fetchone()
    draft_doc = last[0] + 1 if last else 1
    top = conn.execute("SELECT max(doc) FROM story_of").fetchone()[0]
    rows = (max(draft_doc, top if top is not None else draft_doc) or 0) + BACKGROUND_ROWS
    parts = index.query_terms(terms, rows, extra=1)
    if not parts:
        return (), []
    phrases = [(col, term) for col, chosen in parts for term in chosen]
    hits = _hits(conn, phrases)
    columns = [_tokens(" ".join(values)) for values in (terms.names, terms.words, terms.figures)]
    draft_len = sum(len(c) for c in columns)
    stored = _Stats(n_rows, tokens / n_rows if n_rows else 0.0, [_idf(n_rows, hits[p]) for p in phrases])
    counted = _Stats(n_rows + 1, (tokens + draft_len) / (n_rows + 1), [_idf(n_rows + 1, hits[p] + 1) for p in phrases])
    own = _scores(counted, phrases, [Counter(c) for c in columns], draft_len)
    weights = _weights(index.params, own)
    if not any(weights):
        return own, []
    query = query_text(parts)
    rho = max(1.0, counted.avgdl / stored.avgdl if stored.avgdl else 1.0) * max(
        (c / s for c, s in zip(counted.idf, stored.idf)), default=1.0)
    limit: int | None = FETCH * CANDIDATES
    while True:
        ranked = index.ranked(query, weights, own, index.params, terms.days, limit=limit)
        exact = _exact(conn, ranked, counted, phrases, weights, own)
        complete = limit is None or len(ranked) < limit
        if complete or (len(exact) >= CANDIDATES and exact[CANDIDATES - 1][0] > rho * _key(ranked[-1][3:], weights, own)
                        * (1 + 1e-9)):
            break
        limit = limit * 4 if limit < 1000 else None
    return own, [Scored(story, article, scores) for _, story, article, scores in exact[:CANDIDATES]]


class _Stats:
    """What FTS5's BM25 reads of the corpus: rows, average row length, each phrase's IDF."""

    __slots__ = ("n_rows", "avgdl", "idf")

    def __init__(self, n_rows: int, avgdl: float, idf: list[float]) -> None:
        self.n_rows, self.avgdl, self.idf = n_rows, avgdl, idf


def _idf(n_rows: int, hits: int) -> float:
    idf = math.log((n_rows - hits + 0.5) / (hits + 0.5))
    return idf if idf > 0.0 else MIN_IDF


def _scores(stats: _Stats, phrases: Sequence[tuple[int, str]], counts: Sequence[Counter], length: int,
            n_columns: int = 3) -> tuple[float, ...]:
    """One row's BM25 per column (the other columns weighted 0), summed in the phrases' order
    as FTS5 does (a phrase of another column adds exactly 0.0, so it is skipped)."""
    norm = K1 * (1 - B + B * length / stats.avgdl)
    out = [0.0] * n_columns
    for (col, term), idf in zip(phrases, stats.idf):
        f = float(counts[col][term])
        out[col] += idf * ((f * (K1 + 1.0)) / (f + norm))
    return tuple(out)


def _exact(conn: sqlite3.Connection, ranked: Sequence[tuple], stats: _Stats, phrases: Sequence[tuple[int, str]],
           weights: Sequence[float], own: Sequence[float]) -> list[tuple[float, str, str, tuple[float, ...]]]:
    """The ranked rows with their draft-counted scores: (order key, story, article, scores), best first.

    BM25 depends on a row only through its counts of the query's terms and its length, so
    rows whose stored scores agree in every column (an article copied, a wire story
    republished) share their draft-counted ones: one of them is read and scored for all."""
    if not ranked:
        return []
    first: dict[tuple[float, ...], int] = {}
    for rowid, _, _, *stored in ranked:
        first.setdefault(tuple(stored), rowid)
    ids = list(first.values())
    content: dict[int, tuple[str, ...]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for rowid, *text in conn.execute(
                f"SELECT rowid, names, words, figures FROM story_terms WHERE rowid IN ({','.join('?' * len(chunk))})",
                chunk):
            content[rowid] = tuple(t or "" for t in text)
    exact: dict[tuple[float, ...], tuple[float, ...]] = {}
    for stored, rowid in first.items():
        columns = [_tokens(t) for t in content.get(rowid, ("", "", ""))]
        exact[stored] = _scores(stats, phrases, [Counter(c) for c in columns], sum(len(c) for c in columns))
    out = []
    for _, story, article, *stored in ranked:
        scores = exact[tuple(stored)]
        out.append((_key(scores, weights, own), story, article, scores))
    out.sort(key=lambda r: -r[0])  # stable: FTS5's order among equal scores
    return out


def _key(scores: Sequence[float], weights: Sequence[float], own: Sequence[float]) -> float:
    """The order of candidates: the score without its cap at 1 per column."""
    key = 0.0
    for w, o, s in zip(weights, own, scores):
        if w:
            key += (w / o) * s
    return key


def _totals(conn: sqlite3.Connection, n_columns: int) -> tuple[int, int]:
    """Rows and tokens (all columns) of ``story_terms`` as last committed: FTS5's averages record."""
    row = conn.execute("SELECT block FROM story_terms_data WHERE id = 1").fetchone()
    values = _varints(row[0]) if row and row[0] else []
    if not values:
        return 0, 0
    return values[0], sum(values[1:1 + n_columns])


def _varints(blob: bytes) -> list[int]:
    """SQLite's varints (big-endian, 7 bits a byte, the ninth byte whole), as FTS5 writes them."""
    out, i = [], 0
    while i < len(blob):
        value = 0
        for k in range(9):
            byte = blob[i]
            i += 1
            if k == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        out.append(value)
    return out


def _hits(conn: sqlite3.Connection, phrases: Sequence[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """How many rows hold each (column, term) as committed, read from an ``fts5vocab`` table."""
    from factcheck.story.index import COLUMNS

    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCAB} USING fts5vocab(main, story_terms, col)")
    wanted = sorted({term for _, term in phrases})
    found: dict[tuple[int, str], int] = {}
    index_of = {name: i for i, name in enumerate(COLUMNS)}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for term, col, docs in conn.execute(
                f"SELECT term, col, doc FROM temp.{VOCAB} WHERE term IN ({','.join('?' * len(chunk))})", chunk):
            if col in index_of:
                found[(index_of[col], term)] = docs
    return {p: found.get(p, 0) for p in phrases}


def _tokens(text: str) -> list[str]:
    """The tokens FTS5's ``unicode61 remove_diacritics 2 tokenchars '_'`` makes of a text:
    runs of letters, digits and ``_``, lower case, accents removed (index terms are already so)."""
    if _CLEAN.fullmatch(text):  # what this package writes: the tokens are the words
        return text.split()
    if text.isascii():
        return _TOKEN.findall(text.lower())
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))
    return _TOKEN.findall(plain)
