import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from factcheck_sample import make_report  # noqa: E402

from factcheck.suppress import apply_suppressions, only_changed  # noqa: E402


def _suppress(article, rules):
    article.meta["suppressions"] = [{"start": 0, "end": len(article.file_text), "rules": rules}]


@pytest.mark.parametrize("rules, kept", [([], ["FC105"]), (["FC101"], ["FC105"]), (["FC102"], ["FC101", "FC105"])])
def test_suppress_first_article(rules, kept):
    report = make_report()
    _suppress(report.articles[0], rules)
    assert [f.rule_id for f in apply_suppressions(report.findings)] == kept


def test_suppress_range_must_contain_the_claim():
    report = make_report()
    report.articles[0].meta["suppressions"] = [{"start": 0, "end": 10, "rules": []}]
    assert len(apply_suppressions(report.findings)) == 2


def test_suppress_only_changed_keeps_findings_citing_a_changed_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = make_report()
    kept = only_changed(report.findings, {str(tmp_path / "stories/saisie/a.md")})
    assert [f.rule_id for f in kept] == ["FC101"]
    assert only_changed(report.findings, set()) == []
