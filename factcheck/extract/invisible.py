"""Invisible format characters, removed once before extraction, with a map back to the file.

Zero-width spaces, soft hyphens, word joiners, direction marks and other Unicode format
characters (category Cf) show nothing on the page but split what the reader sees as one
number ("8\u200b300", "1\u00ad200") or one word. Extraction reads the text without them; an
``OffsetMap`` turns offsets into that text back into offsets into the original, so every
claim still points into the file as it is on disk.
"""

from __future__ import annotations

import bisect
import re

# The format characters (category Cf) of Unicode 15.1, as ranges: scanning all 1.1 million
# code points with ``unicodedata`` at import took a fifth of a second of every CLI run.
# tests/extract/test_invisible.py checks the table covers the running Python's Unicode.
FORMAT_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)
_FORMAT = re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                                   for a, b in FORMAT_RANGES) + "]+")


class OffsetMap:
    """Offsets into a text with runs of characters removed → offsets into the original text."""

    __slots__ = ("_clean", "_orig")

    def __init__(self, clean_starts: list[int], orig_starts: list[int]) -> None:
        self._clean = clean_starts  # where each kept piece starts in the stripped text
        self._orig = orig_starts    # … and in the original

    def start(self, pos: int) -> int:
        """The original offset of the character at ``pos`` (or of the end, at the end)."""
        i = bisect.bisect_right(self._clean, pos) - 1
        return self._orig[i] + pos - self._clean[i]

    def end(self, pos: int) -> int:
        """The original offset just after the character before ``pos``: for span ends, so a
        span never grows over the invisible characters that follow it."""
        return self.start(pos - 1) + 1 if pos > 0 else self.start(0)


def strip_format_chars(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` without format characters, and the map back (``None``: there were none)."""
    first = _FORMAT.search(text)
    if first is None:
        return text, None
    pieces: list[str] = []
    clean_starts: list[int] = [0]
    orig_starts: list[int] = [0]
    pos = kept = 0
    for m in _FORMAT.finditer(text, first.start()):
        pieces.append(text[pos:m.start()])
        kept += m.start() - pos
        pos = m.end()
        clean_starts.append(kept)
        orig_starts.append(pos)
    pieces.append(text[pos:])
    return "".join(pieces), OffsetMap(clean_starts, orig_starts)
