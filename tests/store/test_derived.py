"""What the store derives from an article at index time (features, subject keys, folded text,
moments) comes back equal to what a check would compute, and its version follows every change."""

from __future__ import annotations

import dataclasses
import sqlite3

from tiny_articles import article_text
from factcheck.align.features import Features, features
from factcheck.align.subjects import base_key, fold
from factcheck.extract.moments import find_moments
from factcheck.store import ClaimStore, index_paths
from factcheck.store.derived import frame_from, frame_record, moments_from, moments_record

TIMED = ("---\ntitle: Incendie à Corbenay\ndate: 2024-07-09\nlang: fr\n---\n\n"
         "Le feu s'est déclaré vers 21 h 10 mardi dans un entrepôt de Corbenay. "
         "Il a été maîtrisé vers 2 heures, selon les pompiers : 60 sapeurs-pompiers et 12 engins engagés.\n")


def _index(paths=("articles",), story="folder"):
    with ClaimStore.open("s.sqlite") as store:
        return index_paths(store, list(paths), story=story)


def _stored(ids=None):
    with ClaimStore.open("s.sqlite", readonly=True) as store:
        ids = ids if ids is not None else [a.key for a in store.articles()]
        return store.checkable(ids), {i: store.claims(article_id=i) for i in ids}


def test_stored_features_keys_texts_and_moments_equal_what_a_check_computes(archive):
    (archive / "articles" / "feu").mkdir()
    (archive / "articles" / "feu" / "corbenay.md").write_text(TIMED, encoding="utf-8")
    _index()
    stored, claims = _stored()
    assert len(stored) == 7
    for key, s in stored.items():
        assert s.claims == tuple(claims[key]) and s.claims
        assert s.frames == tuple(features(c) for c in s.claims)
        assert s.subjects == tuple(base_key(c) for c in s.claims)
        assert s.folded == fold(s.article.text)
        a = s.article
        assert s.moments == tuple(find_moments(a.text, a.lang, a.date, a.date_precision))
    timed = next(s for s in stored.values() if s.article.path.endswith("corbenay.md"))
    assert {m.event for m in timed.moments} >= {"incident", "control"}  # the rule's input is there


def test_a_frame_record_follows_its_claim_into_another_story(archive):
    _index()
    stored, _ = _stored()
    s = next(iter(stored.values()))
    claim = s.claims[0]
    moved = dataclasses.replace(claim, article=dataclasses.replace(claim.article, story="round-up"))
    again = frame_from(frame_record(claim), moved)
    assert again == features(moved) and again.story == "round-up"
    assert Features.from_record(features(claim).to_record(), claim) == features(claim)


def test_moments_round_trip(archive):
    from factcheck.load import load_text

    article = load_text(TIMED, path="feu.md")
    found = tuple(find_moments(article.text, article.lang, article.date, article.date_precision))
    assert found and moments_from(moments_record(article)) == found


def test_an_article_version_changes_with_its_content_and_its_story(archive):
    _index()
    conn = sqlite3.connect("s.sqlite")
    before = dict(conn.execute("SELECT id, version FROM articles"))
    _index()  # nothing changed: nothing rewritten
    assert dict(conn.execute("SELECT id, version FROM articles")) == before
    changed = archive / "articles" / "crue-001" / "a0.md"
    changed.write_text(article_text(1, 0, version=7), encoding="utf-8")
    _index()
    after = dict(conn.execute("SELECT id, version FROM articles"))
    assert {k for k in before if before[k] != after[k]} == {"articles/crue-001/a0.md"}
    with ClaimStore.open("s.sqlite") as store:
        store.set_story("articles/crue-000/a1.md", "elsewhere")
        assert store.versions(["elsewhere"])[0][:2] == ("articles/crue-000/a1.md", "elsewhere")
    moved = dict(conn.execute("SELECT id, version FROM articles"))
    assert moved["articles/crue-000/a1.md"] != after["articles/crue-000/a1.md"]
    conn.close()


def test_the_same_archive_gives_the_same_versions_in_another_store(archive):
    _index()
    first = sqlite3.connect("s.sqlite").execute("SELECT id, version FROM articles ORDER BY id").fetchall()
    with ClaimStore.open("t.sqlite") as store:
        index_paths(store, ["articles"], story="folder")
    assert sqlite3.connect("t.sqlite").execute("SELECT id, version FROM articles ORDER BY id").fetchall() == first
