"""weekday_date: a weekday that does not match the date it is written with.

What it checks
    Each "mercredi 14 décembre 2023" / "Wednesday, March 12" in an article: the weekday
    must be the one of that date (the year is the one written, else the one that makes
    the date closest to the publication date). A single-claim rule. A date without its
    year is checked only when the publication date gives the month: without a date, or
    with a year only, the year of "mardi 21 décembre" is not known.

Why it matters
    A wrong weekday makes the date itself doubtful: was it Tuesday, or the 16th?

Example
    "lundi 16 janvier" in an article of January 2024 (16 January 2024 was a Tuesday).

Use instead
    Check the date against a calendar and correct the weekday or the day.

Parameters
    (none)
"""

from __future__ import annotations

import re
from typing import Iterable

from factcheck.extract.dates import find_times, weekday_after
from factcheck.models import Article, Claim, Finding
from factcheck.rules.kinds.base import CheckContext, Kind

_WEEKDAYS = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


class WeekdayDate(Kind):
    name = "weekday_date"
    PARAMS: dict = {}
    PLACEHOLDERS = frozenset({"date", "stated", "actual"})

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        for article in ctx.articles:
            yield from self._check_article(article)

    def _check_article(self, article: Article) -> Iterable[Finding]:
        lang = article.lang if article.lang in _WEEKDAYS else "en"
        for m in find_times(article.text, article.lang, article.date, article.date_precision):
            if m.date is None or m.kind != "date":
                continue
            has_year = bool(re.search(r"\d{4}", m.text))
            if article.date_precision == "year" and not has_year:
                continue  # a year-only publication date cannot place "mardi 21 décembre" in its year
            stated_weekday = m.stated_weekday
            if stated_weekday is None and (article.date_precision == "day" or has_year):
                stated_weekday = weekday_after(article.text, m.end, lang)
            if stated_weekday is None or stated_weekday == m.date.weekday():
                continue
            start = (article.offset or 0) + m.start
            end = (article.offset or 0) + m.end
            pos, end_pos = article.position(start), article.position(end)
            claim = Claim(start=start, end=end, text=m.text, value=float(m.date.day), unit="",
                          line=pos.line, column=pos.column, end_line=end_pos.line, end_column=end_pos.column,
                          path=article.path, lang=article.lang, when=m.date, article=article.info())
            names = _WEEKDAYS[lang]
            stated = names[stated_weekday]
            actual = names[m.date.weekday()]
            yield self.finding((claim,), lang, date=m.text, stated=stated, actual=actual)
