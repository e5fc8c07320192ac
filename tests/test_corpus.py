"""The bundled corpus: every planted inconsistency is found, no consistent look-alike is flagged.

Each story's ``expected.yaml`` lists the contradictions (with the quotes they cite) and the
consistent pairs. A finding detects a contradiction when, for every quote, it cites a claim
in the same file that overlaps the quote; a single-quote item (a weekday) needs every claim
of the finding inside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.api import check

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
STORIES = sorted(p for p in CORPUS.iterdir() if (p / "expected.yaml").exists())


@pytest.fixture(scope="module")
def reports():
    return {story.name: check([story]) for story in STORIES}


def _span(story: Path, quote: dict) -> tuple[str, int, int]:
    text = (story / quote["file"]).read_text(encoding="utf-8")
    start = -1
    for _ in range(quote.get("occurrence", 0) + 1):
        start = text.index(quote["quote"], start + 1)
    return quote["file"], start, start + len(quote["quote"])


def _overlaps(claim, span) -> bool:
    name, start, end = span
    return Path(claim.path).name == name and claim.start < end and start < claim.end


def _detects(finding, spans) -> bool:
    if len(spans) == 1:
        return all(_overlaps(c, spans[0]) for c in finding.claims)
    return all(any(_overlaps(c, s) for c in finding.claims) for s in spans)


def _items(kind: str):
    for story in STORIES:
        data = yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8"))
        for item in data.get(kind) or []:
            yield pytest.param(story, item, id=f"{story.name}-{item['id']}")


@pytest.mark.parametrize(("story", "item"), list(_items("contradictions")))
def test_corpus_contradiction_is_found(reports, story, item):
    spans = [_span(story, q) for q in item["claims"]]
    findings = [f for f in reports[story.name].findings if f.severity != "info"]
    assert any(_detects(f, spans) for f in findings), item.get("why", item["id"])


@pytest.mark.parametrize(("story", "item"), list(_items("consistent")))
def test_corpus_look_alike_is_not_flagged(reports, story, item):
    spans = [_span(story, q) for q in item["claims"]]
    flagged = [f.message for f in reports[story.name].findings if f.severity != "info" and _detects(f, spans)]
    assert not flagged, item.get("why", item["id"])


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_corpus_every_finding_is_a_planted_one(reports, story):
    data = yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8"))
    planted = [[_span(story, q) for q in item["claims"]] for item in data["contradictions"]]
    stray = [f.message for f in reports[story.name].findings
             if f.severity != "info" and not any(_detects(f, spans) for spans in planted)]
    assert not stray
