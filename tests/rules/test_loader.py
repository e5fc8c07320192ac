"""Rule files: the built-in ones load; a bad one is a one-line error naming file and line."""

from __future__ import annotations

import textwrap

import pytest

from factcheck.errors import RuleFileError
from factcheck.rules import KINDS, default_rule_dirs, load_rule_file, load_rules

GOOD = """\
id: FC901
name: test-rule
kind: value_conflict
severity: error
message:
  fr: "{a} contre {b}"
  en: "{a} vs {b}"
doc: A rule for tests.
params: {min_score: 0.8}
examples:
  bad: [["Trois policiers.", "Cinq policiers."]]
  good:
    - passages: ["Three officers."]
      lang: en
"""


def _write(tmp_path, text, name="FC901-test-rule.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_loader_builtin_rules_load_with_unique_ids():
    rules = load_rules()
    ids = [r.id for r in rules]
    assert ids == sorted(set(ids)) and len(ids) >= 10
    assert {r.kind for r in rules} == set(KINDS)
    assert default_rule_dirs()[0].is_dir()


def test_loader_builtin_rules_are_documented():
    for rule in load_rules():
        assert rule.doc and set(rule.message) == {"fr", "en"}
        doc = KINDS[rule.kind].__module__
        text = __import__(doc, fromlist=["x"]).__doc__
        for section in ("What it checks", "Why it matters", "Example", "Use instead", "Parameters"):
            assert section in text, f"{doc} lacks {section}"


def test_loader_reads_a_good_file(tmp_path):
    rule = load_rule_file(_write(tmp_path, GOOD))
    assert rule.id == "FC901" and rule.params == {"min_score": 0.8}
    assert rule.bad[0].passages == ("Trois policiers.", "Cinq policiers.")
    assert rule.good[0].lang == "en"


@pytest.mark.parametrize("old, new, line, words", [
    ("severity: error", "severity: fatal", 4, "'severity' must be one of error, warning, info"),
    ("kind: value_conflict", "kind: no_such_kind", 3, "unknown kind 'no_such_kind'"),
    ("doc: A rule for tests.\n", "", 1, "missing required field 'doc'"),
    ("params: {min_score: 0.8}", "params: {min_scor: 0.8}", 9, "unknown parameter 'min_scor'"),
    ("params: {min_score: 0.8}", "params: {min_score: high}", 9, "parameter 'min_score' must be a float"),
    ("params: {min_score: 0.8}", "params: {min_score: .inf}", 9, "parameter 'min_score' must be a finite number"),
    ("params: {min_score: 0.8}", "params: {min_score: 1.0e+309}", 9, "parameter 'min_score' must be a finite"),
    ("params: {min_score: 0.8}", "params: {min_score: .nan}", 9, "parameter 'min_score' must be a finite number"),
    ('en: "{a} vs {b}"', 'en: "{a} vs {c}"', 7, "unknown placeholder {c}"),
    ("id: FC901", "id: X1", 1, "'id' must look like FC101"),
    ('  fr: "{a} contre {b}"\n', "", 5, "'message' needs a 'fr' template"),
    ("name: test-rule", "name: Test Rule", 2, "'name' must be lowercase"),
    ("doc: A rule for tests.", "doc: A rule for tests.\ncolour: blue", 9, "unknown field 'colour'"),
])
def test_loader_bad_field_names_file_and_line(tmp_path, old, new, line, words):
    path = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith(f"{path}:{line}: ") or msg.split(": ", 1)[0].endswith(f"FC901-test-rule.yaml:{line}")
    assert words in msg


def test_loader_invalid_yaml_names_the_line(tmp_path):
    path = _write(tmp_path, GOOD.replace("severity: error", "severity: [error"))
    with pytest.raises(RuleFileError, match=r"FC901-test-rule\.yaml:\d+: invalid YAML"):
        load_rule_file(path)


def test_loader_file_name_must_carry_the_id(tmp_path):
    with pytest.raises(RuleFileError, match="file name must start with the rule id"):
        load_rule_file(_write(tmp_path, GOOD, name="FC902-other.yaml"))


def test_loader_duplicate_id_in_one_directory(tmp_path):
    _write(tmp_path, GOOD)
    _write(tmp_path, GOOD, name="FC901-copy.yaml")
    with pytest.raises(RuleFileError, match="duplicate rule id FC901"):
        load_rules([tmp_path])


def test_loader_later_directory_overrides_by_id(tmp_path):
    builtin = load_rules()
    fc104 = next(r for r in builtin if r.id == "FC104")
    text = open(fc104.path, encoding="utf-8").read().replace("min_score: 0.75", "min_score: 0.9")
    (tmp_path / "FC104-value-conflict.yaml").write_text(text, encoding="utf-8")
    rules = load_rules([*default_rule_dirs(), tmp_path])
    assert next(r for r in rules if r.id == "FC104").params["min_score"] == 0.9
    assert len(rules) == len(builtin)


def test_loader_missing_directory():
    with pytest.raises(RuleFileError, match="no such rule directory"):
        load_rules(["/nonexistent/rules"])
