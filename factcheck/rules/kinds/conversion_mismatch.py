"""conversion_mismatch: a figure and its conversion into another unit that do not match.

What it checks
    A figure followed, in the same sentence, by the same quantity in another unit of the
    same dimension, in parentheses or after "soit", "or", "i.e." ("100 km (62 miles)",
    "720 kg, soit 0,72 t"). The two must be equal to within the rounding of the coarser
    written figure plus ``rel_tol``.

Why it matters
    A wrong conversion is an error on its face, and it usually means one of the two
    figures was retyped wrong (100 km is 62 miles, not 80).

Example
    "Amatrice lies some 100 kilometres (80 miles) north-east of Rome."

Use instead
    Convert again from the source's figure, or give one unit only.

Parameters
    rel_tol: relative tolerance on top of the rounding of the written figures.
    joins: per language, what may stand between a figure and its conversion (a regular
        expression matched on the text between them).
"""

from __future__ import annotations

import math
import re
from typing import Iterable

from factcheck.models import Claim, Finding
from factcheck.rules.kinds.base import CheckContext, Kind
from factcheck.rules.values import fmt_number, half_unit


def _rounding(claim: Claim) -> float:
    """Half the last written digit, in base units, no coarser than two significant digits."""
    v = abs(claim.value)
    if not v:
        return 0.0
    unit = half_unit(claim.value)
    if v >= 10:
        unit = min(unit, 0.5 * 10 ** (math.floor(math.log10(v)) - 1))
    return unit * abs(claim.base_value / claim.value)


class ConversionMismatch(Kind):
    name = "conversion_mismatch"
    PARAMS = {"rel_tol": 0.03,
              "joins": {"fr": r"\s*(?:\(\s*(?:soit\s+|environ\s+)?|,?\s*soit\s+(?:environ\s+)?|\s+ou\s+)",
                        "en": r"\s*(?:\(\s*(?:about\s+|around\s+|some\s+)?|,?\s*or\s+(?:about\s+|around\s+)?"
                              r"|,?\s*i\.e\.\s*)"}}
    PLACEHOLDERS = frozenset({"a", "b", "expected"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self._joins = {lang: re.compile(p + r"$", re.IGNORECASE) for lang, p in self.params["joins"].items()}

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        by_sentence: dict[tuple[str, int], list[Claim]] = {}
        for c in ctx.claims:
            if c.unit and c.unit != "percent" and c.article is not None:
                by_sentence.setdefault((c.path, c.sentence_start), []).append(c)
        for claims in by_sentence.values():
            claims.sort(key=lambda c: c.start)
            for a, b in zip(claims, claims[1:]):
                finding = self._judge(a, b)
                if finding is not None:
                    yield finding

    def _judge(self, a: Claim, b: Claim) -> Finding | None:
        if a.unit == b.unit or a.dimension != b.dimension or a.qualifier == "range" or b.qualifier == "range":
            return None
        art = a.article
        gap = art.file_text[a.end:b.start] if art is not None else ""
        lang = a.lang if a.lang in self._joins else "en"
        if len(gap) > 30 or not self._joins[lang].fullmatch(gap):
            return None
        va, vb = a.base_value, b.base_value
        if not va or not vb:
            return None
        # either figure may be the other converted and rounded, to at least two significant
        # digits ("100km (65 miles)": 65 miles is 105 km; "100 km (80 miles)": 80 miles is 129 km)
        slack = max(_rounding(a), _rounding(b)) + self.params["rel_tol"] * max(abs(va), abs(vb))
        if abs(va - vb) <= slack:
            return None
        expected = b.value * va / vb  # the value the second figure should have, in its unit
        return self.finding((a, b), a.lang or "en", a=a.text, b=b.text, expected=fmt_number(round(expected, 1), a.lang or "en"))
