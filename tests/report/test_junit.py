from xml.etree import ElementTree as ET

from factcheck.report import junit


def test_junit_counts_and_cases(report):
    root = ET.fromstring(junit.render(report, fail_on="warning"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "saisie" and suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("saisie", "stories/saisie/a.md FC101 340 g"), ("saisie", "stories/saisie/b.md")]
    failure = cases[0].find("failure")
    assert failure.get("type") == "FC101" and "340 kg" in failure.get("message")
    assert "stories/saisie/b.md:1:11" in failure.text
    assert cases[1].find("failure") is None


def test_junit_fail_on_info_includes_info(report):
    root = ET.fromstring(junit.render(report, fail_on="info"))
    assert root.find("testsuite").get("failures") == "2"


def test_junit_one_failure_per_case_when_article_has_several(report):
    report.findings[1].claims = (report.findings[0].claims[0],)
    suite = ET.fromstring(junit.render(report, fail_on="info")).find("testsuite")
    assert suite.get("tests") == "3"
    assert all(len(c.findall("failure")) <= 1 for c in suite.findall("testcase"))


def test_junit_escapes_markup(report):
    text = junit.render(report, fail_on="info")
    assert "&lt;x&gt;" in text
    ET.fromstring(text)


# Validity, times and names, for any report -------------------------------------------------

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "junit.xsd")))


def _valid(text: str) -> ET.Element:
    doc = etree.fromstring(text.encode("utf-8"))
    assert SCHEMA.validate(doc), SCHEMA.error_log
    return ET.fromstring(text)


def _crowded(report, repeats: int):
    """The same finding many times over on one line, and two JSONL records with one id."""
    base = report.findings[0]
    report.findings = [dataclasses.replace(base) for _ in range(repeats)] + report.findings
    twin = dataclasses.replace(report.articles[1], meta={"format": "jsonl"}, id="depeche")
    report.articles[1].meta["format"] = "jsonl"
    report.articles[1].id = "depeche"
    report.articles.append(twin)
    return report


@pytest.mark.parametrize("repeats", [0, 1, 2, 5])
@pytest.mark.parametrize("fail_on", ["error", "info"])
def test_junit_names_are_unique_and_output_is_valid(report, repeats, fail_on):
    root = _valid(junit.render(_crowded(report, repeats), fail_on=fail_on))
    names = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(names) == len(set(names))
    # every finding of the crowded line is a case; the two records named alike are two cases
    assert len(names) == repeats + 3
    assert sum(1 for _, n in names if n.startswith("stories/saisie/a.md FC101")) == repeats + 1


def test_junit_timestamp_and_times_are_the_runs(report):
    report.started = dt.datetime(2024, 3, 2, 9, 30, 15, 123456, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    report.seconds = 4.0
    root = _valid(junit.render(report, fail_on="info"))
    (suite,) = root.findall("testsuite")
    assert suite.get("timestamp") == "2024-03-02T08:30:15"  # UTC
    times = [float(c.get("time")) for c in suite.iter("testcase")]
    assert all(t > 0 for t in times) and sum(times) == pytest.approx(4.0, abs=0.01)
    assert float(suite.get("time")) == pytest.approx(sum(times), abs=0.01)


def test_junit_without_run_times_is_now_and_valid(report):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    suite = _valid(junit.render(report)).find("testsuite")
    stamp = dt.datetime.fromisoformat(suite.get("timestamp"))
    assert before <= stamp <= dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def test_junit_from_a_real_run_has_a_real_timestamp(tmp_path):
    from factcheck import api

    (tmp_path / "a.md").write_text("---\nlang: fr\ndate: 2024-03-02\n---\nLes douaniers ont saisi 340 g de cocaïne.\n")
    (tmp_path / "b.md").write_text("---\nlang: fr\ndate: 2024-03-02\n---\nLes douaniers ont saisi 340 kg de cocaïne.\n")
    report = api.check([str(tmp_path)])
    suite = _valid(junit.render(report)).find("testsuite")
    stamp = dt.datetime.fromisoformat(suite.get("timestamp"))
    assert abs(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) - stamp) < dt.timedelta(hours=1)
    assert float(suite.get("time")) > 0
