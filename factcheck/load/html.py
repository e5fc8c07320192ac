"""HTML articles: the main text (found by trafilatura) kept in place, everything else blanked.

Two passes over the file as read:

1. a small tokenizer blanks every tag, comment, ``<head>``, and the content of
   script/style-like elements, and decodes entities in place (the decoded character at
   the ``&``, padded with spaces), giving the *visible* text at its file offsets;
2. trafilatura's main text is mapped back onto that visible text, paragraph by paragraph,
   by whitespace-insensitive search; what is not found is blanked (navigation, footers…).

When trafilatura finds nothing (or nothing it returns can be located), all visible text
is kept. Block tags become spaces, not line breaks: offsets must stay true, so two
paragraphs written on one source line are separated by spaces only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import html as htmllib
import logging
import re
from dataclasses import dataclass
from html.entities import html5

from factcheck.load.blank import blank_range, blanked, place

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<[!?][^>]*(?:>|\Z)"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|([A-Za-z][A-Za-z0-9]{0,31});?)")
# elements whose content is never article text; raw-text ones are skipped to their end tag
_SKIP_CONTENT = frozenset(
    "script style noscript template textarea title xmp iframe noembed noframes svg math select object".split()
)
_HEAD_ELEMENTS = frozenset("head html title meta link style script base noscript template".split())
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_ANY_TAG = re.compile(r"<[^<>]*>")  # not across another "<": a run of "<" is read once
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_META = (
    "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.created", "pubdate", "publishdate", "og:published_time",
)
_SOURCE_META = ("og:site_name", "application-name", "publisher")
_LIST_MARK = re.compile(r"^\s*(?:[-*•#>]+\s+)+")
# parts are compared without their blanks (``_find``), so a cell edge is just "|"
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…:;])\s+|\|")

_NON_SPACE_RUN = re.compile(r"\S+")
_MAX_BACKWARD_SEARCHES = 200
FAST_ABOVE = 2_000_000  # characters; bigger pages skip trafilatura's slower fallback extractors

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Parsed:
    """The blanked text and what the page says about itself."""

    text: str
    title: str = ""
    date: dt.date | None = None
    source: str = ""
    lang: str = ""
    main_text: str = "trafilatura"  # or "all": trafilatura found nothing usable


def parse(source: str) -> Parsed:
    """Blank all but the main text of an HTML page; same length and line breaks as ``source``."""
    visible, metas, html_lang = _visible(source)
    main = _trafilatura(source)
    kept = _locate(visible, main["text"]) if main.get("text") else []
    text = _keep_only(visible, kept) if kept else visible
    return Parsed(
        text=text,
        title=_title(source),
        date=_date(metas, main.get("date")),
        source=_first(metas, _SOURCE_META) or (main.get("sitename") or ""),
        lang=html_lang,
        main_text="trafilatura" if kept else "all",
    )


# ---------------------------------------------------------------- pass 1: visible text


def _visible(source: str) -> tuple[str, dict[str, str], str]:
    """(visible text, <meta> name→content, <html lang>) with all markup blanked in place."""
    buf = list(source)
    metas: dict[str, str] = {}
    html_lang = ""
    in_head = False
    pos = 0
    n = len(source)
    while pos < n:
        lt = source.find("<", pos)
        text_end = n if lt == -1 else lt
        if pos < text_end:
            if in_head:
                blank_range(buf, pos, text_end)
            else:
                _decode_entities(buf, source, pos, text_end)
        if lt == -1:
            break
        m = _TOKEN.match(source, lt)
        if not m:  # a lone "<" is text
            if in_head:
                buf[lt] = " "
            pos = lt + 1
            continue
        blank_range(buf, m.start(), m.end())
        pos = m.end()
        name = (m.group(2) or "").lower()
        if not name:
            continue
        closing = m.group(1) == "/"
        if name == "head":
            in_head = not closing
        elif name not in _HEAD_ELEMENTS:  # <body>, or any body element, implicitly ends the head
            in_head = False
        elif name == "html" and not closing:
            html_lang = _attrs(m.group(3)).get("lang", "").strip()
        elif name == "meta":
            attrs = _attrs(m.group(3))
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and "content" in attrs and key not in metas:
                metas[key] = htmllib.unescape(attrs["content"]).strip()
        if name in _SKIP_CONTENT and not closing and not m.group(3).rstrip().endswith("/"):
            end = _end_tag(source, name, pos)
            blank_range(buf, pos, end)
            pos = end
    return "".join(buf), metas, html_lang


@functools.cache
def _end_tag_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE)


def _end_tag(source: str, name: str, pos: int) -> int:
    """Offset of the ``</name>`` closing a skipped element (its ``<``), or the end of the file."""
    m = _end_tag_pattern(name).search(source, pos)
    return m.start() if m else len(source)


def _attrs(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        key = m.group(1).lower()
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4) or ""
        out.setdefault(key, value)
    return out


def _decode_entities(buf: list[str], source: str, start: int, end: int) -> None:
    """Decode character references in ``source[start:end]`` in place (value at the ``&``)."""
    pos = source.find("&", start, end)
    while pos != -1:
        m = _ENTITY.match(source, pos, end)
        if m:
            value, length = _entity_value(m)
            if value:
                place(buf, pos, pos + length, value)
                pos += length
                pos = source.find("&", pos, end)
                continue
        pos = source.find("&", pos + 1, end)


def _entity_value(m: re.Match[str]) -> tuple[str, int]:
    """(decoded value, length of source consumed); ``("", 0)`` when it is no entity."""
    raw = m.group()
    name = m.group(1)
    if name is None:  # numeric
        return htmllib.unescape(raw), len(raw)
    if raw.endswith(";") and raw[1:] in html5:
        return html5[raw[1:]], len(raw)
    for k in range(len(name), 1, -1):  # legacy names without ";", e.g. "&eacute" or "&copy2024"
        if name[:k] in html5:
            return html5[name[:k]], k + 1
    return "", 0


# ---------------------------------------------------------------- pass 2: main text


def _trafilatura(source: str) -> dict[str, str]:
    """trafilatura's main text and metadata; ``{}`` when it finds nothing or fails."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            source,
            fast=len(source) > FAST_ABOVE,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser must not crash loading
        log.debug("trafilatura failed: %s", exc)
        return {}
    if doc is None:
        return {}
    get = doc.get if isinstance(doc, dict) else lambda key: getattr(doc, key, None)
    return {k: get(k) or "" for k in ("text", "date", "sitename", "title")}


class _Compact:
    """The visible text without whitespace, and the way back to visible offsets."""

    def __init__(self, visible: str) -> None:
        self.starts: list[int] = []  # compact offset where each run of non-space characters starts
        self.origins: list[int] = []  # visible offset of the same run
        runs = []
        k = 0
        for m in _NON_SPACE_RUN.finditer(visible):
            self.starts.append(k)
            self.origins.append(m.start())
            runs.append(m.group())
            k += m.end() - m.start()
        self.text = "".join(runs)

    def visible_offset(self, k: int) -> int:
        run = bisect.bisect_right(self.starts, k) - 1
        return self.origins[run] + k - self.starts[run]


def _locate(visible: str, main_text: str) -> list[tuple[int, int]]:
    """Ranges of ``visible`` holding trafilatura's paragraphs, found ignoring whitespace.

    Paragraphs are searched in order after the previous hit, then anywhere (a bounded
    number of times, so that text trafilatura rewrote cannot make this quadratic).
    """
    compact = _Compact(visible)
    ranges: list[tuple[int, int]] = []
    cursor = 0
    budget = [_MAX_BACKWARD_SEARCHES]
    for line in main_text.splitlines():
        stripped = _LIST_MARK.sub("", line)  # trafilatura writes list items as "- item"
        hit = _find(compact.text, line, cursor, budget) or _find(compact.text, stripped, cursor, budget)
        if hit:
            parts = [hit]
        else:  # last resort: sentence by sentence, or cell by cell for tables
            parts = [_find(compact.text, part, cursor, budget) for part in _SENTENCE_SPLIT.split(stripped)]
        for part in parts:
            if part is not None:
                start, end = part
                ranges.append((compact.visible_offset(start), compact.visible_offset(end - 1) + 1))
                cursor = end
    return ranges


def _find(compact: str, piece: str, cursor: int, budget: list[int]) -> tuple[int, int] | None:
    """(start, end) of ``piece`` (whitespace removed) in ``compact``, searched after ``cursor`` first."""
    needle = "".join(piece.split())
    if not needle:
        return None
    k = compact.find(needle, cursor)
    if k == -1 and budget[0] > 0:
        budget[0] -= 1
        k = compact.find(needle, 0, cursor + len(needle))
    return None if k == -1 else (k, k + len(needle))


def _keep_only(visible: str, ranges: list[tuple[int, int]]) -> str:
    """``visible`` with everything outside ``ranges`` blanked."""
    pieces = []
    pos = 0
    for start, end in sorted(ranges):
        if end <= pos:
            continue
        start = max(start, pos)
        pieces.append(blanked(visible[pos:start]))
        pieces.append(visible[start:end])
        pos = end
    pieces.append(blanked(visible[pos:]))
    return "".join(pieces)


# ---------------------------------------------------------------- metadata


def _clean(fragment: str) -> str:
    return " ".join(htmllib.unescape(_ANY_TAG.sub(" ", fragment)).split())


def _title(source: str) -> str:
    for rx in (_TITLE, _H1):
        m = rx.search(source)
        if m and _clean(m.group(1)):
            return _clean(m.group(1))
    return ""


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str:
    for key in keys:
        if metas.get(key):
            return metas[key]
    return ""


def _date(metas: dict[str, str], fallback: str | None) -> dt.date | None:
    """The publication date from ``<meta>``, else trafilatura's; unparsable dates are ignored."""
    for value in (*(metas.get(k, "") for k in _DATE_META), fallback or ""):
        m = _ISO_DATE.match(value.strip())
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None
