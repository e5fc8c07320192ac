"""A process that checks draft after draft keeps the archived stories it read, and reads again
what the store changed since; what the store derived gives the findings a full computation gives."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from factcheck import api, archive as archive_module
from factcheck.store import ClaimStore, index_paths

_spec = importlib.util.spec_from_file_location("against_cases", Path(__file__).with_name("test_against.py"))
_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cases)
ARCHIVE, ARTICLE, DRAFT = _cases.ARCHIVE, _cases.ARTICLE, _cases.DRAFT  # the archive and draft of those tests


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh archive (two stories) indexed into ``arch.sqlite``; the working directory there."""
    for path, (title, date, source, body) in ARCHIVE.items():
        file = tmp_path / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(ARTICLE.format(title=title, date=date, source=source, body=body), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _index()
    return tmp_path


def _index() -> None:
    with ClaimStore.open("arch.sqlite") as s:
        index_paths(s, ["archive"])


class Reads:
    """``ClaimStore.checkable``, counting the article ids it is asked to read."""

    def __init__(self, monkeypatch):
        self.ids: list[str] = []
        original = ClaimStore.checkable

        def checkable(store, ids):
            self.ids.extend(ids)
            return original(store, ids)

        monkeypatch.setattr(ClaimStore, "checkable", checkable)


def _cited(report) -> list[set[tuple[str, str]]]:
    return [{(c.path, c.text) for c in f.claims} for f in report.findings]


def test_a_warm_process_reads_an_unchanged_story_once(store, monkeypatch):
    reads = Reads(monkeypatch)
    first = api.check_draft(DRAFT, store="arch.sqlite", path="draft.md")
    assert sorted(reads.ids) == ["archive/feu/a.md", "archive/feu/b.md"]
    again = api.check_draft(DRAFT, store="arch.sqlite", path="draft.md")
    assert sorted(reads.ids) == ["archive/feu/a.md", "archive/feu/b.md"]  # nothing read again
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in first.findings]


def test_an_article_indexed_again_is_read_again_and_its_change_seen(store, monkeypatch):
    reads = Reads(monkeypatch)
    before = api.check_draft(DRAFT, store="arch.sqlite", path="draft.md")
    assert any(("archive/feu/a.md", "120 hectares") in c for c in _cited(before))
    title, date, source, body = ARCHIVE["archive/feu/a.md"]
    (store / "archive/feu/a.md").write_text(
        ARTICLE.format(title=title, date=date, source=source, body=body.replace("120 hectares", "150 hectares")),
        encoding="utf-8")
    _index()
    reads.ids.clear()
    after = api.check_draft(DRAFT, store="arch.sqlite", path="draft.md")
    assert reads.ids == ["archive/feu/a.md"]  # the changed article only
    assert not any(("archive/feu/a.md", "120 hectares") in c for c in _cited(after))
    assert any(("archive/feu/b.md", "120 hectares") in c for c in _cited(after))


def test_a_rebuilt_store_at_the_same_path_is_not_mistaken_for_the_cached_one(store, monkeypatch):
    api.check_draft(DRAFT, store="arch.sqlite", path="draft.md")
    ClaimStore.rebuild("arch.sqlite").close()
    with ClaimStore.open("arch.sqlite") as s:
        index_paths(s, ["archive/crue"])  # the fire's story is gone
    report = api.check_draft(DRAFT, store="arch.sqlite", path="draft.md")
    assert not any(c.path.startswith("archive/feu") for f in report.findings for c in f.claims)


def test_what_the_store_derived_gives_the_findings_of_a_full_computation(store, monkeypatch):
    archive_module._CACHE.clear()
    stored = api.check_draft(DRAFT, store="arch.sqlite", path="draft.md")
    archive_module._CACHE.clear()
    # a store of another pipeline: features, subject keys, folded texts and moments computed in the check
    monkeypatch.setattr(archive_module, "pipeline_fingerprint", lambda: "another")
    import factcheck.align as align_module

    align_module._FEATURES.clear()
    computed = api.check_draft(DRAFT, store="arch.sqlite", path="draft.md")
    assert stored.findings and [f.to_dict() for f in stored.findings] == [f.to_dict() for f in computed.findings]


def test_a_store_of_another_pipeline_gives_nothing_known(store, monkeypatch):
    from factcheck.archive import gather, open_archive
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_text

    draft = load_text(DRAFT, path="draft.md")
    claims = extract_articles([draft])
    with open_archive("arch.sqlite") as s:
        current = gather(s, [draft], claims)
        monkeypatch.setattr(archive_module, "pipeline_fingerprint", lambda: "another")
        other = gather(s, [draft], claims)
    assert len(current.known.features) == len(current.claims) > 0 and len(current.known.moments) == 2
    assert not other.known.features and not other.known.folded and other.claims == current.claims
