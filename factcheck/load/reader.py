"""Bytes → str, with the checks that turn unreadable input into one-line ``InputError``s.

Offsets everywhere in factcheck are Python ``str`` indices into the text returned here.
Line endings are kept exactly as in the file (``newline=""`` semantics: ``\\r\\n`` stays
``\\r\\n``, an old Mac ``\\r`` stays ``\\r``) so those offsets stay true; lines are counted
as editors count them, at ``\\r\\n``, ``\\n`` or a lone ``\\r`` (``factcheck.models.LineIndex``).

Files are UTF-8. A leading byte order mark is accepted and dropped: offset 0 is the first
character after it, as editors count columns; the caller records ``meta["bom"] = True``.
A UTF-16 or UTF-32 file is read when its byte order mark says so (offsets are then
character offsets into the decoded text, as for UTF-8); without the mark it is refused,
as are NUL characters, with the line and column where they are.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path, PurePath

from factcheck.errors import InputError

BOM = "\ufeff"
DEFAULT_MAX_BYTES = 20_000_000
# the option that raises the limit, named in the refusal
MAX_BYTES_HINT = "split it or raise the limit (--max-bytes N, or max-bytes in the configuration)"
UTF8_BOM = b"\xef\xbb\xbf"
# The longer marks first: the UTF-32 little-endian mark starts with the UTF-16 one.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_LINE_BREAK = re.compile(r"\r\n?|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n?|\n")


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``, lines ending at \\r\\n, \\n or a lone \\r."""
    line, start = 1, 0
    for m in _LINE_BREAK.finditer(text, 0, offset + 1):  # one past: the \n of a \r\n at ``offset``
        if m.end() > offset:
            break
        line, start = line + 1, m.end()
    return line, offset - start + 1


def _byte_line(data: bytes, pos: int) -> int:
    return sum(1 for _ in _LINE_BREAK_BYTES.finditer(data, 0, pos)) + 1


def human_size(size: int) -> str:
    """A size for humans: ``25.3 MB``, ``812 KB``, ``17 bytes``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.0f} KB"
    return f"{size} bytes"


def read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    """Read a file, checking it exists and is not over ``max_bytes`` *before* reading it."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{label}: no such file or folder; check the path") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise InputError(f"{label}: not a regular file; pass an article file or a folder")
    if st.st_size > max_bytes:
        raise InputError(
            f"{label}: file is {human_size(st.st_size)} ({st.st_size} bytes), over the "
            f"{max_bytes}-byte limit; {MAX_BYTES_HINT}"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{label}: cannot read (permission denied); check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # grew between stat and read, or a special file
        raise InputError(f"{label}: file is over the {max_bytes}-byte limit; {MAX_BYTES_HINT}")
    return data


def decode(data: bytes, label: str) -> tuple[str, bool]:
    """File bytes → (text, had_bom): UTF-8, or UTF-16/32 with a byte order mark; anything else
    (binary data, another encoding, NUL characters) is refused with a clear message."""
    for mark, codec in _WIDE_BOMS:
        if data.startswith(mark):
            try:
                text = data.decode(codec)  # the codec reads the mark and drops it
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{label}: not valid {codec.upper()} (bad bytes at byte offset {exc.start}); "
                    "convert the file to UTF-8"
                ) from None
            nul = text.find("\x00")
            if nul != -1:
                line, column = line_column(text, nul)
                raise InputError(f"{label}: looks like a binary file (NUL character at line {line}, column "
                                 f"{column}); factcheck reads text")
            return text, True
    nul = data.find(b"\x00")
    if nul != -1:
        head = data[:400]
        odd, even = head[1::2], head[0::2]
        if len(head) >= 4 and (odd.count(0) == len(odd) or even.count(0) == len(even)):
            raise InputError(f"{label}: looks like UTF-16 without a byte order mark (NUL bytes between the "
                             "letters); convert it to UTF-8")
        raise InputError(
            f"{label}: looks like a binary file (NUL byte at byte offset {nul}); factcheck reads UTF-8 text"
        )
    bom = data.startswith(UTF8_BOM)
    start = len(UTF8_BOM) if bom else 0
    try:
        text = data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        pos = exc.start + start
        raise InputError(
            f"{label}: not valid UTF-8 (byte 0x{data[pos]:02x} at byte offset {pos}, line {_byte_line(data, pos)}); "
            "convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        ) from None
    return text, bom


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Text with each unpaired surrogate (from a JSON "\\udca0" escape) made U+FFFD, as a
    feed's are: it is no character, has no UTF-8 form, and neither the parser nor the
    number reader can take it. One code point for one, so offsets hold. Only text handed
    over in memory can hold one: a file is decoded strictly."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def check_text(text: str, label: str) -> tuple[str, bool]:
    """Checks shared by files and in-memory text: drops a BOM, refuses NUL and empty input."""
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    nul = text.find("\x00")
    if nul != -1:
        raise InputError(f"{label}: looks like binary data (NUL character at offset {nul}); pass UTF-8 text")
    if not text:
        raise InputError(f"{label}: file is empty; add the article text or remove the file")
    if text.isspace():
        raise InputError(f"{label}: file contains only whitespace; add the article text or remove the file")
    return text, bom


def read_text(path: Path, label: str, max_bytes: int) -> tuple[str, bool]:
    """Read a UTF-8 article file: (text as read, had_bom). See the module docstring for offsets."""
    data = read_bytes(path, label, max_bytes)
    text, bom = decode(data, label)
    text, _ = check_text(text, label)
    return text, bom


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as shown to the user and stored in ``Article.path``: as given, forward slashes."""
    return PurePath(path).as_posix()
