"""JSON Lines: one article per line, ``{"id", "text", "date", "source", "lang", "title"}``.

Every article shares the whole file as ``file_text``; its ``offset`` is the position of
the first character inside the quotes of the ``text`` value, and ``text`` is that raw
JSON string decoded *in place*: each decoded character sits at the position of the first
character of its source (``\\u00e9`` → ``é`` + 5 spaces, ``\\n`` → newline + 1 space), so
offsets into ``text`` plus ``offset`` stay offsets into the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from factcheck.errors import InputError
from factcheck.load.blank import place

_DECODER = json.JSONDecoder()
_WS = re.compile(r"[ \t\r\n]*")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)?")  # a JSON string holds no raw line break: \r ends a line too
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass(slots=True)
class Record:
    """One line: its decoded object, and where its ``text`` value's content starts and ends."""

    line: int
    data: dict[str, Any]
    text_start: int
    text_end: int


def records(source: str, label: str) -> list[Record]:
    """Every non-blank line of ``source`` as a ``Record``; a bad line is an ``InputError``."""
    out = []
    for number, m in enumerate(_LINE.finditer(source), start=1):
        if m.start() == m.end():
            break
        line = m.group()
        if not line.strip():
            continue
        out.append(_record(source, m.start(), m.end(), number, label))
    return out


def _record(source: str, start: int, end: int, number: int, label: str) -> Record:
    where = f"{label}:{number}"
    try:
        data = json.loads(source[start:end].rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.pos + 1}); write one JSON object per line") from None
    except RecursionError:
        raise InputError(f"{where}: invalid JSON (nested too deeply); write one JSON object per line") from None
    except ValueError as exc:  # e.g. an integer longer than Python's 4300-digit limit
        raise InputError(f"{where}: invalid JSON ({exc}); write one JSON object per line") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: line is a JSON {_json_type(data)}, not an object; write one object per line")
    if "text" not in data:
        raise InputError(f"{where}: object has no \"text\" key; give each line the article as \"text\"")
    if not isinstance(data["text"], str):
        raise InputError(f"{where}: \"text\" is a JSON {_json_type(data['text'])}, not a string")
    if not data["text"].strip():
        raise InputError(f"{where}: \"text\" is empty; give the article text or remove the line")
    text_start, text_end = _text_span(source, start, end)
    return Record(number, data, text_start, text_end)


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _text_span(source: str, start: int, end: int) -> tuple[int, int]:
    """Content span (inside the quotes) of the last top-level ``"text"`` value, as ``json.loads`` keeps the last."""
    pos = _WS.match(source, start, end).end() + 1  # after "{"
    span = (-1, -1)
    while True:
        pos = _WS.match(source, pos, end).end()
        if source[pos] == "}":
            break
        key, pos = json.decoder.scanstring(source, pos + 1)
        pos = _WS.match(source, pos, end).end() + 1  # after ":"
        pos = _WS.match(source, pos, end).end()
        value_start = pos
        _, pos = _DECODER.raw_decode(source, pos)
        if key == "text":
            span = (value_start + 1, pos - 1)
        pos = _WS.match(source, pos, end).end()
        if source[pos] == ",":
            pos += 1
        else:
            break
    return span


def decode_in_place(raw: str) -> str:
    """The JSON string content ``raw`` decoded, each character at its source position (same length)."""
    buf = list(raw)
    i = 0
    n = len(raw)
    while i < n:
        if raw[i] != "\\":
            i += 1
            continue
        c = raw[i + 1]
        if c != "u":
            place(buf, i, i + 2, _ESCAPES[c])
            i += 2
            continue
        code = int(raw[i + 2 : i + 6], 16)
        length = 6
        if 0xD800 <= code < 0xDC00 and raw[i + 6 : i + 8] == "\\u":
            low = int(raw[i + 8 : i + 12], 16)
            if 0xDC00 <= low < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                length = 12
        place(buf, i, i + length, "\ufffd" if 0xD800 <= code < 0xE000 else chr(code))  # lone surrogate
        i += length
    return "".join(buf)
