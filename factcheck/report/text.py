"""``--format text``: each finding with both passages side by side, grouped by story."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from factcheck.models import Claim, Finding, Report
from factcheck.report.locations import passage

_STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}


def _passage(claim: Claim) -> Text:
    """The prose around the claim, the number highlighted."""
    p = passage(claim)
    return Text.assemble(p.before + " ", (p.cited, "bold reverse"), " " + p.after)


def _where(claim: Claim) -> str:
    art = claim.article
    meta = ""
    if art is not None:
        meta = ", ".join(x for x in (art.source, art.date.isoformat() if art.date else "") if x)
    return f"{claim.path}:{claim.line}:{claim.column}" + (f"  ({meta})" if meta else "")


def render_finding(console: Console, f: Finding) -> None:
    console.print(Text.assemble((f"{f.severity}", _STYLE.get(f.severity, "")), " ",
                                (f"{f.rule_id}", "bold"), f" {f.rule_name}: ", escape(f.message),
                                (f"  [{f.confidence_label}]", "dim")))
    table = Table(show_header=False, box=None, padding=(0, 2), expand=True)
    for _ in f.claims:
        table.add_column(ratio=1, overflow="fold")
    table.add_row(*[Text(_where(c), style="dim") for c in f.claims])
    table.add_row(*[_passage(c) for c in f.claims])
    console.print(table)
    console.print()


def render(report: Report, color: bool = False, width: int = 120) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    stories: dict[str, list[Finding]] = {}
    for f in report.findings:
        story = f.claims[0].article.story if f.claims and f.claims[0].article is not None else ""
        stories.setdefault(story, []).append(f)
    for story, findings in stories.items():
        if story:
            console.rule(Text(story, style="bold"), align="left")
        for f in findings:
            render_finding(console, f)
    counts = report.counts()
    summary = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info"))
    console.print(f"{len(report.articles)} articles, {len(report.claims)} claims, "
                  f"{len(report.findings)} findings ({summary})")
    return buf.getvalue()
