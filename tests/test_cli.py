"""The command line as a user meets it: exit codes, and one clear line for bad input."""

from __future__ import annotations

import json
import re

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


def _story_with_bad_files(tmp_path):
    """Two good articles that contradict each other, and every kind of bad file beside them."""
    story = tmp_path / "story"
    story.mkdir()
    _write(story, "a.md", ARTICLE)
    _write(story, "b.md", ARTICLE.replace("340 g de cocaïne", "340 kg de cocaïne"))
    for name, data in BAD_INPUTS:
        _write(story, name, data)
    return story


@pytest.mark.parametrize("command", ["check", "extract"])
def test_cli_bad_files_are_each_reported_and_the_rest_is_checked(tmp_path, capsys, command):
    story = _story_with_bad_files(tmp_path)
    assert main([command, "--format", "json", str(story), str(tmp_path / "absent.md")]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    named = sorted([n for n, _ in BAD_INPUTS] + ["absent.md"])
    assert len(lines) == len(named) and all(line.startswith("factcheck: error: ") for line in lines)
    assert sorted(re.match(r"factcheck: error: .*?([\w-]+\.md)[:;]", line).group(1) for line in lines) == named
    out = json.loads(captured.out)
    if command == "check":
        assert out["summary"]["articles"] == 2
        assert any({c["text"] for c in f["claims"]} == {"340 g", "340 kg"} for f in out["findings"])
    else:
        assert {c["path"].rsplit("/", 1)[-1] for c in out["claims"]} == {"a.md", "b.md"}


@pytest.mark.parametrize("command", ["check", "extract"])
def test_cli_strict_input_stops_at_the_first_bad_file(tmp_path, capsys, command):
    story = _story_with_bad_files(tmp_path)
    assert main([command, "--strict-input", str(story)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "binary.md" in captured.err  # first in order


@pytest.mark.parametrize("command", ["check", "extract"])
def test_cli_max_bytes_flag_and_config_key(tmp_path, capsys, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, "a.md", ARTICLE)
    size = path.stat().st_size
    assert main([command, "--max-bytes", str(size - 1), "a.md"]) == 2
    err = capsys.readouterr().err
    assert f"over the {size - 1}-byte limit" in err and "--max-bytes" in err
    assert main([command, "--max-bytes", str(size), "a.md"]) in (0, 1)
    (tmp_path / ".factcheck.toml").write_text(f"max-bytes = {size - 1}\n")
    assert main([command, "a.md"]) == 2
    assert "byte limit" in capsys.readouterr().err
    assert main([command, "--max-bytes", str(size), "a.md"]) in (0, 1)


def test_cli_max_bytes_must_be_a_positive_number(capsys):
    assert main(["check", "--max-bytes", "lots", "x.md"]) == 2
    assert "--max-bytes" in capsys.readouterr().err


def test_every_option_a_message_names_exists():
    """Hints such as "raise the limit (--max-bytes N)" must name options the CLI has."""
    import ast
    from pathlib import Path

    from factcheck.cli import build_parser

    parser = build_parser()
    options = set(parser._option_string_actions)
    for action in parser._subparsers._group_actions:
        for sub in action.choices.values():
            options |= set(sub._option_string_actions)
    root = Path(__file__).resolve().parents[1] / "factcheck"
    named: dict[str, str] = {}
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and id(node) not in docstrings and isinstance(node.value, str) and " " in node.value:
                for opt in re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", node.value):
                    named.setdefault(opt, f"{path.name}:{node.lineno}")
    assert "--max-bytes" in named and "--changed-since" in named
    missing = {opt: where for opt, where in named.items() if opt not in options}
    assert not missing, missing


def _dated(date_line):
    return ARTICLE.replace("date: 2024-03-02\n", date_line)


@pytest.mark.parametrize("command", ["check", "extract"])
def test_cli_verbose_notes_each_article_without_a_full_date(tmp_path, capsys, command):
    story = tmp_path / "story"
    story.mkdir()
    _write(story, "a-jour.md", ARTICLE)
    _write(story, "b-mois.md", _dated("date: 2024-03\n"))
    _write(story, "c-annee.md", _dated("date: 2024\n"))
    _write(story, "d-sans.md", _dated(""))
    _write(story, "e-flux.jsonl", '{"id": "depeche-1", "lang": "en", "text": "Police seized 340 kg of cocaine."}\n')
    assert main([command, str(story), "--verbose"]) in (0, 1)
    notes = capsys.readouterr().err.strip().splitlines()
    assert len(notes) == 4 and all(n.startswith("factcheck: note: ") for n in notes)
    assert [re.search(r"/([\w-]+)\.(?:md|jsonl)", n).group(1) for n in notes] == ["b-mois", "c-annee", "d-sans", "e-flux"]
    assert "only to the month (2024-03)" in notes[0] and "only to the year (2024)" in notes[1]
    assert "no publication date" in notes[2] and "(depeche-1)" in notes[3]
    assert all("weekday" in n for n in notes)
    assert main([command, str(story)]) in (0, 1)
    assert capsys.readouterr().err == ""  # not without --verbose


def test_cli_summary_counts_undated_articles_and_hidden_findings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story"
    story.mkdir()
    _write(story, "a.md", ARTICLE)
    _write(story, "b.md", _dated("").replace("340 g de cocaïne", "340 kg de cocaïne"))
    _write(story, "c.md", _dated("date: 2024-03\n").replace("340 g de cocaïne", "3,4 t de cocaïne"))
    assert main(["check", "story", "--write-baseline", "base.yaml"]) == 0
    capsys.readouterr()
    assert main(["check", "story", "--format", "json"]) == 1
    summary = json.loads(capsys.readouterr().out)["summary"]
    total = sum(summary["findings"].values())
    assert total >= 1
    assert summary["hidden"] == {"suppressed": 0, "baseline": 0, "revisions": 0}
    assert summary["undated"] == ["story/b.md"] and summary["partly_dated"] == ["story/c.md"]
    assert main(["check", "story"]) == 1
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "hidden" not in last and "1 article without a date; 1 article dated only to the month or year" in last
    # the baseline hides every finding it lists
    assert main(["check", "story", "--baseline", "base.yaml", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["hidden"] == {"suppressed": 0, "baseline": total, "revisions": 0}
    assert sum(summary["findings"].values()) == 0
    # a comment in b.md suppresses what cites its paragraph
    b = story / "b.md"
    b.write_text(b.read_text().replace("Les douaniers", "<!-- factcheck: ignore -->\nLes douaniers"))
    assert main(["check", "story", "--format", "json"]) in (0, 1)
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["hidden"]["suppressed"] >= 1 and summary["hidden"]["baseline"] == 0
    assert summary["hidden"]["suppressed"] + sum(summary["findings"].values()) == total
    assert main(["check", "story"]) in (0, 1)
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert f"hidden: {summary['hidden']['suppressed']} by suppressions, 0 by the baseline" in last


def _slip_story(tmp_path, comment_b):
    story = tmp_path / "story"
    story.mkdir(exist_ok=True)
    _write(story, "a.md", ARTICLE)
    b = ARTICLE.replace("340 g de cocaïne", "340 kg de cocaïne").replace("Les douaniers", comment_b + "\nLes douaniers")
    _write(story, "b.md", b)
    return story


@pytest.mark.parametrize("ref", ["FC101", "fc101", "unit-slip", "Unit-Slip"])
def test_cli_suppression_comment_takes_id_or_name(tmp_path, capsys, ref):
    story = _slip_story(tmp_path, f"<!-- factcheck: ignore {ref} -->")
    assert main(["check", "--format", "json", str(story)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["hidden"]["suppressed"] == 1 and captured.err == ""


@pytest.mark.parametrize("comment, ref, line, hint", [
    ("<!-- factcheck: ignore FC1O1 -->", "FC1O1", 8, "did you mean FC101 (unit-slip)?"),
    ("<!-- factcheck: ignore unit-slp -->", "unit-slp", 8, "did you mean FC101 (unit-slip)?"),
    ("<!-- factcheck: ignore FC105 FC999 -->", "FC999", 8, ""),
    ("\n<!-- factcheck: off weekday -->", "weekday", 9, ""),
])
def test_cli_unknown_rule_in_suppression_comment_warns_with_file_and_line(tmp_path, capsys, comment, ref, line,
                                                                           hint):
    story = _slip_story(tmp_path, comment)
    assert main(["check", "--format", "json", str(story)]) == 1  # nothing suppressed
    captured = capsys.readouterr()
    [warning] = captured.err.strip().splitlines()
    assert warning.startswith(f"factcheck: warning: {story.as_posix()}/b.md:{line}: unknown rule '{ref}'")
    assert hint in warning
    assert json.loads(captured.out)["summary"]["hidden"]["suppressed"] == 0


def test_cli_revisions_are_counted_and_shown_on_request(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story"
    story.mkdir()
    for name, date, toll in (("a.md", "2024-05-02", "neuf"), ("b.md", "2024-05-04", "onze")):
        (story / name).write_text(f"---\ntitle: Crue\ndate: {date}\nlang: fr\n---\n\n"
                                  f"Les inondations ont fait {toll} morts dans la vallée.\n", encoding="utf-8")
    assert main(["check", "story"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "0 findings" in last and "1 likely revision not shown (--revisions)" in last
    assert main(["check", "story", "--revisions", "--format", "json", "--fail-on", "info"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["severity"] for f in data["findings"]] == ["info"] and data["summary"]["hidden"]["revisions"] == 0
