"""bound_conflict: a bound ("plus de", "moins de", "more than") that the other figure breaks.

What it checks
    Two aligned claims, at least one a bound, whose allowed values do not overlap:
    "plus de 350 pompiers" / "moins de 300 sapeurs-pompiers"; "more than 40 holdalls" / "36 holdalls".

Why it matters
    The two statements exclude each other, so at least one is false.

Example
    "Mercredi matin, plus de 350 pompiers étaient engagés" in one outlet, "moins de 300
    sapeurs-pompiers" the same morning in another.

Use instead
    Check the source of each bound and give one figure.

Parameters
    min_score: same-fact score the pair needs.
    approx_tol: relative width of an approximate figure on the other side.
    same_article: also compare two figures of one article.
    need_support: require evidence besides the subject (see value_conflict).
    support: which evidence counts (see value_conflict).
    max_ratio: figures further apart than this ratio are taken as different facts.
"""

from __future__ import annotations

from factcheck.align import Candidate
from factcheck.models import Finding
from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.value_conflict import plausible_pair
from factcheck.rules.values import gap, interval, lang_of, pair_subject


class BoundConflict(Kind):
    name = "bound_conflict"
    pairwise = True
    priority = 50
    PARAMS = {"min_score": 0.7, "approx_tol": 0.1, "same_article": False, "need_support": True, "support": ["predicate", "attribution", "cue", "context", "compound", "outcome"], "max_ratio": 3.0, "max_ratio_large": 1.5, "large_from": 100}
    PLACEHOLDERS = frozenset({"a", "b", "subject"})

    def check_pair(self, cand: Candidate) -> Finding | None:
        a, b = cand.a, cand.b
        if a.qualifier not in ("min", "max") and b.qualifier not in ("min", "max"):
            return None
        if not cand.comparable(self.params["min_score"]) or not self.scope_ok(cand):
            return None
        if not plausible_pair(cand, self.params):
            return None
        if gap(interval(a, self.params["approx_tol"]), interval(b, self.params["approx_tol"])) <= 0:
            return None
        lang = lang_of(a, b)
        return self.finding((a, b), lang, a=a.text, b=b.text, subject=pair_subject(a, b, lang))
