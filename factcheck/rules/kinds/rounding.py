"""rounding: an exact-looking round figure that is another figure rounded, with no hedge.

What it checks
    Two aligned claims, both stated as exact, a few percent apart, where one is round
    (8000) and equals the other (8 300) rounded, or cut, to its precision, and no
    approximation marker ("environ", "près de", "about") is written.

Why it matters
    "8000 euros" reads as an exact count. If the source says 8 300 €, the article should
    say "environ 8 000 euros" or give the exact figure.

Example
    "8 300€ en liquide" in the prefecture's post; "de l'argent liquide (8000 euros)" in the body.

Use instead
    Copy the exact figure, or mark the rounding ("environ 8 000 euros").

Parameters
    min_score: same-fact score the pair needs.
    max_rel: largest relative difference treated as rounding.
    min_rel: smallest difference that misleads (127 000 for 127 200 is ordinary rounding).
    min_zeros: how many trailing zeros make a whole figure "round". A figure with
        decimals is round to its last decimal: 2,2 t is 2,25 t cut to the tenth.
    magnitude_is_rounded: a round figure written with a magnitude word ("1,6 million",
        "£2bn") reads as rounded, like one with "environ": not reported.
    compound_is_rounded: a round figure that makes a compound adjective ("the 300-year
        union", "a 1,000-strong crowd") describes; it is not given as a count.
    truncation: also report a figure cut rather than rounded (5 200 t for 5 253 t, where
        rounding gives 5 300), magnitude word or not.
    min_rel_cut: the smallest difference reported for a cut figure (115 000 for 115 900 is
        wrong however close).
    ordinary_digits: a figure given to fewer decimals, rounded the usual way (half up),
        that keeps this many significant digits or more (2,3 t for 2,34 t) is how writers
        give a figure, and readers take it so: not reported. Cut (2,2 t for 2,25 t) it is
        wrong at its own precision; a whole number written with zeros (8 000 € for
        8 300 €, 2 400 000 for 2 432 305) reads as another exact count: both are reported.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from factcheck.align import Candidate
from factcheck.models import Finding
from factcheck.rules.kinds.base import Kind
from factcheck.rules.values import MAGNITUDE, fmt_number, lang_of, last_digit, pair_subject


# a figure joined to the word it qualifies by a hyphen: "300-year", "1,000-strong"
_COMPOUND = re.compile(r"\d-[^\W\d_]")


class Rounding(Kind):
    name = "rounding"
    pairwise = True
    priority = 40
    PARAMS = {"min_score": 0.7, "max_rel": 0.06, "min_rel": 0.01, "min_zeros": 2, "magnitude_is_rounded": True, "compound_is_rounded": True, "truncation": True,
              "min_rel_cut": 0.005, "ordinary_digits": 2}
    PLACEHOLDERS = frozenset({"a", "b", "subject", "diff"})

    def check_pair(self, cand: Candidate) -> Finding | None:
        a, b = cand.a, cand.b
        if not cand.comparable(self.params["min_score"]) or not self.scope_ok(cand):
            return None
        if a.qualifier != "exact" or b.qualifier != "exact" or a.unit != b.unit or a.value == b.value:
            return None
        za, zb = last_digit(a.value), last_digit(b.value)
        rnd, other = (a, b) if za > zb else (b, a)
        z = max(za, zb)
        if 0 <= z < self.params["min_zeros"] or z == min(za, zb):
            return None  # a whole number is round when it ends in zeros; 2,2 t is 2,25 t to the tenth
        # in decimal, as written: 2,25 rounds half up to 2,3 and is cut to 2,2
        step, written, target = Decimal(1).scaleb(z), Decimal(repr(other.value)), Decimal(repr(rnd.value))
        try:
            rounded = written.quantize(step, ROUND_HALF_UP) == target
            # cut instead of rounded (5 200 for 5 253, $250m for $258m) misleads even in millions
            cut = self.params["truncation"] and written.quantize(step, ROUND_DOWN) == target
        except InvalidOperation:  # more digits than any press figure has
            return None
        if not (rounded or cut):
            return None
        if rounded and z < 0 and len(str(abs(int(target.scaleb(-z))))) >= self.params["ordinary_digits"]:
            return None  # 2,3 t for 2,34 t: fewer decimals, rounded as writers round
        if rounded and self.params["magnitude_is_rounded"] and MAGNITUDE.search(rnd.text):
            return None  # "1,6 million" for 1 617 989 is read as rounded: no reader is misled
        if self.params["compound_is_rounded"] and _COMPOUND.search(rnd.text):
            return None  # "the 300-year union", "a 1,000-strong crowd": a round description
        rel = abs(a.value - b.value) / max(abs(a.value), abs(b.value))
        if rel > self.params["max_rel"] or rel < self.params["min_rel_cut" if cut and not rounded else "min_rel"]:
            return None
        lang = lang_of(a, b)
        diff = fmt_number(round(rel * 100, 1), lang) + " %"
        return self.finding((a, b), lang, a=other.text, b=rnd.text, subject=pair_subject(a, b, lang), diff=diff)
