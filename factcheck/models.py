"""The domain objects that flow through the pipeline.

load → ``Article``; extract → ``Claim``; align → groups of claims; rules → ``Finding``;
report → text. Every stage imports these and nothing from the stages after it.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
import math
import re
from dataclasses import dataclass, field, fields
from types import ModuleType
from typing import Any, Literal, Mapping

Qualifier = Literal["exact", "approx", "min", "max", "range"]
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    """Order severities so that ``--fail-on`` can compare them."""
    return SEVERITIES.index(severity)


def json_number(value: float) -> float | str:
    """A number for JSON: itself when finite, else ``"inf"``, ``"-inf"`` or ``"nan"`` as a string.

    JSON has no infinity or NaN (``json.dumps`` would write ``Infinity``, which JSON
    readers reject). The extractor never makes such values; claims built by hand can.
    """
    return value if math.isfinite(value) else str(value)


# One NaN object for every claim: a frozen dataclass compares its fields as a tuple, which
# takes an object as equal to itself, so claims holding this NaN equal their own copies.
NAN = float("nan")


def _canonical(value: Any) -> Any:
    return NAN if isinstance(value, float) and math.isnan(value) else value


def _number_from(value: Any) -> Any:
    """Back from ``json_number``: "inf", "-inf" and "nan" are floats again."""
    return _canonical(float(value)) if isinstance(value, str) else value


def _date_from(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def article_key(path: str, offset: int = 0, ident: str = "") -> str:
    """Which article: its path, and for one record of a JSON Lines file where it starts
    (the records of a file share its path)."""
    if offset:
        return f"{path}#{offset}"
    return path or ident


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column, as editors and CI annotations count them."""

    line: int
    column: int


_LINE_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Turns character offsets into line/column in O(log n), built once per file.

    Lines end at ``\\r\\n``, ``\\n`` or a lone ``\\r`` (old Mac files), as editors count them.
    """

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in _LINE_BREAK.finditer(text))

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)


@dataclass(slots=True)
class Article:
    """One article as read from disk.

    ``text`` is the prose to analyse. It has exactly the length of the part of the file
    it comes from, with everything that is not prose (front matter, Markdown markup,
    HTML tags, JSON syntax, suppressed regions) replaced by spaces, so an offset into
    ``text`` plus ``offset`` is an offset into the file as read: every report can point
    into the file without a mapping table.
    """

    path: str
    text: str
    file_text: str
    offset: int = 0
    id: str = ""
    title: str = ""
    source: str = ""
    date: dt.date | None = None
    date_precision: str = "day"   # "month" or "year" for front matter such as 2019-08
    event_day: dt.date | None = None  # the day the article reports on (set at extraction)
    lang: str = "fr"
    story: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    _lines: LineIndex | None = field(default=None, repr=False, compare=False)

    def position(self, file_offset: int) -> Position:
        """Line and column of an offset into the file."""
        if self._lines is None:
            self._lines = LineIndex(self.file_text)
        return self._lines.position(file_offset)

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def key(self) -> str:
        """Which article this is: the key its claims' ``ArticleInfo`` carries."""
        return article_key(self.path, self.offset, self.id)

    @property
    def label(self) -> str:
        """The path, and for one record of a JSONL file its id: how messages name the article."""
        return f"{self.path} ({self.id})" if self.meta.get("format") == "jsonl" else self.path

    def info(self) -> ArticleInfo:
        """What the stages after extraction read about this article, as a value (no text)."""
        meta = self.meta
        return ArticleInfo(
            path=self.path, id=self.id, offset=self.offset, title=self.title, source=self.source,
            date=self.date, date_precision=self.date_precision, event_day=self.event_day, lang=self.lang,
            story=self.story, place=str(meta.get("place") or ""), feed=bool(meta.get("feed")),
            format=str(meta.get("format") or ""),
            suppressions=tuple(Suppression(int(r["start"]), int(r["end"]), tuple(r.get("rules") or ()))
                               for r in meta.get("suppressions") or ()))

    def date_note(self) -> str | None:
        """What a missing or partial publication date leaves unchecked, or None for a full date.

        Relative days ("hier", "mardi dernier", "last Tuesday") need the day of publication;
        a date written without its year ("mardi 21 décembre") takes its year from the
        publication date, so without one (or with a year only, which does not tell December
        2023 from December 2024 in an article of early 2024) its weekday is not checked.
        """
        if self.date is None:
            return ("no publication date: relative days (hier, last Tuesday) are not dated and "
                    "weekdays are checked only on dates that give their year")
        if self.date_precision == "year":
            return (f"publication date known only to the year ({self.date.year}): relative days are not "
                    "dated and weekdays are checked only on dates that give their year")
        if self.date_precision == "month":
            return (f"publication date known only to the month ({self.date:%Y-%m}): relative days are "
                    "not dated and a weekday written after a date is checked only when the date gives its year")
        return None


@dataclass(frozen=True, slots=True)
class Suppression:
    """A file-offset range where findings of ``rules`` (of every rule when empty) are not reported."""

    start: int
    end: int
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article as the stages after extraction see it: its identity and metadata, no text.

    Claims carry it instead of a reference to the loaded ``Article``, so a claim is a value
    that can be stored, sent to another process and compared. What needs the text (the
    passage around a figure) looks the ``Article`` up by ``key``.
    """

    path: str
    id: str = ""
    offset: int = 0              # where the article's text starts in its file (JSON Lines records)
    title: str = ""
    source: str = ""
    date: dt.date | None = None
    date_precision: str = "day"
    event_day: dt.date | None = None
    lang: str = "fr"
    story: str = ""
    place: str = ""              # the place the title names
    feed: bool = False           # a JSON Lines record that names no story
    format: str = ""             # markdown, html, text, jsonl
    suppressions: tuple[Suppression, ...] = ()

    @property
    def key(self) -> str:
        return article_key(self.path, self.offset, self.id)

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The days the publication date may be: one day, or its whole month or year when
        that is all the front matter gives (``2017-02``)."""
        if self.date is None:
            return None
        d = self.date
        if self.date_precision == "year":
            return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        if self.date_precision == "month":
            return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
        return d, d

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def label(self) -> str:
        """How messages name the article, as ``Article.label``."""
        return f"{self.path} ({self.id})" if self.format == "jsonl" else self.path

    def to_record(self) -> dict[str, Any]:
        """Every field as JSON-ready data; ``from_record`` gives back an equal value."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["date"] = self.date.isoformat() if self.date else None
        data["event_day"] = self.event_day.isoformat() if self.event_day else None
        data["suppressions"] = [[r.start, r.end, list(r.rules)] for r in self.suppressions]
        return data

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> ArticleInfo:
        return cls(**{**data, "date": _date_from(data.get("date")), "event_day": _date_from(data.get("event_day")),
                      "suppressions": tuple(Suppression(a, b, tuple(r)) for a, b, r in data.get("suppressions") or ())})


_FLOAT_FIELDS = ("value", "high", "period_days")
_UNITS: ModuleType | None = None


def _units() -> ModuleType:
    """``factcheck.units``, imported on first use (it loads pint) and then held: the
    properties below are read millions of times in a large check."""
    global _UNITS
    if _UNITS is None:
        from factcheck import units

        _UNITS = units
    return _UNITS


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric statement: a value with its unit, what it counts, and its context.

    ``start``/``end`` are character offsets into the text the claim was extracted from
    (for an ``Article``, into the file as read). ``unit`` is a string pint parses with
    the program's registry: a unit (``"kilogram"``), an ISO 4217 code (``"EUR"``),
    ``"percent"``, or ``""`` for a bare count.

    A claim is an immutable value: ``article`` describes its article (no back-reference to
    the loaded file), ``id`` is derived from the article and the span, and ``to_record`` /
    ``from_record`` round-trip every field. ``line``/``column`` and ``end_line``/``end_column``
    are 1-based positions of ``start`` and ``end`` in the file (0 when unknown).
    """

    start: int
    end: int
    text: str
    value: float
    unit: str = ""
    qualifier: Qualifier = "exact"
    high: float | None = None
    subject: str = ""
    subject_full: str = ""
    sentence: str = ""
    sentence_start: int = 0
    line: int = 0
    column: int = 0
    predicate: str = ""
    place: str = ""
    period: str = ""
    period_start: int | None = None
    period_end: int | None = None
    period_days: float | None = None
    when: dt.date | None = None
    attribution: str = ""
    cues: tuple[str, ...] = ()
    path: str = ""
    lang: str = "fr"
    end_line: int = 0
    end_column: int = 0
    article: ArticleInfo | None = field(default=None, repr=False)
    id: str = field(init=False, repr=False, compare=False)
    # ``base_value``, computed on first read: a check reads it for every pair it scores
    _base: float | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in _FLOAT_FIELDS:
            value = getattr(self, name)
            if _canonical(value) is not value:
                object.__setattr__(self, name, NAN)
        key = self.article.key if self.article is not None else self.path
        digest = hashlib.blake2b(f"{key}\x1f{self.start}\x1f{self.end}".encode("utf-8", "surrogatepass"),
                                 digest_size=8).hexdigest()
        object.__setattr__(self, "id", digest)

    @property
    def article_key(self) -> str:
        """Which article the claim comes from (its path when it has no ``ArticleInfo``)."""
        return self.article.key if self.article is not None else self.path

    @property
    def approximate(self) -> bool:
        """True when the number is not asserted as exact (bound, range, "environ")."""
        return self.qualifier != "exact"

    @property
    def kind(self) -> str:
        """count, money, percent, duration or physical: what kind of quantity it is."""
        return _units().unit_kind(self.unit)

    @property
    def base_value(self) -> float:
        """The value in base units (kg, m, s, …), so 720 g and 0.72 kg compare equal."""
        base = self._base
        if base is None:
            base = _units().to_base(self.value, self.unit)
            object.__setattr__(self, "_base", base)
        return base

    @property
    def base_high(self) -> float | None:
        return None if self.high is None else _units().to_base(self.high, self.unit)

    @property
    def dimension(self) -> str:
        return _units().dimension_of(self.unit)

    @property
    def quantity(self):  # -> pint.Quantity
        from factcheck.units import Q_

        return Q_(self.value, self.unit or "dimensionless")

    def to_dict(self) -> dict[str, Any]:
        """The claim as plain JSON-ready data (for ``--format json``): the fields people read,
        empty ones left out. ``to_record`` is the lossless form."""
        data = {
            "id": self.id,
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "value": json_number(self.value),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "subject": self.subject,
        }
        if self.high is not None:
            data["high"] = json_number(self.high)
        for key in ("predicate", "place", "period", "attribution"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.period_days is not None:
            data["period_days"] = json_number(self.period_days)
        if self.when is not None:
            data["when"] = self.when.isoformat()
        if self.cues:
            data["cues"] = list(self.cues)
        return data

    def to_record(self) -> dict[str, Any]:
        """Every field as JSON-ready data (``json.dumps(..., allow_nan=False)`` accepts it);
        ``Claim.from_record`` gives back an equal claim."""
        data: dict[str, Any] = {"id": self.id}
        for f in fields(self):
            if f.init:
                data[f.name] = getattr(self, f.name)
        for name in _FLOAT_FIELDS:
            if data[name] is not None:
                data[name] = json_number(data[name])
        data["when"] = self.when.isoformat() if self.when else None
        data["cues"] = list(self.cues)
        data["article"] = self.article.to_record() if self.article is not None else None
        return data

    @classmethod
    def from_record(cls, data: Mapping[str, Any], article: ArticleInfo | None = None) -> Claim:
        """The claim ``to_record`` wrote (``id`` is derived, not read). ``article``, when given,
        replaces the recorded one (a store keeps each article's metadata once)."""
        values = {k: v for k, v in data.items() if k != "id"}
        for name in _FLOAT_FIELDS:
            if values.get(name) is not None:
                values[name] = _number_from(values[name])
        values["when"] = _date_from(values.get("when"))
        values["cues"] = tuple(values.get("cues") or ())
        if article is None:
            recorded = values.get("article")
            article = ArticleInfo.from_record(recorded) if recorded is not None else None
        values["article"] = article
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Example:
    """A rule's documented case: passages that must (bad) or must not (good) fire it."""

    passages: tuple[str, ...]
    lang: str = "fr"


@dataclass(slots=True)
class Rule:
    """A configured instance of a rule kind, loaded from ``rules/*.yaml``."""

    id: str
    name: str
    kind: str
    severity: Severity
    message: dict[str, str]
    doc: str
    params: dict[str, Any] = field(default_factory=dict)
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    path: str = ""
    enabled: bool = True

    def render_message(self, lang: str, **values: Any) -> str:
        """The message in the article's language (English when none is written for it)."""
        template = self.message.get(lang) or self.message.get("en") or next(iter(self.message.values()))
        return template.format(**values)


@dataclass(slots=True)
class Finding:
    """A contradiction (or a single suspicious claim) reported by a rule."""

    rule_id: str
    rule_name: str
    severity: Severity
    message: str
    claims: tuple[Claim, ...]
    kind: str = ""
    confidence: float = 1.0           # P(the claims state the same fact); 1.0 for single-article arithmetic
    why: tuple[str, ...] = ()         # the evidence that paired the claims

    @property
    def revision(self) -> bool:
        """Two figures of articles about different days: the later one may be a revision."""
        return any(w.startswith("revision:") for w in self.why)

    @property
    def confidence_label(self) -> str:
        """"confidence 0.83", for formats that carry only text."""
        return f"confidence {self.confidence:.2f}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "name": self.rule_name,
            "severity": self.severity,
            "message": self.message,
            "confidence": self.confidence,
            "why": list(self.why),
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(slots=True)
class Report:
    """What one run found: the articles read, their claims and the findings."""

    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    input_errors: list[str] = field(default_factory=list)   # files that could not be read, one line each
    hidden: dict[str, int] = field(default_factory=dict)    # findings dropped: {"suppressed": n, "baseline": n,
    #                                                                            "revisions": n}
    warnings: list[str] = field(default_factory=list)       # e.g. a suppression comment naming no rule
    started: dt.datetime | None = None                      # when the run began (UTC)
    seconds: float | None = None                            # how long it took, wall clock

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def undated(self) -> list[Article]:
        """Articles without a publication date."""
        return [a for a in self.articles if a.date is None]

    def partly_dated(self) -> list[Article]:
        """Articles whose publication date is known only to the month or the year."""
        return [a for a in self.articles if a.date is not None and a.date_precision != "day"]

    def summary(self) -> dict[str, Any]:
        """The run in numbers, as the text and JSON summaries give it."""
        return {
            "articles": len(self.articles),
            "claims": len(self.claims),
            "findings": self.counts(),
            "hidden": {"suppressed": self.hidden.get("suppressed", 0), "baseline": self.hidden.get("baseline", 0),
                       "revisions": self.hidden.get("revisions", 0)},
            "undated": [a.label for a in self.undated()],
            "partly_dated": [a.label for a in self.partly_dated()],
            "input_errors": len(self.input_errors),
        }
