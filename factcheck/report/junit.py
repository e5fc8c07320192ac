"""``--format junit``: JUnit XML for GitLab, Jenkins and other CI test reports.

Each article is a test case (classname = story, name = path). An article is a passing
case when no finding at or above ``fail_on`` cites it first; otherwise it gives one case
per such finding, each with one ``<failure type="FC101" message="…">``, because the JUnit
schema (Jenkins ``junit.xsd``) allows only one failure per test case.
Findings below ``fail_on`` are left out. One ``<testsuite>`` per story.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from factcheck.models import Finding, Report, severity_rank
from factcheck.report.locations import region, relative_path


def _body(f: Finding, root: str | None) -> str:
    lines = [f"{f.severity} {f.rule_id} {f.rule_name}: {f.message} ({f.confidence_label})"]
    for c in f.claims:
        r = region(c)
        lines.append(f"  {relative_path(c.path, root)}:{r.start_line}:{r.start_column}: {c.text}")
    return "\n".join(lines)


def render(report: Report, fail_on: str = "warning", root: str | None = None) -> str:
    threshold = severity_rank(fail_on)
    by_article: dict[int, list[Finding]] = {}
    for f in report.findings:
        if severity_rank(f.severity) < threshold or not f.claims:
            continue
        art = f.claims[0].article
        by_article.setdefault(id(art), []).append(f)
    suites: dict[str, list[ET.Element]] = {}
    for art in report.articles:
        story = art.story or "articles"
        path = relative_path(art.path, root) + (f"#{art.id}" if art.offset else "")  # a JSONL record
        findings = by_article.get(id(art), [])
        cases = suites.setdefault(story, [])
        if not findings:
            cases.append(ET.Element("testcase", classname=story, name=path))
        for f in findings:
            r = region(f.claims[0])
            case = ET.Element("testcase", classname=story, name=path if len(findings) == 1 else
                              f"{path}:{r.start_line} {f.rule_id}")
            failure = ET.SubElement(case, "failure", type=f.rule_id, message=f.message)
            failure.text = _body(f, root)
            cases.append(case)
    root_el = ET.Element("testsuites")  # the schema allows no attributes here; counts are per suite
    for i, (story, cases) in enumerate(suites.items()):
        n_fail = sum(1 for c in cases if c.find("failure") is not None)
        suite = ET.SubElement(root_el, "testsuite", name=story, tests=str(len(cases)), failures=str(n_fail),
                              errors="0", skipped="0", id=str(i), package=story, hostname="localhost",
                              timestamp="1970-01-01T00:00:00", time="0")
        ET.SubElement(suite, "properties")
        for case in cases:
            case.set("time", "0")
            suite.append(case)
        ET.SubElement(suite, "system-out")
        ET.SubElement(suite, "system-err")
    ET.indent(root_el)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root_el, encoding="unicode") + "\n"
