"""The command line as a user meets it: exit codes, and one clear line for bad input."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main

ARTICLE = """---
title: "Saisie au port"
source: "Le Courrier"
date: 2024-03-02
lang: fr
---

Les douaniers ont saisi 340 g de cocaïne et 12 000 € en liquide.
"""


def _write(tmp_path, name, data):
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_cli_extract_json_lists_claims(tmp_path, capsys):
    path = _write(tmp_path, "a.md", ARTICLE)
    assert main(["extract", "--format", "json", str(path)]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert [(c["text"], c["unit"], c["subject"]) for c in claims] == [("340 g", "gram", "cocaïne"),
                                                                       ("12 000 €", "EUR", "liquide")]
    assert ARTICLE[claims[0]["start"]:claims[0]["end"]] == "340 g"


def test_cli_extract_text_is_a_table(tmp_path, capsys):
    assert main(["extract", str(_write(tmp_path, "a.md", ARTICLE))]) == 0
    out = capsys.readouterr().out
    assert "340 g" in out and "cocaïne" in out and "2 claim(s)" in out


def test_cli_check_exit_one_on_a_contradiction(tmp_path, capsys):
    story = tmp_path / "story"
    story.mkdir()
    _write(story, "a.md", ARTICLE)
    _write(story, "b.md", ARTICLE.replace("340 g de cocaïne", "340 kg de cocaïne").replace("2024-03-02", "2024-03-03"))
    assert main(["check", "--format", "json", str(story)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert any({c["text"] for c in f["claims"]} == {"340 g", "340 kg"} for f in findings)


def test_cli_check_exit_zero_when_below_fail_on(tmp_path, capsys):
    story = tmp_path / "story"
    story.mkdir()
    _write(story, "a.md", ARTICLE)
    _write(story, "b.md", ARTICLE.replace("2024-03-02", "2024-03-03"))
    assert main(["check", str(story)]) == 0


BAD_INPUTS = [
    ("empty.md", b""),
    ("binary.md", b"\x00\x01\x02binary\x00"),
    ("latin1.md", "Le caf\u00e9 co\u00fbte 2 \u20ac.".encode("cp1252")),
    ("front.md", b"---\ntitle: [unclosed\n---\nTexte avec 3 chiffres.\n"),
    ("unterminated.md", b"---\ntitle: x\nTexte sans fin de front matter, 3 euros.\n"),
    ("german.md", "---\nlang: de\n---\nDie Polizei hat 3 kg beschlagnahmt.\n".encode()),
]


@pytest.mark.parametrize(("name", "data"), BAD_INPUTS, ids=[n for n, _ in BAD_INPUTS])
def test_cli_bad_input_is_one_line_and_exit_two(tmp_path, capsys, name, data):
    path = _write(tmp_path, name, data)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("factcheck: error:") and "\n" not in err and name in err


def test_cli_huge_file_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert "huge.txt" in err and len(err.strip().splitlines()) == 1


def test_cli_unknown_language_flag(tmp_path, capsys):
    path = _write(tmp_path, "plain.txt", "Die Polizei hat 3 kg beschlagnahmt.")
    assert main(["extract", "--lang", "de", str(path)]) == 2
    assert "de" in capsys.readouterr().err


def test_cli_missing_file(capsys):
    assert main(["check", "does-not-exist.md"]) == 2
    assert "does-not-exist.md" in capsys.readouterr().err


def test_cli_usage_error_is_two(capsys):
    assert main(["check", "--format", "nope", "x.md"]) == 2


def test_cli_jobs_must_be_positive(capsys):
    assert main(["extract", "--jobs", "0", "x.md"]) == 2
    assert "--jobs" in capsys.readouterr().err
