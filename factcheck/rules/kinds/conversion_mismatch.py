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
from factcheck.units import Q_


def _rounding(claim: Claim) -> float:
    """Half the last written digit, in the claim's unit, no coarser than two significant digits."""
    v = abs(claim.value)
    if not v:
        return 0.0
    unit = half_unit(claim.value)
    if v >= 10:
        unit = min(unit, 0.5 * 10 ** (math.floor(math.log10(v)) - 1))
    return unit


def _convert(value: float, unit: str, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to`` with the program's registry (None if it cannot)."""
    try:
        return float(Q_(value, unit).to(to).magnitude)
    except Exception:  # noqa: BLE001 - pint raises several kinds of errors for units it cannot relate
        return None


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
        files = {a.key: a.file_text for a in ctx.articles}  # what stands between two figures is read in the file
        by_sentence: dict[tuple[str, int], list[Claim]] = {}
        for c in ctx.claims:
            if c.unit and c.unit != "percent" and c.article_key in files:
                by_sentence.setdefault((c.path, c.sentence_start), []).append(c)
        for claims in by_sentence.values():
            claims.sort(key=lambda c: c.start)
            for a, b in zip(claims, claims[1:]):
                finding = self._judge(a, b, files[a.article_key])
                if finding is not None:
                    yield finding

    def _judge(self, a: Claim, b: Claim, file_text: str) -> Finding | None:
        if a.unit == b.unit or a.dimension != b.dimension or a.qualifier == "range" or b.qualifier == "range":
            return None
        gap = file_text[a.end:b.start]
        lang = a.lang if a.lang in self._joins else "en"
        if len(gap) > 30 or not self._joins[lang].fullmatch(gap):
            return None
        expected = _convert(a.value, a.unit, b.unit)
        if expected is None or not b.value or not expected:
            return None
        # either figure may be the other converted and rounded, to at least two significant
        # digits ("100km (65 miles)": 65 miles is 105 km; "100 km (80 miles)": 80 miles is 129 km);
        # compared in the second figure's unit, so that °C and °F convert with their offsets
        shifted = _convert(a.value + _rounding(a), a.unit, b.unit)
        tol_a = abs(shifted - expected) if shifted is not None else 0.0
        slack = max(tol_a, _rounding(b)) + self.params["rel_tol"] * abs(b.value)
        if abs(expected - b.value) <= slack:
            return None
        return self.finding((a, b), a.lang or "en", a=a.text, b=b.text, expected=fmt_number(round(expected, 1), a.lang or "en"))
