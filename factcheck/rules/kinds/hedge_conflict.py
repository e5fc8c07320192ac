"""hedge_conflict: one figure hedged in opposite directions ("plus de X" / "près de X").

What it checks
    Two claims aligned as the same fact, with the same value, where one is hedged upwards
    (a floor passed: "plus de", "more than") and the other downwards (a ceiling reached
    or nearly: "près de", "presque", "nearly", "almost"). "Environ" and "about" go both
    ways and are left alone, and so does a floor that includes the figure ("au moins",
    "at least"): "au moins 570 000" and "près de 570 000" both hold of 570 000 itself,
    and readers take both as that figure.

Why it matters
    "Plus de 806 000 manifestants" and "près de 806 000" cannot both be right: the count
    is either above the figure or just below it. One outlet has mis-hedged the source.

Example
    "La marche a rassemblé plus de 12 000 personnes" in one outlet, "près de 12 000
    personnes" for the same march in another.

Use instead
    Copy the source's own wording, or give the exact figure.

Parameters
    min_score, need_support, support, same_article: as in value_conflict.
    above, below: per language, the words just before a number that hedge it upwards
        (strictly: "plus de", not "au moins") or downwards.
"""

from __future__ import annotations

import re

from factcheck.align import Candidate, claim_features
from factcheck.models import Claim, Finding
from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.value_conflict import plausible_pair
from factcheck.rules.values import lang_of, pair_subject


_ROUGH = re.compile(r"(?:aine|millier|dozen|score)s?\b", re.IGNORECASE)


class HedgeConflict(Kind):
    name = "hedge_conflict"
    pairwise = True
    priority = 55
    PARAMS = {"min_score": 0.75, "same_article": False, "need_support": True,
              "support": ["predicate", "attribution", "cue", "context", "compound"],
              "above": {"fr": ["plus de", "plus d'", "plus d’", "au-delà de", "un peu plus de"],
                        "en": ["more than", "over", "upwards of", "just over"]},
              "below": {"fr": ["près de", "près d'", "près d’", "presque", "quasiment", "pas loin de", "un peu moins de"],
                        "en": ["nearly", "almost", "close to", "just under", "just shy of"]}}
    PLACEHOLDERS = frozenset({"a", "b", "subject"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self._hedges = {
            direction: {lang: re.compile(r"(?:^|[\s(«\"])(?:" + "|".join(re.escape(w) for w in words)
                                         + r")[\s\u00a0\u202f]*$", re.IGNORECASE)
                        for lang, words in self.params[direction].items()}
            for direction in ("above", "below")}

    def hedge(self, claim: Claim) -> tuple[int, str]:
        """(+1, "plus de") for a floor, (-1, "près de") for a ceiling nearly reached, else (0, "")."""
        f = claim_features(claim)
        if f.offset < 0:
            return 0, ""
        before = f.sentence[max(0, f.offset - 25):f.offset]
        lang = claim.lang if claim.lang in self._hedges["above"] else "en"
        for direction, sign in (("above", 1), ("below", -1)):
            m = self._hedges[direction][lang].search(before)
            if m:
                return sign, " ".join(m.group(0).split()).lstrip("(«\"")
        return 0, ""

    def check_pair(self, cand: Candidate) -> Finding | None:
        a, b = cand.a, cand.b
        if a.base_value != b.base_value or not a.base_value:
            return None
        if _ROUGH.search(a.text) or _ROUGH.search(b.text):
            return None  # "près d'une cinquantaine" is rough already: no hedge direction to hold it to
        if not cand.comparable(self.params["min_score"]) or not self.scope_ok(cand):
            return None
        (da, ha), (db, hb) = self.hedge(a), self.hedge(b)
        if not plausible_pair(cand, self.params) or da * db != -1:
            return None
        lang = lang_of(a, b)
        return self.finding((a, b), lang, a=f"{ha} {a.text}", b=f"{hb} {b.text}", subject=pair_subject(a, b, lang))
