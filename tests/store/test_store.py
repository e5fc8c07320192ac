"""The claim store: round trips, incremental indexing, version safety."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tiny_articles import article_text
from factcheck.errors import InputError, StoreError
from factcheck.extract.pipeline import extract_articles
from factcheck.load import load_paths
from factcheck.store import ClaimStore, index_paths, store_base
from factcheck.store import indexer as indexer_module
from factcheck.store import schema


class Counting:
    """extract_articles, counting the articles it is given."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, articles, n_process=None):
        self.calls.append([a.path for a in articles])
        return extract_articles(articles, n_process=n_process)

    @property
    def articles(self) -> list[str]:
        return [p for call in self.calls for p in call]


def _order(claim):
    return claim.path, claim.start


def _index(path="s.sqlite", paths=("articles",), **kw):
    """Index by folder, so that the stored claims are the extracted ones, stories included."""
    extract = kw.pop("extract", None) or Counting()
    kw.setdefault("story", "folder")
    with ClaimStore.open(path) as store:
        result = index_paths(store, list(paths), extract=extract, **kw)
    return result, extract


def test_store_round_trip_gives_back_the_extracted_claims(archive):
    result, _ = _index()
    assert (result.indexed, result.unchanged, result.removed) == (6, 0, 0)
    articles = load_paths(["articles"])
    claims = extract_articles(articles)
    with ClaimStore.open("s.sqlite", readonly=True) as store:
        assert store.claims() == claims and result.claims == len(claims)
        assert [c.id for c in store.claims()] == [c.id for c in claims]
        assert store.articles() == [a.info() for a in articles]
        first = articles[0]
        back = store.article(first.key)
        assert (back.path, back.text, back.file_text, back.offset, back.meta) == \
               (first.path, first.text, first.file_text, first.offset, first.meta)
        assert store.claims(article_id=first.key) == [c for c in claims if c.article_key == first.key]
        assert store.claims(story="articles/crue-001") == [c for c in claims if c.article.story == "articles/crue-001"]
        assert store.stories() == {"articles/crue-000": 2, "articles/crue-001": 2, "articles/crue-002": 2}
        assert store.article("nope") is None
        meta = store.meta()
        assert meta["schema_version"] == str(schema.SCHEMA_VERSION) and meta["factcheck_version"]
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_round_trip_of_a_json_lines_feed(archive):
    feed = archive / "feed" / "wire.jsonl"
    feed.parent.mkdir()
    feed.write_text("".join(json.dumps({"id": f"w{i}", "text": f"Les secours ont compté {10 + i} blessés.",
                                        "date": "2024-02-01", "lang": "fr"}) + "\n" for i in range(3)),
                    encoding="utf-8")
    _index(paths=["feed"])
    articles = load_paths(["feed"])
    with ClaimStore.open("s.sqlite", readonly=True) as store:
        assert store.claims() == extract_articles(articles)
        last = store.article(articles[-1].key)
        assert last.offset > 0 and last.file_text == articles[-1].file_text and last.text == articles[-1].text


def test_store_paths_are_relative_to_its_folder_from_any_working_directory(archive, monkeypatch):
    _index()
    (archive / "sub").mkdir()
    monkeypatch.chdir(archive / "sub")
    result, extract = _index(path="../s.sqlite", paths=["../articles"])
    assert (result.indexed, result.unchanged) == (0, 6) and extract.calls == []
    assert store_base(str(archive / ".factcheck" / "store.sqlite")) == str(archive)


def test_store_skips_unchanged_files_without_extracting(archive):
    _index()
    result, extract = _index()
    assert (result.indexed, result.unchanged, result.claims) == (0, 6, 0)
    assert extract.calls == []


def test_store_reextracts_a_changed_file_and_replaces_its_claims(archive):
    _index()
    (archive / "articles" / "crue-001" / "a0.md").write_text(article_text(1, 0, version=5), encoding="utf-8")
    result, extract = _index()
    assert (result.indexed, result.unchanged) == (1, 5)
    assert extract.articles == ["articles/crue-001/a0.md"]
    with ClaimStore.open("s.sqlite", readonly=True) as store:
        fresh = extract_articles(load_paths(["articles"]))
        assert sorted(store.claims(), key=_order) == sorted(fresh, key=_order)  # nothing lost, nothing twice
        assert {c.value for c in store.claims(article_id="articles/crue-001/a0.md")} >= {26.0}


def test_store_prune_drops_vanished_files_only_when_asked(archive):
    _index()
    (archive / "articles" / "crue-002" / "a1.md").unlink()
    result, _ = _index()
    assert (result.unchanged, result.removed) == (5, 0)
    with ClaimStore.open("s.sqlite", readonly=True) as store:
        assert store.counts()[0] == 6
    result, _ = _index(prune=True)
    assert (result.unchanged, result.removed) == (5, 1)
    with ClaimStore.open("s.sqlite", readonly=True) as store:
        assert store.counts()[0] == 5 and "articles/crue-002/a1.md" not in {a.key for a in store.articles()}
        # pruning one folder leaves the files under other paths alone
    result, _ = _index(paths=["articles/crue-000"], prune=True)
    assert result.removed == 0


def test_store_pipeline_fingerprint_change_reextracts_everything(archive, monkeypatch):
    _index()
    monkeypatch.setattr(indexer_module, "pipeline_fingerprint", lambda: "another-pipeline")
    result, extract = _index()
    assert (result.indexed, result.unchanged) == (6, 0) and len(extract.articles) == 6
    result, _ = _index(lang="fr")  # another --lang is another extraction too
    assert result.indexed == 6


def test_store_fingerprint_is_stable_and_hex():
    from factcheck.store.fingerprint import pipeline_fingerprint

    fp = pipeline_fingerprint()
    assert fp == pipeline_fingerprint() and len(fp) == 32 and int(fp, 16) >= 0


def test_store_batches_commit_as_they_go(archive):
    seen = []
    result, extract = _index(batch_articles=2, progress=lambda r: seen.append(r.indexed))
    assert seen == [2, 4, 6] and len(extract.calls) == 3


def test_store_unreadable_file_is_reported_and_the_rest_indexed(archive):
    (archive / "articles" / "crue-000" / "bad.md").write_bytes(b"\xff\xfe\x00binary\x00")
    errors: list[InputError] = []
    result, _ = _index(on_error=errors.append)
    assert result.indexed == 6 and len(errors) == 1 and "bad.md" in str(errors[0])
    with pytest.raises(InputError):
        _index()


def test_store_set_story_moves_an_article_and_its_claims(archive):
    _index()
    with ClaimStore.open("s.sqlite") as store:
        key = "articles/crue-000/a0.md"
        store.set_story(key, "inondations-2024")
        assert {c.article.story for c in store.claims(article_id=key)} == {"inondations-2024"}
        assert len(store.claims(story="inondations-2024")) == len(store.claims(article_id=key)) > 0
        assert store.stories()["inondations-2024"] == 1 and store.article(key).story == "inondations-2024"
        with pytest.raises(StoreError):
            store.set_story("nope", "x")
    result, _ = _index()
    assert result.unchanged == 6  # a story set since is kept by an index run that changes nothing


def test_store_other_parts_may_add_tables(archive):
    _index()
    with ClaimStore.open("s.sqlite") as store:
        store.connection.execute("CREATE TABLE IF NOT EXISTS story_terms (story TEXT, term TEXT)")
    with ClaimStore.open("s.sqlite", readonly=True) as store:
        assert store.counts()[0] == 6


# ---------------------------------------------------------------- version safety


def _one_line(exc: pytest.ExceptionInfo) -> str:
    text = str(exc.value)
    assert "\n" not in text
    return text


@pytest.mark.parametrize("version", [1, 99])  # 1: a store from before frames were kept
def test_store_refuses_another_schema_version(tmp_path, version):
    path = str(tmp_path / "s.sqlite")
    ClaimStore.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    with pytest.raises(StoreError) as exc:
        ClaimStore.open(path)
    assert f"schema {version}" in _one_line(exc) and "--rebuild" in str(exc.value)
    assert f"factcheck index --rebuild --store {path}" in str(exc.value)
    ClaimStore.rebuild(path).close()
    with ClaimStore.open(path) as store:
        assert store.counts() == (0, 0)


def test_store_migrates_an_older_schema_when_it_can(tmp_path):
    path = str(tmp_path / "s.sqlite")
    ClaimStore.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    schema.check(conn, path, writable=True, factcheck_version="test",
                 migrations={schema.SCHEMA_VERSION - 1: ("CREATE TABLE added (x)",)})
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM added").fetchone()[0] == 0
    conn.close()


@pytest.mark.parametrize("content", [b"this is not a database at all " * 100, b"SQLite format 3\x00" + b"\x07" * 500])
def test_store_refuses_a_garbage_file_and_rebuild_replaces_it(tmp_path, content):
    path = tmp_path / "s.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreError) as exc:
        ClaimStore.open(str(path))
    assert "--rebuild" in _one_line(exc)
    ClaimStore.rebuild(str(path)).close()
    with ClaimStore.open(str(path), readonly=True) as store:
        assert store.counts() == (0, 0)


def test_store_never_replaces_another_sqlite_database(tmp_path):
    path = str(tmp_path / "app.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    for attempt in (ClaimStore.open, ClaimStore.rebuild):
        with pytest.raises(StoreError) as exc:
            attempt(path)
        assert "not a factcheck claim store" in _one_line(exc)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 0


def test_store_readonly_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError) as exc:
        ClaimStore.open(str(tmp_path / "none.sqlite"), readonly=True)
    assert "factcheck index" in _one_line(exc)
