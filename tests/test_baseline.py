import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from factcheck_sample import edit_claims, make_report  # noqa: E402

from factcheck import baseline  # noqa: E402
from factcheck.errors import ConfigError  # noqa: E402


@pytest.mark.parametrize("name", ["b.yaml", "b.json"])
def test_baseline_round_trip_drops_accepted(tmp_path, name):
    path = tmp_path / name
    report = make_report()
    path.write_text(baseline.render(report.findings[:1], json_format=name.endswith(".json")))
    kept = baseline.load(str(path)).filter(make_report().findings)
    assert [f.rule_id for f in kept] == ["FC105"]


def test_baseline_has_fields_for_humans():
    text = baseline.render(make_report().findings)
    assert "reason: ''" in text and "reviewer: ''" in text and "file: a.md" in text


def test_baseline_ignores_line_moves(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(baseline.render(make_report().findings))
    report = make_report()
    edit_claims(report, lambda c: {"line": c.line + 10, "start": c.start + 100})
    assert baseline.load(str(path)).filter(report.findings) == []


def test_baseline_new_finding_survives(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(baseline.render(make_report().findings))
    report = make_report()
    edit_claims(report, lambda c: {"text": "350 kg"}, lambda c: c is report.findings[0].claims[1])
    # both findings cite the edited claim, so neither is the accepted one any more
    assert [f.rule_id for f in baseline.load(str(path)).filter(report.findings)] == ["FC101", "FC105"]


@pytest.mark.parametrize("body", ["findings: 3\n", "findings:\n  - {rule: FC101}\n", "[: bad"])
def test_baseline_invalid_is_config_error(tmp_path, body):
    path = tmp_path / "b.yaml"
    path.write_text(body)
    with pytest.raises(ConfigError, match=str(path)):
        baseline.load(str(path))


def test_baseline_missing_file_says_how_to_create(tmp_path):
    with pytest.raises(ConfigError, match="--write-baseline"):
        baseline.load(str(tmp_path / "nope.yaml"))
