"""What GitHub code scanning reads from SARIF (checked structurally, no external schema)."""

import json

from factcheck.report import sarif
from factcheck_sample import edit_claims, make_report


def _run(report, rules, **kw):
    data = json.loads(sarif.render(report, rules, **kw))
    assert data["version"] == "2.1.0" and "sarif" in data["$schema"]
    return data["runs"][0]


def test_sarif_driver_and_rules(report, rules):
    driver = _run(report, rules, version="9.9")["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] == "9.9" and driver["informationUri"]
    fc101 = driver["rules"][0]
    assert fc101["id"] == "FC101" and fc101["name"] == "unit-slip"
    assert fc101["fullDescription"]["text"] == "The same figure with two units."
    assert "340 kg de cocaïne" in fc101["help"]["text"]
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == ["error", "note"]


def test_sarif_result_location(report, rules):
    result = _run(report, rules)["results"][0]
    assert result["ruleId"] == "FC101" and result["ruleIndex"] == 0 and result["level"] == "error"
    assert result["message"]["text"].startswith("340 g contre 340 kg")
    (loc,) = result["locations"]
    phys = loc["physicalLocation"]
    assert phys["artifactLocation"] == {"uri": "stories/saisie/a.md", "uriBaseId": "%SRCROOT%"}
    region = phys["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (3, 25, 3, 30)
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "stories/saisie/b.md"
    assert related["region"]["startLine"] == 1 and related["region"]["startColumn"] == 11


def test_sarif_info_is_note(report, rules):
    assert _run(report, rules)["results"][1]["level"] == "note"


def test_sarif_unknown_rule_gets_a_descriptor(report):
    run = _run(report, [])
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["FC101", "FC105"]
    assert run["results"][1]["ruleIndex"] == 1


def test_sarif_fingerprint_ignores_line_numbers(report, rules):
    before = _run(report, rules)["results"][0]["partialFingerprints"]["factcheck/v1"]
    after_run = _run(make_report(intro="Intro.\n\n"), rules)
    assert after_run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert after_run["results"][0]["partialFingerprints"]["factcheck/v1"] == before


def test_sarif_fingerprint_changes_with_text(report, rules):
    before = _run(report, rules)["results"][0]["partialFingerprints"]["factcheck/v1"]
    edit_claims(report, lambda c: {"text": "341 g"}, lambda c: c is report.findings[0].claims[0])
    assert _run(report, rules)["results"][0]["partialFingerprints"]["factcheck/v1"] != before
