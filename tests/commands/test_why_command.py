"""``factcheck why A B``: the two frames, the pairing, and each rule's decision, through
the real pipeline on a story written here."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main


@pytest.fixture
def story(tmp_path):
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.md").write_text('---\ntitle: "Saisie au port"\ndate: 2024-03-05\nlang: fr\n---\n\n'
                            "Les douaniers ont saisi 640 g de cocaïne dans un conteneur mardi.\n", encoding="utf-8")
    (d / "b.md").write_text('---\ntitle: "Saisie au port"\ndate: 2024-03-06\nlang: fr\n---\n\n'
                            "Mardi, les douaniers ont saisi 640 kg de cocaïne dans un conteneur. "
                            "Trois hommes ont été interpellés.\n", encoding="utf-8")
    return d


def test_why_explains_a_reported_pair(story, capsys):
    assert main(["why", f"{story}/a.md@640 g", f"{story}/b.md@640 kg"]) == 0
    out = capsys.readouterr().out
    assert "compared:" in out and "FIRES FC101" in out
    assert "subject cocaïne" in out


def test_why_json_names_the_rule_that_fired_and_the_frames(story, capsys):
    assert main(["why", f"{story}/a.md:7", f"{story}/b.md@640 kg", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    fired = [r["rule_id"] for r in data["rules"] if r["fired"]]
    assert fired == ["FC101"]
    assert data["compared"] is True and data["claims"][1]["frame"]["when"] == "2024-03-05"


def test_why_says_why_two_claims_were_never_compared(story, capsys):
    assert main(["why", f"{story}/a.md@640 g", f"{story}/b.md@Trois"]) == 0
    assert "not compared" in capsys.readouterr().out


@pytest.mark.parametrize("ref, message", [
    ("a.md@999", "no claim written"),
    ("a.md:99", "no claim at"),
    ("a.md", "name a claim as"),
])
def test_why_bad_reference_is_a_usage_error(story, capsys, ref, message):
    assert main(["why", f"{story}/{ref}", f"{story}/b.md@640 kg"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
