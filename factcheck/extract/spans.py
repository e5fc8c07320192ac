"""Sets of text spans, looked up in O(log n): "is this position blocked?", "does this overlap?".

The extractors ask such questions once per number or per match. A linear scan of a list
of spans per question is quadratic on a text with many numbers (a table flattened into
one line, a wire feed of digits), so spans are merged and bisected instead.
"""

from __future__ import annotations

import bisect
from typing import Iterable


class SpanSet:
    """Half-open spans ``[start, end)``, merged where they overlap or touch."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(s for s in spans if s[1] > s[0]):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        self._starts, self._ends = starts, ends

    def __len__(self) -> int:
        return len(self._starts)

    def covers(self, pos: int) -> bool:
        """True when ``pos`` lies inside a span."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares at least one position with a span."""
        if end <= start:
            return False
        i = bisect.bisect_left(self._starts, end) - 1  # the last span starting before ``end``
        return i >= 0 and self._ends[i] > start
