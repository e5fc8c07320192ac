"""unit_slip: the same digits in two units (or magnitude words) for one fact.

What it checks
    Two claims aligned as the same fact whose written digits are the same but whose
    values differ because the unit differs (720 g / 720 kg, 1.2 tonnes / 1,200 lb), or, in
    ``mode: magnitude``, because the magnitude word differs (1,2 million / 1,2 milliard).

Why it matters
    A slipped unit changes a figure by a factor of a thousand or more and is the kind of
    error readers repeat. It usually comes from retyping a source (a tweet, a communiqué).

Example
    "720g d'héroïne" in the prefecture's post, "720 kg d'héroïne" in the article body.

Use instead
    Go back to the source and copy its unit; write the value once, in one unit.

Parameters
    mode: ``unit`` (units differ), ``magnitude`` (same unit, values a power of 1 000 apart;
        when only one figure has a magnitude word, both must name the same thing) or
        ``currency`` (the same amount, at least two significant digits, in two currencies,
        in two articles: £450m / $450 million) or ``counted`` (the same count of households
        in one and of people in the other: 182 000 foyers / 182 000 personnes; counts under
        100 are left out, and a figure of one significant digit needs more than its value
        to pair it).
    min_score: same-fact score the pair needs (0–1).
    min_ratio: smallest ratio between the two values that counts as a slip.
"""

from __future__ import annotations

import math

from factcheck.align import Candidate
from factcheck.models import Finding
from factcheck.rules.kinds.base import Kind
from factcheck.rules.values import MAGNITUDE, fmt_number, lang_of, pair_subject, significant_digits
from factcheck.units import dollars_maybe_one



class UnitSlip(Kind):
    name = "unit_slip"
    pairwise = True
    priority = 10
    PARAMS = {"mode": "unit", "min_score": 0.5, "min_ratio": 1.5}
    PLACEHOLDERS = frozenset({"a", "b", "subject", "factor"})

    def check_pair(self, cand: Candidate) -> Finding | None:
        a, b = cand.a, cand.b
        if not cand.comparable(self.params["min_score"], same_digits=True) or not self.scope_ok(cand):
            return None
        if significant_digits(a.value) != significant_digits(b.value):
            return None
        if self.params["mode"] == "counted":
            return self._counted(cand)
        if self.params["mode"] == "currency":
            if (a.kind != "money" or b.kind != "money" or a.unit == b.unit or a.value != b.value
                    or len(significant_digits(a.value)) < 2 or cand.same_article):
                return None
            if dollars_maybe_one((a.text, a.unit), (b.text, b.unit)):
                return None  # "$1.2 billion" names no country's dollar: it may be the A$1.2 billion
            lang = lang_of(a, b)
            return self.finding((a, b), lang, a=a.text, b=b.text, subject=pair_subject(a, b, lang), factor="1")
        va, vb = abs(a.base_value), abs(b.base_value)
        if va == 0 or vb == 0:
            return None
        ratio = max(va, vb) / min(va, vb)
        if ratio < self.params["min_ratio"]:
            return None
        if self.params["mode"] == "magnitude":
            exponent = math.log10(ratio) / 3
            if a.unit != b.unit or abs(exponent - round(exponent)) > 1e-6:
                return None
            marked = [bool(MAGNITUDE.search(c.text)) for c in (a, b)]
            if not any(marked):
                return None
            # "five arrests" and "five million deals" share digits by chance: a figure with no
            # magnitude word is a slip of the other only when both name the same thing, and
            # something besides the thing says it is one event ("2 500 manifestants" at one
            # rally and "2,5 millions" nationwide name the same thing)
            if not all(marked) and (cand.subject not in ("same", "synonym", "typo") or not cand.support):
                return None
        else:
            if a.unit == b.unit:
                return None
            if len(significant_digits(a.value)) < 2 and abs(math.log10(ratio) / 3 - round(math.log10(ratio) / 3)) > 1e-6:
                return None
        lang = lang_of(a, b)
        factor = fmt_number(round(ratio, 1) if ratio < 100 else round(ratio), lang)
        return self.finding((a, b), lang, a=a.text, b=b.text, subject=pair_subject(a, b, lang), factor=factor)

    def _counted(self, cand: Candidate) -> Finding | None:
        """One count of households (foyers, clients) and of people (personnes, habitants)."""
        a, b = cand.a, cand.b
        fa, fb = cand.frames
        if a.value != b.value or abs(a.value) < 100 or fa is None or fb is None:
            return None
        if not fa.counted or not fb.counted or fa.counted == fb.counted:
            return None
        if len(significant_digits(a.value)) < 2 and not cand.support:
            return None  # "700 000 foyers" and "700 000 personnes" may meet by chance
        lang = lang_of(a, b)
        return self.finding((a, b), lang, a=a.text, b=b.text,
                            subject=pair_subject(a, b, lang), factor="1")
