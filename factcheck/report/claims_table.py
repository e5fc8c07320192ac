"""The readable table of ``factcheck extract``: one table per article, one row per claim."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from factcheck.models import Article, Claim
from factcheck.report.locations import value_label


def render(articles: list[Article], claims: list[Claim], color: bool = False, width: int = 120) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    by_path: dict[str, list[Claim]] = {}
    for claim in claims:
        by_path.setdefault(claim.path, []).append(claim)
    for article in articles:
        rows = [c for c in by_path.get(article.path, []) if c.article_key == article.key]
        date = article.date.isoformat() if article.date else "no date"
        table = Table(title=f"{article.path} — {article.source or 'unknown source'}, {date}, {article.lang}",
                      title_justify="left", expand=False)
        for name, justify in (("line:col", "right"), ("text", "left"), ("value", "right"), ("unit", "left"),
                              ("qualifier", "left"), ("subject", "left"), ("context", "left")):
            table.add_column(name, justify=justify, overflow="fold")
        for c in rows:
            ctx = "; ".join(x for x in (c.predicate, c.place, c.period, c.attribution and f"selon {c.attribution}") if x)
            table.add_row(f"{c.line}:{c.column}", c.text, value_label(c), c.unit or "—", c.qualifier,
                          c.subject_full or c.subject or "—", ctx)
        console.print(table)
    console.print(f"{len(articles)} article(s), {len(claims)} claim(s)")
    return buf.getvalue()
