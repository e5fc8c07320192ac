"""Blanking: replace non-prose characters by spaces while keeping every offset true.

Line-ending characters survive blanking so that line numbers and paragraph breaks of
the blanked text are those of the file.
"""

from __future__ import annotations

import re

KEEP = frozenset("\r\n")
_NOT_NEWLINE = re.compile(r"[^\r\n]+")


def blanked(s: str) -> str:
    """``s`` with every character but ``\\r``/``\\n`` turned into a space (same length)."""
    return _NOT_NEWLINE.sub(lambda m: " " * (m.end() - m.start()), s)


def blank_range(buf: list[str], start: int, end: int) -> None:
    """Blank ``buf[start:end]`` in place."""
    buf[start:end] = [c if c in KEEP else " " for c in buf[start:end]]


def place(buf: list[str], start: int, end: int, decoded: str) -> None:
    """Lay ``decoded`` (an entity's or escape's value) over ``buf[start:end]``: value first, then spaces."""
    width = end - start
    if len(decoded) > width:  # never happens for HTML entities or JSON escapes; keep offsets anyway
        decoded = decoded[:width]
    buf[start:end] = list(decoded) + [" "] * (width - len(decoded))
