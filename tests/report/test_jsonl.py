import json

from factcheck.report import json_report, jsonl


def test_jsonl_one_finding_per_line(report):
    lines = jsonl.render(report).splitlines()
    assert len(lines) == len(report.findings)
    assert [json.loads(x) for x in lines] == json.loads(json_report.render(report))["findings"]


def test_jsonl_empty_report_is_empty(report):
    report.findings = []
    assert jsonl.render(report) == ""


def test_json_findings_carry_the_fingerprint_a_baseline_and_sarif_use(report, rules):
    from factcheck.report import sarif

    findings = json.loads(json_report.render(report))["findings"]
    results = json.loads(sarif.render(report, rules))["runs"][0]["results"]
    assert [f["fingerprint"] for f in findings] == [r["partialFingerprints"]["factcheck/v1"] for r in results]
    assert len(set(f["fingerprint"] for f in findings)) == len(findings)
