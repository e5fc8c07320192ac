"""YAML front matter: find it, parse it, and turn its keys into ``Article`` fields.

Only a block that opens on the very first line with ``---`` is front matter; it closes on
a line that is ``---`` or ``...``. Everything in it is blanked from ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from factcheck import yamlfile
from factcheck.errors import InputError

_OPEN = re.compile(r"---[ \t]*(?:\r\n|\n|\r)")
_CLOSE_LINE = r"(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)"
_CLOSE = re.compile("^" + _CLOSE_LINE, re.MULTILINE)  # searched in the text with every \r made \n
_CLOSE_AT = re.compile(_CLOSE_LINE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2}))?")
FIELDS = ("id", "title", "source", "date", "lang", "story")


@dataclass(slots=True)
class FrontMatter:
    """Parsed front matter: the known keys as typed values, the rest in ``meta``."""

    end: int = 0  # offset just after the closing line (0 when there is no front matter)
    id: str = ""
    title: str = ""
    source: str = ""
    date: dt.date | None = None
    date_precision: str = "day"
    lang: str = ""
    story: str = ""  # the story the article belongs to, when not its folder's
    meta: dict[str, Any] = field(default_factory=dict)


def split(text: str, label: str) -> tuple[dict[str, Any], int, int]:
    """(mapping, yaml_start, end) of the front matter at the top of ``text``; ``({}, 0, 0)`` if none."""
    opening = _OPEN.match(text)
    if not opening:
        return {}, 0, 0
    # "^" knows only \n: in a copy where every \r is \n (same length, same offsets) a line
    # ending in a lone \r (old Mac files) or \r\n starts a line too
    found = _CLOSE.search(text.replace("\r", "\n"), opening.end())
    closing = _CLOSE_AT.match(text, found.start()) if found else None
    if not closing:
        raise InputError(
            f"{label}:1: front matter opened with '---' is never closed; add a line '---' after it"
        )
    source = text[opening.end() : closing.start()]
    try:
        data = yamlfile.load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = 2 + (mark.line if mark is not None else 0)  # PyYAML counts \r\n, \n and \r as we do
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{label}:{line}: invalid YAML in front matter ({problem}); fix the front matter") from None
    except ValueError as exc:  # PyYAML builds dates itself: "date: 2023-02-30" raises ValueError
        raise InputError(f"{label}: bad date in front matter ({exc}); use YYYY-MM-DD") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(
            f"{label}: front matter is a {type(data).__name__}, not a mapping; write 'key: value' lines"
        )
    return data, opening.end(), closing.end()


def parse_partial_date(value: Any, label: str, where: str = "front matter") -> tuple[dt.date | None, str]:
    """A date field and its precision: ``YYYY-MM`` and ``YYYY`` (as archives export them)
    are dates known to the month or the year, anchored on the month's or year's middle."""
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    m = _PARTIAL_DATE.fullmatch(text)
    if m:
        year, month = int(m["year"]), m["month"]
        if 1 <= year and (month is None or 1 <= int(month) <= 12):
            if month is None:
                return dt.date(year, 7, 1), "year"
            return dt.date(year, int(month), 15), "month"
    return parse_date(value, label, where), "day"


def parse_date(value: Any, label: str, where: str = "front matter") -> dt.date | None:
    """A date field: a YAML date, a datetime, or a ``YYYY-MM-DD`` string (the time is dropped)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        text = value.strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise InputError(f"{label}: bad date {value!r} in {where}; use YYYY-MM-DD, YYYY-MM or YYYY")


def scalar(value: Any, key: str, label: str, where: str = "front matter") -> str:
    """A text field: strings and numbers are accepted, lists and mappings are not."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"{label}: '{key}' in {where} must be text, not {type(value).__name__}")
    return str(value).strip()


def fields(data: dict[str, Any], label: str, where: str = "front matter") -> FrontMatter:
    """Known keys (id, title, source, date, lang, story) as typed values; other keys go to ``meta``."""
    fm = FrontMatter(
        id=scalar(data.get("id"), "id", label, where),
        title=scalar(data.get("title"), "title", label, where),
        source=scalar(data.get("source"), "source", label, where),
        lang=scalar(data.get("lang"), "lang", label, where),
        story=scalar(data.get("story"), "story", label, where),
    )
    fm.date, fm.date_precision = parse_partial_date(data.get("date"), label, where)
    fm.meta = {str(k): v for k, v in data.items() if k not in FIELDS}
    return fm


def parse(text: str, label: str) -> FrontMatter:
    """The front matter at the top of ``text`` (an empty ``FrontMatter`` when there is none)."""
    data, _, end = split(text, label)
    fm = fields(data, label)
    fm.end = end
    return fm
