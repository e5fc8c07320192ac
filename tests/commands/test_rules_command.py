import pytest

from factcheck.cli import main
from factcheck.commands.rules import render_rule, render_table
from factcheck.models import Example, Rule

RULE = Rule(id="FC101", name="unit-slip", kind="unit_slip", severity="error",
            message={"fr": "{a} contre {b}", "en": "{a} vs {b}"}, doc="Two units. For one fact.",
            params={"min_score": 0.5},
            bad=(Example(("340 g de cocaïne", "340 kg de cocaïne")),), good=(Example(("2 t", "2 000 kg"), "en"),))


def test_rules_table_one_line_per_rule():
    out = render_table([RULE], width=200)
    lines = [x for x in out.splitlines() if x.strip()]
    assert len(lines) == 2
    assert lines[1].split()[:4] == ["FC101", "unit-slip", "error", "unit_slip"]
    assert "Two units." in lines[1] and "For one fact" not in lines[1]


def test_rules_show_one_has_doc_and_examples():
    out = render_rule(RULE)
    assert out.startswith("FC101 unit-slip\n")
    assert "Two units. For one fact." in out and "min_score=0.5" in out
    assert "« 340 kg de cocaïne »" in out and "[en] « 2 t »" in out


def test_rules_command_lists_builtin_rules(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "FC101" in out and "unit-slip" in out


def test_rules_command_respects_ignore(capsys):
    assert main(["rules", "--ignore", "FC101"]) == 0
    assert "FC101" not in capsys.readouterr().out


@pytest.mark.parametrize("rid", ["FC101", "fc101"])
def test_rules_command_shows_one(capsys, rid):
    assert main(["rules", rid]) == 0
    out = capsys.readouterr().out
    assert out.startswith("FC101 unit-slip") and "Bad (the rule fires):" in out


def test_rules_command_unknown_id_exits_2(capsys):
    assert main(["rules", "FC999"]) == 2
    assert "FC999" in capsys.readouterr().err


@pytest.mark.parametrize("ref", ["FC101", "fc101", "unit-slip", "UNIT-SLIP"])
def test_rules_shows_one_rule_by_id_or_name(capsys, ref):
    assert main(["rules", ref]) == 0
    assert capsys.readouterr().out.startswith("FC101 unit-slip\n")


def test_rules_every_rule_by_its_name(capsys):
    from factcheck.rules import load_rules

    for rule in load_rules():
        assert main(["rules", rule.name]) == 0
        assert capsys.readouterr().out.startswith(f"{rule.id} {rule.name}\n")


def test_rules_unknown_name_suggests_the_nearest(capsys):
    assert main(["rules", "unit-slp"]) == 2
    err = capsys.readouterr().err
    assert "no rule unit-slp; did you mean FC101 (unit-slip)?" in err and len(err.splitlines()) == 1
