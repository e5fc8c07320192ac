from xml.etree import ElementTree as ET

from factcheck.report import junit


def test_junit_counts_and_cases(report):
    root = ET.fromstring(junit.render(report, fail_on="warning"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "saisie" and suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("saisie", "stories/saisie/a.md"), ("saisie", "stories/saisie/b.md")]
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
