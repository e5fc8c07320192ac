"""``--format text``: each finding with both passages side by side, grouped by story."""

from __future__ import annotations

import io
from typing import Mapping

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from factcheck.models import Article, Claim, Finding, Report
from factcheck.report.locations import articles_by_key, passage

_STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}


def _passage(claim: Claim, article: Article | None) -> Text:
    """The prose around the claim, the number highlighted."""
    p = passage(claim, article)
    return Text.assemble(p.before + " ", (p.cited, "bold reverse"), " " + p.after)


def _where(claim: Claim) -> str:
    art = claim.article
    meta = ""
    if art is not None:
        meta = ", ".join(x for x in (art.source, art.date.isoformat() if art.date else "") if x)
    return f"{claim.path}:{claim.line}:{claim.column}" + (f"  ({meta})" if meta else "")


def render_finding(console: Console, f: Finding, articles: Mapping[str, Article] | None = None) -> None:
    """One finding; ``articles`` (by key) give the prose around each figure."""
    articles = articles or {}
    console.print(Text.assemble((f"{f.severity}", _STYLE.get(f.severity, "")), " ",
                                (f"{f.rule_id}", "bold"), f" {f.rule_name}: ", escape(f.message),
                                (f"  [{f.confidence_label}]", "dim")))
    table = Table(show_header=False, box=None, padding=(0, 2), expand=True)
    for _ in f.claims:
        table.add_column(ratio=1, overflow="fold")
    table.add_row(*[Text(_where(c), style="dim") for c in f.claims])
    table.add_row(*[_passage(c, articles.get(c.article_key)) for c in f.claims])
    console.print(table)
    console.print()


def _n(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    """"2 articles, 9 claims, 1 finding (…); hidden: 2 by suppressions, 1 by the baseline; 1 article
    without a date": what was checked, found and left aside."""
    counts = report.counts()
    by_severity = ", ".join(_n(counts[s], s) for s in ("error", "warning", "info"))
    line = (f"{_n(len(report.articles), 'article')}, {_n(len(report.claims), 'claim')}, "
            f"{_n(len(report.findings), 'finding')} ({by_severity})")
    hidden = report.summary()["hidden"]
    if hidden["suppressed"] or hidden["baseline"]:
        line += (f"; hidden: {hidden['suppressed']} by suppressions, {hidden['baseline']} by the baseline")
    if hidden["revisions"]:
        line += f"; {_n(hidden['revisions'], 'likely revision')} not shown (--revisions)"
    notes = []
    if report.undated():
        notes.append(_n(len(report.undated()), "article") + " without a date")
    if report.partly_dated():
        notes.append(_n(len(report.partly_dated()), "article") + " dated only to the month or year")
    if report.input_errors:
        notes.append(_n(len(report.input_errors), "file") + " not read")
    return line + "".join(f"; {n}" for n in notes)


def render(report: Report, color: bool = False, width: int = 120) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    articles = articles_by_key(report.articles)
    stories: dict[str, list[Finding]] = {}
    for f in report.findings:
        story = f.claims[0].article.story if f.claims and f.claims[0].article is not None else ""
        stories.setdefault(story, []).append(f)
    for story, findings in stories.items():
        if story:
            console.rule(Text(story, style="bold"), align="left")
        for f in findings:
            render_finding(console, f, articles)
    console.print(summary_line(report), soft_wrap=True)  # one line, for grep and CI logs
    return buf.getvalue()
