"""Markdown articles: front matter, markup blanked, suppression comments recorded.

Blanking is deliberately conservative: only markup that is cheap to recognise and never
prose is blanked (heading marks, quote marks, list bullets, emphasis runs, link and image
syntax, code, HTML comments and tags, table pipes, reference definitions). Indented code
blocks are kept as prose, because in press copy an indented line is a quote or a list
continuation far more often than code.

Suppression comments are recorded in ``meta["suppressions"]`` as
``{"start": file_offset, "end": file_offset, "rules": [...]}`` (``[]`` = all rules):

- ``<!-- factcheck: ignore FC101 FC102 -->`` covers the next paragraph (``ignore`` alone: all rules);
- ``<!-- factcheck: off [RULES] -->`` … ``<!-- factcheck: on -->`` covers the prose between
  (to the end of the file when ``on`` never comes).

The suppressed prose is kept in ``text``; only the comments are blanked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from factcheck.errors import InputError
from factcheck.load import frontmatter
from factcheck.load.blank import blank_range
from factcheck.load.reader import line_column

PROTECT = "\ue000"  # stands in for a backslash-escaped character while inline markup is parsed

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})([^\r\n]*)")
_BLANK_LINE_GAP = re.compile(r"\n[ \t\r]*\n|\r[ \t]*\r(?!\n)")
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_DIRECTIVE = re.compile(r"\s*factcheck\s*:\s*(.*?)\s*$", re.DOTALL | re.IGNORECASE)
_RULE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_BLOCKQUOTE = re.compile(r" {0,3}> ?")
# ordered markers: up to 3 digits, so that a paragraph opening on "2023. " keeps its year
_BULLET = re.compile(r" {0,3}([-+*]|\d{1,3}[.)])(?=[ \t]|$)[ \t]?")
_TASK = re.compile(r"\[[ xX]\](?=[ \t])")
_HEADING = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_RULE_LINE = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
# possessive runs: a long run of blanks before the end of the line is read once, not once per blank
_TABLE_SEP = re.compile(r" {0,3}\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+$")
_REF_DEF = re.compile(r" {0,3}\[([^\]\^][^\]]*)\]:[ \t]*\S")
_FOOTNOTE_DEF = re.compile(r" {0,3}(\[\^[^\]]+\]:)")
_ESCAPE_OR_TICKS = re.compile(r"\\[!-/:-@\[-`{-~\r\n]|`+")  # an escape (or hard break), or a backtick run
_BACKTICKS = re.compile(r"(?<!`)`+")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>")
_HTML_TAGS = (
    "a|abbr|address|article|aside|audio|b|big|blockquote|br|caption|center|cite|code|col|colgroup|dd|"
    "del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|h[1-6]|header|hr|i|iframe|img|"
    "ins|kbd|li|mark|nav|ol|p|picture|pre|q|s|samp|section|small|source|span|strike|strong|sub|"
    "summary|sup|table|tbody|td|tfoot|th|thead|time|tr|tt|u|ul|var|video|wbr"
)
_HTML_TAG = re.compile(  # known tag names only, attributes as CommonMark spells them
    rf"<(?:{_HTML_TAGS})(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
    rf"|</(?:{_HTML_TAGS})\s*>",
    re.IGNORECASE,
)
_RAW_BLOCK = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_BRACKET = re.compile(r"[\[\]]")
_DESTINATION = re.compile(  # (url), (<url with spaces>), (url "title"), one level of parentheses in the url
    r"""\([ \t\r\n]*(?:<[^<>\r\n]*>|(?:[^\s()]|\([^\s()]*\))*)"""
    r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t\r\n]*\)"""
)
_MAX_DESTINATION = 2048  # a link destination and title longer than this is taken as prose
_DELIM_RUN = re.compile(r"\*+|_+|~{2,}")
_NON_SPACE = re.compile(r"\S")
_WHITESPACE = frozenset(" \t\r\n\f\v\xa0")


@dataclass(slots=True)
class Parsed:
    """What ``parse`` found: the blanked text, the front matter and the suppressions."""

    text: str
    front: frontmatter.FrontMatter
    title: str = ""
    suppressions: list[dict[str, Any]] = field(default_factory=list)


def parse(source: str, label: str) -> Parsed:
    """Blank everything in ``source`` that is not prose; same length, same line breaks."""
    front = frontmatter.parse(source, label)
    buf = list(source)
    blank_range(buf, 0, front.end)
    _blank_fences(buf, source, front.end)
    protected = _code_spans_and_escapes(buf)
    comments = _blank_comments(buf)
    blocks = _block_markup(buf, front.end)
    _inline_markup(buf, source, blocks.ref_labels)
    for i in protected:  # escaped characters are prose: put them back
        if buf[i] == PROTECT:
            buf[i] = source[i]
    text = "".join(buf)
    title = _first_heading(text, blocks)
    suppressions = _suppressions(comments, text, source, blocks, label)
    return Parsed(text=text, front=front, title=title, suppressions=suppressions)


# ---------------------------------------------------------------- code and escapes


def _line_spans(text: str, start: int = 0) -> list[tuple[int, int, int]]:
    """(start, end_without_newline, end_with_newline) of every line from ``start``."""
    spans = []
    pos = start
    n = len(text)
    while pos < n:
        m = _LINE.match(text, pos)
        end = m.end()
        body_end = end
        while body_end > pos and text[body_end - 1] in "\r\n":
            body_end -= 1
        spans.append((pos, body_end, end))
        if end == pos:
            break
        pos = end
    return spans


def _blank_fences(buf: list[str], source: str, start: int) -> None:
    """Blank fenced code blocks, fences included (an unclosed fence runs to the end, as in CommonMark)."""
    fence = ""
    for line_start, body_end, _ in _line_spans(source, start):
        line = source[line_start:body_end]
        if fence:
            blank_range(buf, line_start, body_end)
            stripped = line.lstrip(" ")
            if len(line) - len(stripped) <= 3 and stripped.startswith(fence) and not stripped.strip(fence[0]).strip():
                fence = ""
            continue
        m = _FENCE_OPEN.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = m.group(1)
            blank_range(buf, line_start, body_end)


def _paragraph_end(text: str, pos: int) -> int:
    """Where the paragraph holding ``pos`` ends: the next blank line, or the end of the text."""
    m = _BLANK_LINE_GAP.search(text, pos)
    return m.start() if m else len(text)


def _paragraph_ends(text: str) -> Callable[[int], int]:
    """``_paragraph_end`` for many positions of one text: gaps found once, then bisected."""
    gaps = [m.start() for m in _BLANK_LINE_GAP.finditer(text)]
    n = len(text)

    def end(pos: int) -> int:
        k = bisect.bisect_left(gaps, pos)
        return gaps[k] if k < len(gaps) else n

    return end


def _code_spans_and_escapes(buf: list[str]) -> list[int]:
    """Blank inline code spans and the backslash of escapes, left to right as CommonMark does.

    An escaped character is replaced by ``PROTECT`` so later passes take it as a letter;
    the positions of those characters are returned so they can be put back.
    """
    text = "".join(buf)
    paragraph_end = _paragraph_ends(text)
    runs: dict[int, list[int]] = {}  # backtick run length -> sorted start positions
    for m in _BACKTICKS.finditer(text):
        runs.setdefault(m.end() - m.start(), []).append(m.start())
    protected: list[int] = []
    i = 0
    while True:
        m = _ESCAPE_OR_TICKS.search(text, i)
        if not m:
            return protected
        i = m.start()
        if text[i] == "\\":
            buf[i] = " "
            if m.end() - i == 2 and text[i + 1] not in "\r\n":
                buf[i + 1] = PROTECT
                protected.append(i + 1)
            i = m.end()
            continue
        j = m.end()
        run = j - i
        starts = runs.get(run, [])
        k = bisect.bisect_left(starts, j)
        close = starts[k] if k < len(starts) and starts[k] < paragraph_end(j) else -1
        if close == -1:
            blank_range(buf, i, j)  # a stray backtick run is not prose either
            i = j
        else:
            blank_range(buf, i, close + run)
            i = close + run


# ---------------------------------------------------------------- comments and suppressions


@dataclass(slots=True)
class _Comment:
    """Where an HTML comment is; its body is read from the source (code spans in buf are blanked)."""

    start: int
    end: int


def _blank_comments(buf: list[str]) -> list[_Comment]:
    """Blank HTML comments (and script/style blocks) and return the comments for the directives."""
    text = "".join(buf)
    comments = []
    for m in _COMMENT.finditer(text):
        comments.append(_Comment(m.start(), m.end()))
        blank_range(buf, m.start(), m.end())
    text = "".join(buf)
    for m in _RAW_BLOCK.finditer(text):
        blank_range(buf, m.start(), m.end())
    return comments


def _suppressions(
    comments: list[_Comment], text: str, source: str, blocks: _Blocks, label: str
) -> list[dict[str, Any]]:
    """Turn ``factcheck:`` comments into suppression ranges of file offsets."""
    out: list[dict[str, Any]] = []
    open_at: int | None = None
    open_rules: list[str] = []
    open_line = 0
    for c in comments:
        m = _DIRECTIVE.match(source, c.start + 4, c.end - 3 if source.startswith("-->", c.end - 3) else c.end)
        if not m:
            continue
        words = [w.strip("`'\"") for w in m.group(1).replace(",", " ").split()]
        words = [w for w in words if w]
        line = line_column(source, c.start)[0]
        if not words:
            raise InputError(
                f"{label}:{line}: empty factcheck comment; write 'factcheck: ignore [RULES]', 'off' or 'on'"
            )
        command, rules = words[0].lower(), words[1:]
        for rule in rules:
            if not _RULE_ID.fullmatch(rule):
                raise InputError(f"{label}:{line}: bad rule id {rule!r} in factcheck comment; write e.g. FC101")
        rules = [r.upper() if r[:2].upper() == "FC" else r for r in rules]  # ids upper-cased, names as written
        if command == "ignore":
            start = _next_prose(text, c.end)
            if start is not None:
                out.append({"start": start, "end": _prose_end(text, start, blocks), "rules": rules, "line": line})
        elif command == "off":
            if open_at is None:
                open_at, open_rules, open_line = c.end, rules, line
        elif command == "on":
            if rules:
                raise InputError(f"{label}:{line}: 'factcheck: on' takes no rule ids; it ends the last 'off'")
            if open_at is not None:
                out.append({"start": open_at, "end": c.start, "rules": open_rules, "line": open_line})
                open_at = None
        else:
            raise InputError(
                f"{label}:{line}: unknown factcheck command {words[0]!r}; use 'ignore [RULES]', 'off' or 'on'"
            )
    if open_at is not None:
        out.append({"start": open_at, "end": len(text), "rules": open_rules, "line": open_line})
    return out


def _next_prose(text: str, pos: int) -> int | None:
    """First non-blank character at or after ``pos``."""
    m = _NON_SPACE.search(text, pos)
    return m.start() if m else None


def _prose_end(text: str, start: int, blocks: _Blocks) -> int:
    """End of the paragraph starting at ``start`` (a heading is a paragraph of its own line)."""
    end = _paragraph_end(text, start)
    for _, h_start, h_end in blocks.headings:
        if h_start <= start <= h_end:
            end = h_end
            break
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- block markup


@dataclass(slots=True)
class _Blocks:
    headings: list[tuple[int, int, int]] = field(default_factory=list)  # (level, start, end)
    ref_labels: set[str] = field(default_factory=set)


def _normalize_label(label: str) -> str:
    return " ".join(label.split()).lower()


def _block_markup(buf: list[str], start: int) -> _Blocks:
    """Blank line-level markup: quote marks, bullets, heading marks, rules, tables, definitions."""
    text = "".join(buf)
    spans = _line_spans(text, start)
    blocks = _Blocks()
    prev_blank = True
    in_list = False
    table_open = False
    for idx, (ls, le, _) in enumerate(spans):
        line = text[ls:le]
        if not line.strip():
            prev_blank = True
            table_open = False
            continue
        pos = ls
        quoted = False
        list_item = False
        while True:  # container prefixes: "> ", "- ", "1. ", in any nesting
            m = _BLOCKQUOTE.match(text, pos, le)
            if m:
                blank_range(buf, m.start(), m.end())
                pos, quoted = m.end(), True
                continue
            m = _BULLET.match(text, pos, le)
            if m and (prev_blank or in_list or quoted or list_item) and not _RULE_LINE.match(text, pos, le):
                blank_range(buf, m.start(), m.end())
                pos, list_item = m.end(), True
                t = _TASK.match(text, pos, le)
                if t:
                    blank_range(buf, t.start(), t.end())
                    pos = t.end()
                continue
            break
        if list_item:
            in_list = True
        elif prev_blank and not line[:1].isspace():
            in_list = False
        rest = text[pos:le]
        if m := _HEADING.match(text, pos, le):
            blank_range(buf, m.start(), m.end())
            close = _heading_close(text, m.end(), le)
            if close:
                blank_range(buf, close[1], close[2])
            blocks.headings.append((len(m.group(1)), m.end(), close[0] if close else le))
        elif _RULE_LINE.match(text, pos, le):  # thematic break or setext underline
            blank_range(buf, ls, le)
        elif m := _REF_DEF.match(text, pos, le):
            blocks.ref_labels.add(_normalize_label(m.group(1)))
            blank_range(buf, ls, le)
        elif m := _FOOTNOTE_DEF.match(text, pos, le):
            blank_range(buf, m.start(1), m.end(1))
        elif "|" in rest and _TABLE_SEP.match(text, pos, le) and "-" in rest:
            blank_range(buf, ls, le)
            if idx > 0:
                _blank_pipes(buf, text, spans[idx - 1][0], spans[idx - 1][1])
            table_open = True
        elif table_open and "|" in rest:
            _blank_pipes(buf, text, ls, le)
        else:
            table_open = False
        prev_blank = False
    return blocks


def _heading_close(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The closing ``#`` run of an ATX heading ("## Titre ##"): (blanks start, hashes start, hashes end).

    Read backwards from the end of the line, so a line of any length is read once.
    """
    e = end
    while e > start and text[e - 1] in " \t":
        e -= 1
    h = e
    while h > start and text[h - 1] == "#":
        h -= 1
    if h == e or h == start or text[h - 1] not in " \t":
        return None
    w = h
    while w > start and text[w - 1] in " \t":
        w -= 1
    return w, h, e


def _blank_pipes(buf: list[str], text: str, start: int, end: int) -> None:
    for i in range(start, end):
        if text[i] == "|" and buf[i] == "|":
            buf[i] = " "


def _first_heading(text: str, blocks: _Blocks) -> str:
    """Text of the first level-1 heading, markup blanked (the title when the front matter has none)."""
    for level, start, end in blocks.headings:
        if level == 1:
            return " ".join(text[start:end].split())
    return ""


# ---------------------------------------------------------------- inline markup


def _inline_markup(buf: list[str], source: str, ref_labels: set[str]) -> None:
    """Blank autolinks, inline HTML tags, images, link syntax, footnote refs and emphasis runs."""
    text = "".join(buf)
    for rx in (_AUTOLINK, _HTML_TAG):
        for m in rx.finditer(text):
            blank_range(buf, m.start(), m.end())
    _links(buf, ref_labels, images=True)
    _links(buf, ref_labels, images=False)
    _emphasis(buf, source)


def _bracket_pairs(text: str, paragraph_end: Callable[[int], int]) -> dict[int, int]:
    """Position of the ``]`` closing each ``[`` (nesting counted, never across a blank line)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    limit = -1
    for m in _BRACKET.finditer(text):
        i = m.start()
        if i >= limit:  # a new paragraph: unclosed brackets of the last one stay unclosed
            stack.clear()
            limit = paragraph_end(i)
        if text[i] == "[":
            stack.append(i)
        elif stack:
            pairs[stack.pop()] = i
    return pairs


def _destination_end(text: str, i: int, limit: int) -> int:
    """Index just after the ``)`` closing an inline link destination opened at ``text[i] == "("``."""
    m = _DESTINATION.match(text, i, min(limit, i + _MAX_DESTINATION))
    return m.end() if m else -1


def _links(buf: list[str], ref_labels: set[str], images: bool) -> None:
    """Images: blank entirely. Links: keep the text, blank ``[``, ``](url)`` / ``][ref]``. Footnote refs: blank."""
    text = "".join(buf)
    paragraph_end = _paragraph_ends(text)
    pairs = _bracket_pairs(text, paragraph_end)
    n = len(text)
    i = 0
    while i < n:
        i = text.find("![" if images else "[", i)
        if i == -1:
            return
        bracket = i + 1 if images else i
        limit = paragraph_end(bracket)
        close = pairs.get(bracket, -1)
        if close == -1:
            i = bracket + 1
            continue
        label = text[bracket + 1 : close]
        end = -1
        if close + 1 < n and text[close + 1] == "(":
            end = _destination_end(text, close + 1, limit)
        elif close + 1 < n and text[close + 1] == "[":
            ref_close = pairs.get(close + 1, -1)
            if ref_close != -1:
                ref = text[close + 2 : ref_close]
                if ref or _normalize_label(label) in ref_labels:  # [text][ref], or [text][] when defined
                    end = ref_close + 1
        elif not images and label.startswith("^") and label[1:].strip():
            blank_range(buf, i, close + 1)  # footnote reference [^1]
            i = close + 1
            continue
        elif _normalize_label(label) in ref_labels:
            end = close + 1  # shortcut reference link [text]
        if end == -1:
            i = bracket + 1
            continue
        if images:
            blank_range(buf, i, end)
        else:
            blank_range(buf, i, i + 1)
            blank_range(buf, close, end)
        i = end  # link text holds no other link (images were blanked in the first pass)


def _is_punct(c: str) -> bool:
    return not c.isalnum() and c not in _WHITESPACE and c != PROTECT


def _emphasis(buf: list[str], source: str) -> None:
    """Blank ``*``/``_``/``~~`` runs that can open or close emphasis (CommonMark flanking rules).

    A lone ``*`` between spaces (multiplication) and intraword ``_`` (snake_case) are kept;
    a single ``~`` (≈) is never touched. Neighbours are read in the *source*, so link markup
    blanked earlier does not change the decision.
    """
    text = "".join(buf)
    n = len(text)
    for m in _DELIM_RUN.finditer(text):
        s, e = m.start(), m.end()
        prev = source[s - 1] if s > 0 else "\n"
        nxt = source[e] if e < n else "\n"
        if s > 0 and buf[s - 1] == PROTECT:
            prev = "a"  # an escaped character is a literal, like a letter
        if e < n and buf[e] == PROTECT:
            nxt = "a"
        left = nxt not in _WHITESPACE and (not _is_punct(nxt) or prev in _WHITESPACE or _is_punct(prev))
        right = prev not in _WHITESPACE and (not _is_punct(prev) or nxt in _WHITESPACE or _is_punct(nxt))
        char = m.group()[0]
        if char == "_":
            can = (left and (not right or _is_punct(prev))) or (right and (not left or _is_punct(nxt)))
        else:
            can = left or right
        if can:
            blank_range(buf, s, e)
