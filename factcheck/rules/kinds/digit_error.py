"""digit_error: two figures for one fact that differ by two swapped digits or a zero.

What it checks
    Two aligned claims in the same unit whose digits are the same except for two adjacent
    digits swapped (6,12 m / 6,21 m; 62 % / 26 %), or one of which has a zero too many or
    too few (1 200 / 120).

Why it matters
    A transposed or dropped digit is a typing error: one of the two figures is wrong, and
    nothing in the text tells the reader which.

Example
    "un pic de 6,12 m" in one article, "a culminé à 6,21 m" for the same gauge in another.

Use instead
    Check the figure against the source and correct the mistyped one.

Parameters
    min_score: same-fact score the pair needs when the numbers have three digits or more
        (or, instead, words shared right around both numbers: "au pont de la Madeleine").
    min_score_short: the score needed for one- and two-digit numbers (coincidences are common);
        these must also name the same thing counted.
"""

from __future__ import annotations

from factcheck.align import Candidate
from factcheck.models import Finding
from factcheck.rules.kinds.base import Kind
from factcheck.rules.values import lang_of, pair_subject, significant_digits, written_digits


def transposed(x: str, y: str) -> bool:
    """True when y is x with two adjacent, different digits swapped."""
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def _integer_digits(value: float) -> int:
    return len(str(int(abs(value))))


class DigitError(Kind):
    name = "digit_error"
    pairwise = True
    priority = 20
    PARAMS = {"min_score": 0.3, "min_score_short": 0.6}
    PLACEHOLDERS = frozenset({"a", "b", "subject", "how"})

    def check_pair(self, cand: Candidate) -> Finding | None:
        a, b = cand.a, cand.b
        if a.unit != b.unit or a.value == b.value or not self.scope_ok(cand):
            return None
        if a.qualifier not in ("exact",) or b.qualifier not in ("exact",):
            return None
        da, db = written_digits(a.value), written_digits(b.value)
        lang = lang_of(a, b)
        how = ""
        if transposed(da, db) and _integer_digits(a.value) == _integer_digits(b.value):
            # the decimal separator stays in place: 6,12 / 6,21, not 1,3 / 31
            how = "chiffres inversés" if lang == "fr" else "two digits swapped"
        elif len(max(da, db, key=len)) >= 3 and significant_digits(a.value) == significant_digits(b.value) and \
                round(max(a.value, b.value) / min(a.value, b.value), 9) == 10:
            how = "un zéro de trop ou de moins" if lang == "fr" else "a zero too many or too few"
        if not how:
            return None
        long_number = len(da.strip("0")) >= 3
        need = self.params["min_score"] if long_number else self.params["min_score_short"]
        if cand.different or cand.update:
            return None
        if cand.score < need and not (long_number and "window" in cand.support):
            return None
        if len(max(da, db, key=len).lstrip("0")) <= 2 and cand.subject not in ("same", "synonym"):
            return None  # "15" and "51" of two unnamed things: a coincidence, not a slip
        return self.finding((a, b), lang, a=a.text, b=b.text, subject=pair_subject(a, b, lang), how=how)
