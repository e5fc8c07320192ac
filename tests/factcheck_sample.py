"""Shared by tests/report and tests/commands: a hand-built report (two articles, no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable

from factcheck.models import Article, Claim, Example, Finding, Report, Rule

A_TEXT = "# Saisie\n\nLes douaniers ont saisi 340 g de cocaïne dans le coffre.\n"
B_TEXT = "Au total, 340 kg de cocaïne ont été saisis.\n<script>alert(1)</script> <img src=x onerror=alert(2)>\n"


def _claim(article: Article, text: str, value: float, unit: str, subject: str) -> Claim:
    start = article.file_text.index(text)
    pos, end = article.position(start), article.position(start + len(text))
    return Claim(start=start, end=start + len(text), text=text, value=value, unit=unit, subject=subject,
                 line=pos.line, column=pos.column, end_line=end.line, end_column=end.column,
                 path=article.path, article=article.info(), sentence=article.file_text.splitlines()[pos.line - 1])


def make_report(intro: str = "") -> Report:
    """The sample report; ``intro`` is written before the first article's text."""
    a_text = intro + A_TEXT
    a = Article(path="stories/saisie/a.md", text=a_text, file_text=a_text, source="Le Matin",
                date=dt.date(2024, 3, 1), story="saisie", title="Saisie")
    b = Article(path="stories/saisie/b.md", text=B_TEXT, file_text=B_TEXT, source="L'Écho <b>",
                date=dt.date(2024, 3, 2), story="saisie")
    ca = _claim(a, "340 g", 340, "gram", "cocaïne")
    cb = _claim(b, "340 kg", 340, "kilogram", "cocaïne")
    f1 = Finding("FC101", "unit-slip", "error", "340 g contre 340 kg : même fait (cocaïne), à un facteur 1000 près",
                 (ca, cb), kind="unit_slip")
    f2 = Finding("FC105", "rounding", "info", "340 kg: rounded, 50% of <x>, a,b: c", (cb,), kind="rounding")
    return Report(articles=[a, b], claims=[ca, cb], findings=[f1, f2])


def edit_claims(report: Report, change: Callable[[Claim], dict], keep: Callable[[Claim], bool] = lambda c: True) -> None:
    """Replace the report's claims for which ``keep`` holds by copies with ``change(claim)``'s
    fields, in ``report.claims`` and in the findings alike (claims are immutable values)."""
    new: dict[int, Claim] = {}

    def swap(c: Claim) -> Claim:
        if id(c) not in new:
            new[id(c)] = dataclasses.replace(c, **change(c)) if keep(c) else c
        return new[id(c)]

    report.claims = [swap(c) for c in report.claims]
    for f in report.findings:
        f.claims = tuple(swap(c) for c in f.claims)


def make_rules() -> list[Rule]:
    return [
        Rule(id="FC101", name="unit-slip", kind="unit_slip", severity="error",
             message={"fr": "{a} contre {b}", "en": "{a} vs {b}"}, doc="The same figure with two units.",
             bad=(Example(("340 g de cocaïne", "340 kg de cocaïne")),), good=(Example(("340 g", "0,34 kg")),)),
        Rule(id="FC105", name="rounding", kind="rounding", severity="info",
             message={"fr": "{a}", "en": "{a}"}, doc="A rounded figure."),
    ]

