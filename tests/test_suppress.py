import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from factcheck_sample import edit_claims, make_report  # noqa: E402

from factcheck.suppress import apply_suppressions, only_changed  # noqa: E402


def _suppress(report, article, rules, end=None):
    """A suppression comment over ``article`` (as loaded), seen by its claims (as extracted)."""
    article.meta["suppressions"] = [{"start": 0, "end": len(article.file_text) if end is None else end,
                                     "rules": rules}]
    edit_claims(report, lambda c: {"article": article.info()}, lambda c: c.article_key == article.key)


@pytest.mark.parametrize("rules, kept", [([], ["FC105"]), (["FC101"], ["FC105"]), (["FC102"], ["FC101", "FC105"])])
def test_suppress_first_article(rules, kept):
    report = make_report()
    _suppress(report, report.articles[0], rules)
    assert [f.rule_id for f in apply_suppressions(report.findings)] == kept


def test_suppress_range_must_contain_the_claim():
    report = make_report()
    _suppress(report, report.articles[0], [], end=10)
    assert len(apply_suppressions(report.findings)) == 2


def test_suppress_only_changed_keeps_findings_citing_a_changed_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = make_report()
    kept = only_changed(report.findings, {str(tmp_path / "stories/saisie/a.md")})
    assert [f.rule_id for f in kept] == ["FC101"]
    assert only_changed(report.findings, set()) == []


def test_changed_article_is_the_primary_location_in_every_ci_format(tmp_path, monkeypatch):
    """a.md unchanged, b.md changed: GitHub, SARIF and JUnit place the pair finding in b.md
    and point to a.md as the other passage."""
    import json
    from xml.etree import ElementTree as ET

    from factcheck.report import github, junit, sarif

    monkeypatch.chdir(tmp_path)
    report = make_report()
    assert report.findings[0].claims[0].path == "stories/saisie/a.md"  # the order without a change
    report.findings = only_changed(report.findings, {str(tmp_path / "stories/saisie/b.md")})
    assert [f.rule_id for f in report.findings] == ["FC101", "FC105"]
    pair = report.findings[0]
    assert [c.path for c in pair.claims] == ["stories/saisie/b.md", "stories/saisie/a.md"]

    first = github.render(report).splitlines()[0]
    assert first.startswith("::error file=stories/saisie/b.md,line=1,")
    assert first.endswith("%0Asee stories/saisie/a.md:3: 340 g")

    result = json.loads(sarif.render(report))["runs"][0]["results"][0]
    uri = lambda loc: loc["physicalLocation"]["artifactLocation"]["uri"]  # noqa: E731
    assert [uri(loc) for loc in result["locations"]] == ["stories/saisie/b.md"]
    assert [uri(loc) for loc in result["relatedLocations"]] == ["stories/saisie/a.md"]
    assert result["message"]["text"].endswith("(see [stories/saisie/a.md:3](1))")
    assert result["relatedLocations"][0]["id"] == 1

    cases = ET.fromstring(junit.render(report, fail_on="warning")).iter("testcase")
    failing = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failing and all(name.startswith("stories/saisie/b.md") for name in failing)


def test_only_changed_keeps_the_order_when_both_or_neither_changed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = make_report()
    both = {str(tmp_path / "stories/saisie/a.md"), str(tmp_path / "stories/saisie/b.md")}
    kept = only_changed(report.findings, both)
    assert [c.path for c in kept[0].claims] == ["stories/saisie/a.md", "stories/saisie/b.md"]
