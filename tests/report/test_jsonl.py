import json

from factcheck.report import json_report, jsonl


def test_jsonl_one_finding_per_line(report):
    lines = jsonl.render(report).splitlines()
    assert len(lines) == len(report.findings)
    assert [json.loads(x) for x in lines] == json.loads(json_report.render(report))["findings"]


def test_jsonl_empty_report_is_empty(report):
    report.findings = []
    assert jsonl.render(report) == ""
