"""value_conflict: two different figures for the same fact.

What it checks
    Two claims aligned as the same fact (same subject, event, place, source, time) whose
    values cannot both be true: exact figures that differ, or approximations ("près de",
    "about") further apart than ``approx_tol``. Bounds ("plus de") are left to
    ``bound_conflict``; small rounding differences to ``rounding``.

Why it matters
    Readers cannot know which figure is right; one outlet (or one paragraph) is wrong.

Example
    "trois nouveaux policiers" in one outlet, "cinq policiers supplémentaires" for the
    same new unit in another.

Use instead
    Give one figure, with its source; if the figure changed, say so ("le bilan s'est
    alourdi à …").

Parameters
    min_score: same-fact score the pair needs.
    approx_tol: relative width of an approximate figure ("près de 200" → 180–220).
    rel_tol: relative difference below which two exact figures are the same.
    same_article: also compare two figures of one article (off by default: an article
        that gives two figures for one subject usually means two different facts).
    same_place: even so, compare two sentences of one article that bind the same subject
        to the same place ("10 000 personnes ont défilé à Ajaccio" … "À Ajaccio, environ
        8 000 personnes ont manifesté").
    need_support: require something besides the subject that says "same event".
    support: which evidence counts: predicate (same verb), attribution (same source), cue
        (both "nouveaux"), context (shared sentence words), compound (same compound subject,
        "postes d'infirmiers"), window (words shared right around both numbers), outcome
        (a part that names the group the other counts, with the same outcome: "30 blessés,
        dont six pompiers" / "huit pompiers ont été blessés"), sole (each article's only
        toll of one outcome for the same day: "32 blessés" / "37 blessés"), whole (two parts
        of wholes of the same value: "227 blessés, dont sept grièvement" / "227 blessés,
        dont six grièvement").
    max_ratio: figures further apart than this ratio are taken as different facts.
    max_ratio_large, large_from: the same for figures of ``large_from`` or more, where a
        slip changes digits (digit_error, rounding) rather than doubling a figure.
"""

from __future__ import annotations

from factcheck.align import Candidate
from factcheck.models import Finding
from factcheck.rules.kinds.base import Kind
from factcheck.rules.values import MAGNITUDE, gap, half_unit, interval, lang_of, last_digit, pair_subject


_ARTICLE_LIKE = frozenset({"un", "une", "one", "a", "an"})


def plausible_pair(cand: Candidate, params: dict) -> bool:
    """Corroborated, not an article ("un", "one"), and within ``max_ratio`` of each other."""
    a, b = cand.a, cand.b
    accepted = set(params.get("support") or ())
    if params.get("need_support", True) and not (set(cand.support) & accepted):
        return False
    if a.text.strip().lower() in _ARTICLE_LIKE or b.text.strip().lower() in _ARTICLE_LIKE:
        return False
    va, vb = abs(a.base_value), abs(b.base_value)
    limit = params.get("max_ratio", 3.0)
    if min(va, vb) >= params.get("large_from", 100):
        limit = min(limit, params.get("max_ratio_large", 1.5))
    if min(va, vb) > 0 and max(va, vb) / min(va, vb) > limit:
        return False
    return True


def _precision(claim) -> float:
    """Half the unit a figure is written to. A whole percentage is read to the unit: "20 %"
    is not 18 % rounded the way "300 kg" may be 236 kg rounded, since a share of a few
    points is written to the point."""
    if claim.unit == "percent" and claim.value == int(claim.value):
        return 0.5
    return half_unit(claim.value)


def rounds_to(a, b) -> bool:
    """One figure is the other written with fewer digits (492 kg for 492,325 kg; 127 000
    for 127 200; 85 % for 84,6 %): the less precise one is the other rounded to its own
    precision."""
    coarse, fine = (a, b) if _precision(a) >= _precision(b) else (b, a)
    scale = coarse.base_value / coarse.value if coarse.value else 1.0
    return abs(coarse.base_value - fine.base_value) <= _precision(coarse) * abs(scale) + 1e-9


def read_as_rounded(a, b) -> bool:
    """The coarser figure reads as a rounding of the other: it ends in two zeros or more
    (300 kg for 236 kg), has fewer decimals (3,4 t for 3,45 t), is a whole number against
    decimals, carries a magnitude word ("1,6 million") or a unit ("à 40 km de la ville").
    A plain count with one zero within a tenth of the other (40 dead, 150 evacuated) is a
    figure as it was counted: "quarante morts" against "trente-huit morts" are two tolls,
    not a toll and its rounding. (Further apart, "ten" against "five", the rounding reading
    stays: such pairs are more often two counts of different things.)"""
    coarse, fine = (a, b) if _precision(a) >= _precision(b) else (b, a)
    near = abs(coarse.base_value - fine.base_value) <= 0.1 * abs(coarse.base_value)
    return not (near and not coarse.unit and coarse.value == int(coarse.value) and last_digit(coarse.value) == 1
                and not MAGNITUDE.search(coarse.text))


def converted_alike(a, b) -> bool:
    """The same measure in two units of one dimension ("70 mph (112 kph)", "3 miles,
    4.8 km"): a conversion is rounded or cut to its last written digit, so the two agree
    to within one unit of that digit of the coarser one."""
    if a.unit == b.unit or not a.unit or not b.unit or a.kind != "physical" or b.kind != "physical":
        return False
    if not a.value or not b.value:
        return False
    # one unit of the last written decimal place ("112" to the unit, "4.8" to the tenth)
    step = max(10.0 ** min(0, last_digit(c.value)) * abs(c.base_value / c.value) for c in (a, b))
    return abs(a.base_value - b.base_value) <= step + 1e-9


class ValueConflict(Kind):
    name = "value_conflict"
    pairwise = True
    priority = 60
    PARAMS = {"min_score": 0.75, "approx_tol": 0.1, "rel_tol": 0.0, "same_article": False, "same_place": True, "need_support": True, "support": ["predicate", "attribution", "cue", "context", "outcome", "sole", "whole"],
              "max_ratio": 3.0, "max_ratio_large": 1.5, "large_from": 100}
    PLACEHOLDERS = frozenset({"a", "b", "subject"})

    def check_pair(self, cand: Candidate) -> Finding | None:
        a, b = cand.a, cand.b
        if not cand.comparable(self.params["min_score"]) or not self.scope_ok(cand):
            return None
        if a.qualifier in ("min", "max") or b.qualifier in ("min", "max"):
            return None
        if not plausible_pair(cand, self.params):
            return None
        if a.unit == b.unit and a.qualifier == b.qualifier == "exact" and rounds_to(a, b) and read_as_rounded(a, b):
            return None  # rounding: the rounding rule judges whether it misleads
        if converted_alike(a, b):
            return None
        ia = interval(a, self.params["approx_tol"])
        ib = interval(b, self.params["approx_tol"])
        scale = max(abs(a.base_value), abs(b.base_value)) or 1.0
        if gap(ia, ib) <= self.params["rel_tol"] * scale + 1e-9:
            return None
        lang = lang_of(a, b)
        return self.finding((a, b), lang, a=a.text, b=b.text, subject=pair_subject(a, b, lang))
