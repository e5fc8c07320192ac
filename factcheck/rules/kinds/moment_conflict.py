"""moment_conflict: two articles time or date the same event differently.

What it checks
    Clock times and named days that date one event of a story ("le feu a été maîtrisé
    vers 7 h" in one article, "vers 6 heures, les pompiers ont maîtrisé le feu" in
    another; "la collision s'est produite mardi" / "mercredi"): the events are the
    once-only ones of ``factcheck/lang/<code>/moments.yaml`` (the incident itself: a fire
    breaks out, a collision, an explosion, a vehicle that crashes or plunges; the fire
    brought under control, put out; the alert or distress call; a flight's take-off and
    landing). An event is known by its verb: a noun alone ("Sunday's accident", "the
    accident's toll revised on Sunday") is as often the telling's day as the event's.
    Two times conflict when they are further apart than both their tolerances:
    ``exact_tol`` minutes for a time given exactly, ``approx_tol`` for an approximate one
    ("vers 21 h 10"), and ``approx_hour_tol`` for an approximate whole hour ("vers 7 h").
    Two days conflict when they differ, by more than a day when one is an evening or a
    night ("mardi soir" may run into Wednesday).

    Not compared: times on days named differently, bounds and spans ("avant 7 h", "entre 1 h
    et 6 h", "dans la nuit de lundi à mardi"), the day after an event, a day that dates the
    telling ("a annoncé mardi que"), the stamp of a live report's entry ("10h02 : le préfet
    indique…"), a time that names a scheduled service ("the 06:38 Aberdeen to Glasgow
    train", "le TER de 7 h 12"), a time that dates a count ("as of 9 p.m."), a day that
    dates a purpose ("arriveront mardi pour enquêter sur la collision"), negated events
    ("pas encore maîtrisé à 3 h"), an event that one article itself times or dates twice
    (two fires, two collisions: the event is not unique; two clock times stop the comparison
    of clock times, two days that of days), and a moment whose sentence names a country the
    other article never names (another event abroad, a "related news" line). Two days are
    compared only when one is written as a calendar date ("mercredi 11 septembre") or both
    articles were published the same day: a weekday or "today" is read against its article's
    publication date, which a wire filed in another time zone or an updated page may give as
    another day.

Why it matters
    A time of day or a day is a fact a reader may rely on (a timeline, an alert, an
    inquiry); one of the two outlets has it wrong, or they report different things as one.

Example
    "L'accident s'est produit vers 21 h 10" in one outlet, "vers 21 h 40" in another;
    the crash "mardi" in one, "mercredi" in another.

Use instead
    Give the time with its source ("selon les pompiers"), or say which moment it is.

Parameters
    exact_tol: minutes of tolerance of a time given exactly.
    approx_tol: minutes of tolerance of an approximate time with its minutes.
    approx_hour_tol: minutes of tolerance of an approximate whole hour.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
from collections import defaultdict
from typing import Iterable

from factcheck.align.features import countries_named
from factcheck.extract.moments import Moment, event_labels, find_moments, sentence_bounds
from factcheck.models import Article, Claim, Finding
from factcheck.rules.kinds.base import CheckContext, Kind


def _story(article: Article) -> str:
    return article.story or os.path.dirname(article.path)


def _day(moment: Moment, article: Article) -> dt.date | None:
    """The day a moment is on: the one named in its sentence, else its article's."""
    if moment.day is not None:
        return moment.day
    if article.event_day is not None:
        return article.event_day
    return article.date if article.date_precision == "day" else None


def _apart(a: Moment, b: Moment) -> int:
    d = abs((a.minutes or 0) - (b.minutes or 0)) % 1440
    return min(d, 1440 - d)


class MomentConflict(Kind):
    name = "moment_conflict"
    across_articles = True
    PARAMS = {"exact_tol": 5, "approx_tol": 10, "approx_hour_tol": 20}
    PLACEHOLDERS = frozenset({"a", "b", "event"})

    def _tol(self, m: Moment) -> int:
        if not m.approx:
            return self.params["exact_tol"]
        return self.params["approx_hour_tol"] if m.whole_hour else self.params["approx_tol"]

    def _conflict(self, a: Moment, b: Moment) -> bool:
        """Two clock times, or two days, further apart than they allow."""
        if (a.minutes is None) != (b.minutes is None):
            return False
        if a.minutes is None:
            if a.day is None or b.day is None:
                return False
            return abs((a.day - b.day).days) > (1 if a.night or b.night else 0)
        return _apart(a, b) > self._tol(a) + self._tol(b)

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        events: dict[tuple[str, str], list[tuple[Article, Moment]]] = defaultdict(list)
        for article in ctx.articles:
            found = ctx.known.moments.get(article.key)
            if found is None:
                found = _moments(article.text, article.lang, article.date, article.date_precision)
            for m in found:
                events[(_story(article), m.event)].append((article, m))
        for (_, event), found in events.items():
            yield from self._check_event(event, found)

    def _check_event(self, event: str, found: list[tuple[Article, Moment]]) -> Iterable[Finding]:
        by_article: dict[int, list[Moment]] = defaultdict(list)
        for article, m in found:
            by_article[id(article)].append(m)
        # one article times it twice (two clock times) or dates it twice (two days): two
        # fires, two collisions, not one event; its clock times and its days are judged apart
        twice = {x.minutes is None for ms in by_article.values() for x, y in itertools.combinations(ms, 2)
                 if self._conflict(x, y)}
        for (art_a, a), (art_b, b) in itertools.combinations(found, 2):
            if art_a is art_b or (a.minutes is None) in twice or not self._conflict(a, b):
                continue
            day_a, day_b = _day(a, art_a), _day(b, art_b)
            if a.minutes is not None and day_a is not None and day_b is not None and day_a != day_b:
                continue  # two times on two days
            if a.minutes is None and not (a.dated or b.dated or _told_same_day(art_a, art_b)):
                continue  # two weekdays read against two publication dates
            if _abroad(a, art_a, art_b) or _abroad(b, art_b, art_a):
                continue
            lang = art_a.lang if art_a.lang in ("fr", "en") else "en"
            label = event_labels(lang).get(event, event)
            yield self.finding((_claim(art_a, a), _claim(art_b, b)), lang, a=a.text, b=b.text, event=label)


def _told_same_day(x: Article, y: Article) -> bool:
    return x.date is not None and x.date == y.date and x.date_precision == y.date_precision == "day"


def _abroad(m: Moment, article: Article, other: Article) -> bool:
    """The moment's sentence names a country the other article never names."""
    lo, hi = sentence_bounds(article.text, m.start, m.end)
    return any(c not in countries_named(other.text) for c in countries_named(article.text[lo:hi]))


@functools.lru_cache(maxsize=4096)
def _moments(text: str, lang: str, date: dt.date | None, precision: str) -> tuple[Moment, ...]:
    """``find_moments``, once per article text: drafts checked one after another against an
    archive meet the same archived articles again."""
    return tuple(find_moments(text, lang, date, precision))


def _claim(article: Article, m: Moment) -> Claim:
    """The time as a claim, so reports can point at it (its value: minutes after midnight, or
    the day of the month)."""
    start = (article.offset or 0) + m.start
    pos = article.position(start)
    value = float(m.minutes) if m.minutes is not None else float(m.day.day if m.day else 0)
    return Claim(start=start, end=start + (m.end - m.start), text=m.text, value=value, unit="",
                 qualifier="approx" if m.approx else "exact", line=pos.line, column=pos.column,
                 path=article.path, lang=article.lang, when=m.day, article=article.info())
