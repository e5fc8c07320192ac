"""The real pipeline (spaCy model) through the CLI: suppression comments, baseline, SARIF."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main

A = "---\nsource: A\n---\nLes douaniers ont saisi 340 g de cocaïne dans le coffre.\n"
B = "---\nsource: B\n---\n{comment}Au total, 340 kg de cocaïne ont été saisis dans le coffre.\n"


@pytest.mark.slow
@pytest.mark.parametrize("comment, code", [("", 1), ("<!-- factcheck: ignore FC101 -->\n", 0),
                                           ("<!-- factcheck: ignore FC104 -->\n", 1)])
def test_end_to_end_inline_suppression(tmp_path, monkeypatch, capsys, comment, code):
    (tmp_path / "a.md").write_text(A)
    (tmp_path / "b.md").write_text(B.format(comment=comment))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md", "b.md", "--format", "sarif", "--output", "r.sarif"]) == code
    results = json.loads((tmp_path / "r.sarif").read_text())["runs"][0]["results"]
    assert ("FC101" in [r["ruleId"] for r in results]) == (code == 1)
