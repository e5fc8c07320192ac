"""A draft's story look-up is read-only and scores as if the draft were indexed: the scores of
``StoryIndex.candidates`` equal those of the insert-and-roll-back path to 1e-9, on a store
file built here from generated terms, and a look-up succeeds while another connection holds
the write lock or on a read-only connection."""

from __future__ import annotations

import random
import sqlite3

import pytest

from factcheck.story import StoryIndex, StoryTerms
from factcheck.story import draft as draft_module
from factcheck.story.draft import _totals, _varints, scored_without_insert

DAY = 738_000


def _terms(rnd: random.Random, vocab: list[str], day: int, topic: int) -> StoryTerms:
    """An article of ``topic``: Zipf-like words, a few names and figures of its own."""
    words = tuple(rnd.choices(vocab, weights=[1 / (i + 1) for i in range(len(vocab))], k=rnd.randint(40, 160)))
    names = tuple(f"lieu{topic}" if rnd.random() < 0.6 else rnd.choice(vocab[50:]) for _ in range(rnd.randint(3, 12)))
    figures = tuple(f"xcount_{topic * 10 + rnd.randint(0, 3)}" for _ in range(rnd.randint(0, 4)))
    return StoryTerms(names, words, figures, (day, day + rnd.randint(0, 2)))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[str, list[StoryTerms]]:
    rnd = random.Random(7)
    vocab = [f"mot{i}" for i in range(400)]
    path = str(tmp_path_factory.mktemp("story") / "store.sqlite")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    index = StoryIndex(conn)
    conn.execute("BEGIN")
    for i in range(240):
        index.add(f"a{i}.md", _terms(rnd, vocab, DAY + i // 12, i // 4), title=f"Article {i}")
    conn.execute("COMMIT")
    index.remove(["a3.md", "a239.md"])  # rows taken out leave holes, and the largest row id changes
    drafts = [_terms(rnd, vocab, DAY + d, t) for d, t in ((3, 12), (10, 40), (15, 59), (1, 2), (19, 1000))]
    drafts.append(StoryTerms(("lieu5", "lieu5"), (), ("xcount_50",), None))  # undated, no words
    drafts.append(StoryTerms((), ("mot0", "mot1"), (), (DAY + 2, DAY + 2)))  # only the commonest words
    conn.close()
    return path, drafts


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@pytest.mark.parametrize("fetch", [1, draft_module.FETCH])
def test_read_only_scores_equal_the_insert_based_ones(store, monkeypatch, fetch):
    monkeypatch.setattr(draft_module, "FETCH", fetch)  # 1: the bound sends some look-ups to all rows
    path, drafts = store
    index = StoryIndex(sqlite3.connect(path, isolation_level=None))
    matched = 0
    for terms in drafts:
        own_old, rows_old = index.scored_by_insert(terms)
        own_new, rows_new = scored_without_insert(index, terms)
        assert len(own_old) == len(own_new) and all(_same(a, b) for a, b in zip(own_old, own_new))
        assert [(r.story, r.article) for r in rows_old] == [(r.story, r.article) for r in rows_new]
        for old, new in zip(rows_old, rows_new):
            assert all(_same(a, b) for a, b in zip(old.scores, new.scores)), (old, new)
        matched += bool(rows_new)
    assert matched >= 5


def test_candidates_match_what_add_would_choose(store):
    path, drafts = store
    conn = sqlite3.connect(path, isolation_level=None)
    index = StoryIndex(conn)
    for terms in drafts:
        old = StoryIndex.__new__(StoryIndex)
        old.conn, old.params = conn, index.params
        conn.execute("BEGIN IMMEDIATE")
        try:
            expected = old._matches(old.insert("\0draft", terms), terms)
        finally:
            conn.execute("ROLLBACK")
        assert index.candidates(terms) == expected


def test_lookup_reads_fts5_statistics_as_stored(store):
    path, _ = store
    conn = sqlite3.connect(path, isolation_level=None)
    rows, tokens = _totals(conn, 3)
    assert rows == conn.execute("SELECT count(*) FROM story_terms").fetchone()[0]
    conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, story_terms, col)")
    assert tokens == conn.execute("SELECT sum(cnt) FROM temp.v").fetchone()[0]
    assert _varints(bytes([0x81, 0x00, 0x05, 0xFF, 0x7F])) == [128, 5, 16383]


def test_lookup_never_takes_the_write_lock(store):
    path, drafts = store
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process indexing
    writer.execute("INSERT INTO story_terms(names, words, figures) VALUES ('lieu12', 'mot3', '')")
    try:
        reader = sqlite3.connect(path, isolation_level=None, timeout=0.1)
        assert StoryIndex(reader).candidates(drafts[0])
        ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=0.1)
        assert StoryIndex(ro).candidates(drafts[0]) == StoryIndex(reader).candidates(drafts[0])
        assert not reader.in_transaction and not ro.in_transaction
    finally:
        writer.execute("ROLLBACK")


def test_inside_a_transaction_uncommitted_rows_count(tmp_path):
    # statistics FTS5 keeps in memory until commit: the look-up then indexes the draft in a savepoint
    conn = sqlite3.connect(str(tmp_path / "s.sqlite"), isolation_level=None)
    index = StoryIndex(conn)
    rnd = random.Random(3)
    vocab = [f"mot{i}" for i in range(100)]
    conn.execute("BEGIN")
    for i in range(30):
        index.add(f"a{i}.md", _terms(rnd, vocab, DAY, i // 3))
    draft = _terms(rnd, vocab, DAY, 4)
    found = index.candidates(draft)
    assert found and conn.execute("SELECT count(*) FROM story_of").fetchone()[0] == 30
    conn.execute("COMMIT")
    assert StoryIndex(conn).candidates(draft) == found
