"""``--format junit``: JUnit XML for GitLab, Jenkins and other CI test reports.

Each article is a test case (classname = story, name = path). An article is a passing
case when no finding at or above ``fail_on`` cites it first; otherwise it gives one case
per such finding, named ``path RULE claim`` (``a.md FC101 340 g``: no line number, so the
name survives edits elsewhere in the article), each with one ``<failure type="FC101"
message="…">``, because the JUnit schema (Ant's ``junit.xsd``) allows only one failure per
test case. Names are unique within a run (a repeat gets `` (2)``, `` (3)``), since CI
dashboards merge cases that share a name. Findings below ``fail_on`` are left out. One
``<testsuite>`` per story.

Times are the run's: every suite has the run's start as ``timestamp`` (UTC, the schema's
``YYYY-MM-DDTHH:MM:SS``). The run checks all articles together (they are compared with each
other), so an article's ``time`` is the run's wall-clock time shared out by the length of
its text, split evenly between its cases; a suite's ``time`` is the sum of its cases', and
the suites add up to the run.
"""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from factcheck.models import Article, Finding, Report, severity_rank
from factcheck.report.locations import region, relative_path


def _body(f: Finding, root: str | None) -> str:
    lines = [f"{f.severity} {f.rule_id} {f.rule_name}: {f.message} ({f.confidence_label})"]
    for c in f.claims:
        r = region(c)
        lines.append(f"  {relative_path(c.path, root)}:{r.start_line}:{r.start_column}: {c.text}")
    return "\n".join(lines)


def _article_seconds(report: Report) -> dict[str, float]:
    """The run's time shared out between the articles by the length of their text."""
    total = report.seconds or 0.0
    sizes = {a.key: max(1, len(a.text.strip())) for a in report.articles}
    whole = sum(sizes.values()) or 1
    return {key: total * size / whole for key, size in sizes.items()}


def _timestamp(report: Report) -> str:
    started = report.started or dt.datetime.now(dt.timezone.utc)
    if started.tzinfo is not None:
        started = started.astimezone(dt.timezone.utc)
    return started.strftime("%Y-%m-%dT%H:%M:%S")


def _unique(name: str, taken: set[str]) -> str:
    out, n = name, 1
    while out in taken:
        n += 1
        out = f"{name} ({n})"
    taken.add(out)
    return out


def _case_name(art: Article, root: str | None) -> str:
    return relative_path(art.path, root) + (f"#{art.id}" if art.meta.get("format") == "jsonl" else "")


def render(report: Report, fail_on: str = "warning", root: str | None = None) -> str:
    threshold = severity_rank(fail_on)
    by_article: dict[str, list[Finding]] = {}
    for f in report.findings:
        if severity_rank(f.severity) < threshold or not f.claims:
            continue
        by_article.setdefault(f.claims[0].article_key, []).append(f)
    seconds = _article_seconds(report)
    taken: set[str] = set()
    suites: dict[str, list[tuple[ET.Element, float]]] = {}
    for art in report.articles:
        story = art.story or "articles"
        name = _case_name(art, root)
        findings = by_article.get(art.key, [])
        cases = suites.setdefault(story, [])
        share = seconds.get(art.key, 0.0) / max(1, len(findings))
        if not findings:
            cases.append((ET.Element("testcase", classname=story, name=_unique(name, taken)), share))
        for f in findings:
            label = " ".join(f.claims[0].text.split())
            case = ET.Element("testcase", classname=story, name=_unique(f"{name} {f.rule_id} {label}", taken))
            failure = ET.SubElement(case, "failure", type=f.rule_id, message=f.message)
            failure.text = _body(f, root)
            cases.append((case, share))
    timestamp = _timestamp(report)
    root_el = ET.Element("testsuites")  # the schema allows no attributes here; counts are per suite
    for i, (story, cases) in enumerate(suites.items()):
        n_fail = sum(1 for c, _ in cases if c.find("failure") is not None)
        suite = ET.SubElement(root_el, "testsuite", name=story, tests=str(len(cases)), failures=str(n_fail),
                              errors="0", skipped="0", id=str(i), package=story, hostname="localhost",
                              timestamp=timestamp, time=f"{sum(t for _, t in cases):.3f}")
        ET.SubElement(suite, "properties")
        for case, t in cases:
            case.set("time", f"{t:.3f}")
            suite.append(case)
        ET.SubElement(suite, "system-out")
        ET.SubElement(suite, "system-err")
    ET.indent(root_el)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root_el, encoding="unicode") + "\n"
