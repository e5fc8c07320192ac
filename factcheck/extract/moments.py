"""Event moments: a clock time or a day tied to the event it dates ("le feu a été maîtrisé
vers 7 h", "la collision s'est produite mardi").

A time of day is not a quantity (``dates.blocked_spans`` keeps it out of the claims), yet
it is a checkable fact: one outlet has the fire under control "vers 7 h", another "vers
6 heures"; one has the crash on Tuesday, another on Wednesday. This module finds, in an
article's text, each clock time and each named day that dates one of the events a
language's ``moments.yaml`` names, with how precise it is. Bounds and spans ("avant 7 h",
"entre 1 h et 6 h", "dans la nuit de lundi à mardi"), the day after or before an event,
a day that dates the telling ("a annoncé mardi que") and negated events ("pas encore
maîtrisé à 3 h") date nothing and are left out. Regex-only, like ``dates``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from text_to_num import text2num

from factcheck.extract.context import dates_the_telling
from factcheck.extract.dates import TimeMention, find_times
from factcheck.lang import language_tables

__all__ = ["Moment", "find_moments", "clock_minutes", "event_labels", "sentence_bounds"]

_MAX_GAP = 80          # characters between a clock time and the event word it dates, at most
_MAX_DAY_GAP = 40      # the same for a named day, which must also be in the event's clause
_SENTENCE_END = re.compile(r"[.!?…]\s|[\r\n]")
# A clause break between a clock time and an event word: a nearer word across it loses to
# one on the time's side ("s'est déclaré vers 1 h et a été maîtrisé": 1 h is the outbreak).
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:et|mais|puis|and|but|then)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Moment:
    """A clock time or a named day that dates an event, with offsets into the text it was
    found in. A clock time has ``minutes``; a named day has ``minutes`` None."""

    start: int
    end: int
    text: str
    minutes: int | None     # minutes after midnight; None for a day
    event: str              # the event's key in moments.yaml ("incident", "control", …)
    approx: bool = False    # "vers 7 h", "around 7am"
    whole_hour: bool = True # written without minutes ("7 h", not "7 h 30")
    day: dt.date | None = None   # a clock time's day named in its sentence; a day's date
    night: bool = False     # a day named with its evening or night ("mardi soir"): a day's slack
    dated: bool = False     # a day written as a calendar date ("mercredi 11 septembre"), not a
    #                         weekday or "today" read against the publication date


@functools.lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for lang, table in language_tables("moments.yaml").items():
        out[lang] = {
            "events": [(name, re.compile(p, re.IGNORECASE)) for name, spec in table["events"].items()
                       for p in spec["patterns"]],
            "labels": {name: spec["label"] for name, spec in table["events"].items()},
            **{key: [re.compile(p, re.IGNORECASE) for p in table[key]]
               for key in ("negation_patterns", "bound_patterns", "range_after_patterns", "approx_patterns",
                           "day_skip_before_patterns", "day_skip_after_patterns", "day_night_patterns",
                           "state_patterns")},
            "service_patterns": [(re.compile(spec["before"], re.IGNORECASE), re.compile(spec.get("after") or "", re.IGNORECASE))
                                 for spec in table.get("service_patterns") or ()],
        }
    return out


def _table(lang: str) -> dict[str, Any]:
    tables = _tables()
    return tables.get(lang) or tables["en" if (lang or "").startswith("en") else "fr"]


def event_labels(lang: str) -> dict[str, str]:
    """Event key → its name in ``lang``, for messages."""
    return _table(lang)["labels"]


_WORD_HOURS = {"midi": 12, "noon": 12, "minuit": 0, "midnight": 0}
_CLOCK = re.compile(
    r"(?P<h>\d{1,2}|[^\W\d]+(?:[- ][^\W\d]+)?)\s*"
    r"(?:h(?=\s*\d|\b)|heures?\b|:(?=\d)|\.(?=\d)|o['’]clock\b)?\s*(?P<m>[0-5]\d(?!\d))?",
    re.IGNORECASE)
_HALF = re.compile(r"\bet\s+demie?\b|\band\s+a\s+half\b|\bhalf\s+past\b", re.IGNORECASE)
_QUARTER = re.compile(r"\bet\s+quart\b", re.IGNORECASE)
_LESS_QUARTER = re.compile(r"\bmoins\s+(?:le\s+)?quart\b", re.IGNORECASE)
_PM = re.compile(r"\b(?:du\s+soir|de\s+l['’]après-midi)\b|\d\s*p\.?\s?m\b|\bp\.m\.", re.IGNORECASE)
_AM = re.compile(r"\d\s*a\.?\s?m\b|\ba\.m\.", re.IGNORECASE)


def clock_minutes(text: str, lang: str) -> tuple[int, bool] | None:
    """(minutes after midnight, written as a whole hour) of a clock time as ``dates``
    finds it ("21 h 10" → (1270, False), "une heure du matin" → (60, True), "9.30pm" →
    (1290, False)); None when it cannot be read."""
    low = " ".join(text.lower().split())
    word = next((w for w in _WORD_HOURS if low.startswith(w)), None)
    minutes: int | None = None
    if word is not None:
        hour = _WORD_HOURS[word]
        rest = low[len(word):]
        m = re.match(r"\s*([0-5]\d)\b", rest)
        minutes = int(m.group(1)) if m else None
    else:
        m = _CLOCK.match(low)
        if m is None:
            return None
        h = m.group("h")
        if h.isdigit():
            hour = int(h)
        else:
            try:
                hour = int(text2num(h.split()[0], "en" if (lang or "").startswith("en") else "fr"))
            except (ValueError, OverflowError):
                return None
        minutes = int(m.group("m")) if m.group("m") else None
    if _HALF.search(low):
        minutes = 30
    elif _QUARTER.search(low):
        minutes = 15
    elif _LESS_QUARTER.search(low):
        hour, minutes = hour - 1, 45
    if _PM.search(low) and hour < 12:
        hour += 12
    elif _AM.search(low) and hour == 12:
        hour = 0
    if not 0 <= hour <= 24:
        return None
    return (hour % 24) * 60 + (minutes or 0), minutes is None


# A line that opens on a time or a day and a colon or a dash is an entry of a live report,
# dated by it ("10h02 : le préfet indique…", "Lundi 5 février - Point à 16h00"): the stamp
# dates the telling, not the event the entry reports.
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t*#>_•-]*$")
_STAMP_AFTER = re.compile(r"[*_]*\s*(?:[:|–—]|-\s)")


def _entry_stamp(text: str, start: int, end: int) -> bool:
    return (_LINE_OPENING.search(text, max(0, start - 12), start) is not None
            and _STAMP_AFTER.match(text, end) is not None)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence (or line) around ``text[start:end]``."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
    right = _SENTENCE_END.search(text, end)
    return left, right.start() + 1 if right else len(text)


def _nearest_event(text: str, start: int, end: int, lo: int, hi: int, table: dict[str, Any],
                   max_gap: int = _MAX_GAP, same_clause: bool = False) -> tuple[str, int, int] | None:
    """The event word of the sentence nearest the time (within ``max_gap``), one in the
    time's own clause first (only one there with ``same_clause``), not a negated one."""
    best: tuple[int, str, int, int] | None = None
    for name, pattern in table["events"]:
        for m in pattern.finditer(text, max(lo, start - max_gap), min(hi, end + max_gap)):
            left, right = (m.end(), start) if m.end() <= start else (end, m.start()) if m.start() >= end else (0, 0)
            broken = _CLAUSE_BREAK.search(text, left, right) is not None
            if broken and same_clause:
                continue
            gap = max(0, right - left) + (max_gap if broken else 0)
            if best is None or gap < best[0]:
                best = (gap, name, m.start(), m.end())
    if best is None:
        return None
    _, name, ev_start, ev_end = best
    negations = table["negation_patterns"]
    if any(p.search(text, max(lo, ev_start - 25), ev_start) for p in negations):
        return None
    if ev_start > end and any(p.search(text, end, ev_start) for p in negations):
        return None
    return name, ev_start, ev_end


def find_moments(text: str, lang: str, anchor: dt.date | None, precision: str = "day") -> list[Moment]:
    """Each clock time and named day of ``text`` that dates an event of ``lang``'s moments
    table, in order."""
    table = _table(lang)
    times = find_times(text, lang, anchor, precision)
    days = [t for t in times if t.kind in ("date", "relative_day") and t.date is not None]
    out = _clock_moments(text, lang, table, times, days)
    out.extend(m for t in days if (m := _day_moment(text, lang, table, t)) is not None)
    return sorted(out, key=lambda m: m.start)


def _day_moment(text: str, lang: str, table: dict[str, Any], t: TimeMention) -> Moment | None:
    """A named day in the clause of an event word, as that event's day."""
    before = text[max(0, t.start - 60):t.start]
    after = text[t.end:t.end + 30]
    if (any(p.search(before) for p in (*table["bound_patterns"], *table["day_skip_before_patterns"],
                                       *table["state_patterns"]))
            or any(p.search(after) for p in table["day_skip_after_patterns"])
            or dates_the_telling(text, t.start, lang) or _entry_stamp(text, t.start, t.end)):
        return None
    lo, hi = sentence_bounds(text, t.start, t.end)
    event = _nearest_event(text, t.start, t.end, lo, hi, table, _MAX_DAY_GAP, same_clause=True)
    if event is None:
        return None
    night = any(p.search(t.text) for p in table["day_night_patterns"])
    return Moment(t.start, t.end, t.text, None, event[0], day=t.date, night=night, dated=t.kind == "date")


def _clock_moments(text: str, lang: str, table: dict[str, Any], times: list[TimeMention],
                   days: list[TimeMention]) -> list[Moment]:
    out: list[Moment] = []
    for t in times:
        if t.kind != "clock":
            continue
        before = text[max(0, t.start - 40):t.start]
        after = text[t.end:t.end + 20]
        approx = any(p.search(before) for p in table["approx_patterns"])
        if not approx and (any(p.search(before) for p in table["bound_patterns"])
                           or any(p.search(after) for p in table["range_after_patterns"])):
            continue
        if any(p.search(before) for p in table["state_patterns"]) or _entry_stamp(text, t.start, t.end):
            continue
        if any(b.search(before) and a.search(text[t.end:t.end + 60]) for b, a in table["service_patterns"]):
            continue  # the name of a scheduled service ("the 06:38 to Glasgow train"), not a moment
        read = clock_minutes(t.text, lang)
        if read is None:
            continue
        lo, hi = sentence_bounds(text, t.start, t.end)
        event = _nearest_event(text, t.start, t.end, lo, hi, table)
        if event is None:
            continue
        same_sentence = [d for d in days if lo <= d.start < hi]
        day = min(same_sentence, key=lambda d: abs(d.start - t.start)).date if same_sentence else None
        out.append(Moment(t.start, t.end, t.text, read[0], event[0], approx, read[1], day))
    return out
