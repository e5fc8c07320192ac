"""percent_mismatch: a stated percentage that the stated figures do not give.

What it checks
    In one sentence, a percentage and two figures in the same unit, either
    (change) "de 8 M€ à 12 M€, soit une hausse de 40 %", "up 4.5% … $1,284, up from $1,200":
    the change from the old figure to the new one; or
    (share) "1 200 hectares, soit 40 % du massif, qui couvre 4 000 ha": the part over the whole.
    The stated percentage must match to within its own rounding plus ``abs_tol`` points.

Why it matters
    Readers check percentages; a wrong one discredits the figures around it.

Example
    "le déficit passe de 8 M€ à 12 M€, soit une hausse de 40 %" (it is 50 %).

Use instead
    Recompute the percentage from the figures, or check the figures against the source.

Parameters
    abs_tol: tolerance in percentage points on top of the rounding of the stated percentage.
    approx_tol: extra relative tolerance when a figure is approximate ("près de 1 200").
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from factcheck.align.features import locate
from factcheck.models import Claim, Finding
from factcheck.rules.kinds.base import CheckContext, Kind
from factcheck.rules.values import fmt_number, half_unit  # noqa: F401

# "plus de 8", "moins de 8" bound a figure; they tell no change
_CHANGE = re.compile(r"\b(?:hausse|baisse|augment\w*|diminu\w*|recul\w*|progress\w*|croissance|chute|bond|"
                     r"rise|rose|raise[sd]?|increase[sd]?|decrease[sd]?|drop\w*|fall|fell|up|down|jump\w*|"
                     r"grow\w*|grew|climb\w*|cut|gain\w*|loss|decline\w*|(?:plus|moins)(?!\s+(?:de|d['’]|que|qu['’])(?:\s|$)))\b"
                     r"|[+−-]\s*\d", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:baisse|diminu\w*|recul\w*|chute|decrease[sd]?|drop\w*|fall|fell|down|cut|decline\w*|"
                   r"moins)\b", re.IGNORECASE)
_AGAINST = r"\bcontre|\bcompared (?:with|to)|\bagainst|\bvs\.?|\bversus"
_OLD_BEFORE = re.compile(rf"(?:\bde|\bd['’]|\bfrom|{_AGAINST})\s*(?:the\s+|l[ae]s?\s+)?"
                         r"(?:\S+\s+){0,1}\(?$", re.IGNORECASE)
# a comparison that names the base outright ("comparé à 2023 (23 tonnes)", "par rapport à",
# "compared with"): it outweighs a "de" that only introduces the other figure ("un total de")
_BASE_BEFORE = re.compile(rf"(?:\bcompar[ée]e?s?\s+(?:à|a|aux|avec)|\bpar rapport\s+(?:à|a|aux)|{_AGAINST})"
                          r"\s*(?:the\s+|l[ae]s?\s+|l['’])?(?:\S+\s+){0,1}\(?$", re.IGNORECASE)
_TO = re.compile(r"(?:^|\s)(?:à|a|to|jusqu['’]à)\s*$", re.IGNORECASE)
_UP_FROM = re.compile(r"\b(?:up|down|rising|falling|increasing|decreasing) from\s*(?:the\s+)?$|\bcontre\s*$|"
                      r"\bcompared (?:with|to)\s*(?:the\s+)?$", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"^\s*(?:du|de la|de l['’]|des|de|of(?: the)?|d['’])\b", re.IGNORECASE)
_POINTS = re.compile(r"^\s*(?:de\s+)?points?\b|^\s*(?:percentage )?points?\b", re.IGNORECASE)
# two sides set against each other ("14,5 contre 8,5", "55 to 45", "3-1"): a split, not a
# part and its whole
_VERSUS = re.compile(r"\s*(?:contre|face à|against|vs\.?|versus|to|à|-|–)\s*", re.IGNORECASE)


def _tolerance(percent: float) -> float:
    """Half the unit a percentage is written to: a whole one is read to the point (12 %
    is not 12,6 %), but one of three digits or more ending in zero keeps two significant
    digits, as writers round ("130 %" for 132,6 %, not for 145 %)."""
    if percent != int(percent):
        return half_unit(percent)
    digits = len(str(abs(int(percent))))
    if digits >= 3 and int(percent) % 10 == 0:
        return 0.5 * 10 ** (digits - 2)
    return 0.5


def _unrelated(expected: float, stated: float) -> bool:
    """A percentage fifty times larger or smaller than the one the figures give ("57 400
    candidats ont eu moins de 8 (7,9 %)": 8 is a mark, not a part): two figures read
    together that do not make this share, not a share misstated."""
    e, s = abs(expected), abs(stated)
    return e > 50 * s or s > 50 * max(e, 1e-9)


def _in_points(c: Claim) -> bool:
    """A difference of percentages in points ("de 4,5 points", "up 2.1 percentage points")
    is neither a count nor a share: no part, whole, old or new value of a percentage."""
    sentence, offset = locate(c)
    return offset >= 0 and bool(_POINTS.match(sentence[offset + len(c.text):offset + len(c.text) + 30]))


# The last words of the gap before the second figure of a pair (``_TO``, ``_UP_FROM``).
_PAIR_WORDS = ("à", "a", "to", "from", "the", "contre", "with")


def _after_pair_word(sentence: str, offset: int) -> bool:
    """Whether the text before ``offset`` ends, blanks aside, as the gap before the second
    figure of a pair must: a quick test that spares the patterns most figures of a table."""
    k = offset
    while k > 0 and sentence[k - 1].isspace():
        k -= 1
    return sentence[max(0, k - 6):k].lower().endswith(_PAIR_WORDS)


def _counts_of_other_things(x: Claim, y: Claim) -> bool:
    """Two bare counts of different nouns ("trois usines", "850 salariés"): neither is the
    other's earlier value, part or whole."""
    return not x.unit and not y.unit and bool(x.subject) and bool(y.subject) and x.subject != y.subject


def _one_figure_restated(x: Claim, y: Claim) -> bool:
    """One figure given twice, rounded then exact ("un million et demi de votes (plus
    précisément 1 509 455)"): within 5 % of each other, neither is the other's part or
    earlier value."""
    return (x.dimension == y.dimension
            and abs(x.base_value - y.base_value) <= 0.05 * max(abs(x.base_value), abs(y.base_value)))


_WORD = re.compile(r"[^\W\d_]{3,}")


def _share_of_another_base(base: str, whole: Claim) -> bool:
    """"£1,594bn, the equivalent to 83.5% of gross domestic product": the share is of a
    base the sentence does not give (the whole told before it counts something else), so
    the figures do not make it. (A whole told after the share is its base: "soit 40 % du
    massif, qui couvre 4 000 ha".) Known only when the whole says what it counts."""
    subject = whole.subject.lower()
    if not subject:
        return False
    words = [w.lower() for w in _WORD.findall(base[:40])][:3]
    return bool(words) and not any(w[:5] == subject[:5] for w in words)


_FRACTION_JOIN = re.compile(r"\s*(?:des|de|d['’]|sur|of|out of)(?:\s+(?:the|les|ces))?\s*", re.IGNORECASE)


def _fraction_of_another_thing(sentence: str, part: Claim, whole: Claim, percent: Claim) -> bool:
    """The two figures are a fraction of their own ("20 des 26 cantons") and the percentage
    is a share of something else ("51,2 % des électeurs et 20 des 26 cantons"): two results
    told side by side, not one share restated."""
    _, part_offset = locate(part)
    _, whole_offset = locate(whole)
    if part_offset < 0 or whole_offset <= part_offset:
        return False
    if not _FRACTION_JOIN.fullmatch(sentence, part_offset + len(part.text), whole_offset):
        return False
    mine, theirs = percent.subject.lower(), whole.subject.lower()
    return bool(mine) and bool(theirs) and mine[:5] != theirs[:5]


class PercentMismatch(Kind):
    name = "percent_mismatch"
    PARAMS = {"abs_tol": 1.0, "approx_tol": 0.05}
    PLACEHOLDERS = frozenset({"percent", "old", "new", "expected", "how"})

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        sentences: dict[tuple[str, int, str], list[Claim]] = {}
        for c in ctx.claims:
            sentences.setdefault((c.path, c.sentence_start, c.sentence), []).append(c)
        for claims in sentences.values():
            claims.sort(key=lambda c: c.start)
            percents = [p for p in claims if p.unit == "percent" and p.qualifier in ("exact", "approx")]
            if not percents:
                continue
            # what does not depend on the percentage is computed once per sentence
            others = [c for c in claims if c.unit != "percent" and c.dimension != "[time]" and not _in_points(c)]
            groups: dict[str, list[Claim]] = {}
            for c in others:
                groups.setdefault(c.dimension, []).append(c)
            pairs: dict[str, list] = {}
            for p in percents:
                finding = self._check_percent(p, others, groups, pairs)
                if finding is not None:
                    yield finding

    @staticmethod
    def _from_to_pairs(sentence: str, groups: dict[str, list[Claim]]) -> list[tuple[int, int, tuple[Claim, Claim]]]:
        """Every (old, new) pair of a sentence written "de X à Y" / "from X to Y" / "Y, up from X",
        with the offsets of X and Y (once per sentence, then the nearest is chosen per percentage)."""
        out = []
        for group in groups.values():
            offsets = [locate(c)[1] for c in group]
            # the figures that can end a pair follow "à", "to", "from"… and start at most 80
            # characters after the first ends: found by bisection, so a sentence of many
            # figures is not read in pairs
            by_offset = sorted((o, j) for j, o in enumerate(offsets) if o >= 0 and _after_pair_word(sentence, o))
            starts = [o for o, _ in by_offset]
            for i, x in enumerate(group):
                x_offset = offsets[i]
                if x_offset < 0:
                    continue
                x_end = x_offset + len(x.text)
                window = by_offset[bisect.bisect_right(starts, x_end):bisect.bisect_right(starts, x_end + 80)]
                for j in sorted(j for _, j in window if j > i):
                    y, y_offset = group[j], offsets[j]
                    between = sentence[x_end:y_offset]
                    pair = None
                    if len(between) <= 30 and _TO.search(between) and \
                            _OLD_BEFORE.search(sentence[max(0, x_offset - 25):x_offset]):
                        pair = (x, y)
                    elif len(between) <= 80 and _UP_FROM.search(between):
                        pair = (y, x)
                    if pair is not None:
                        out.append((x_offset, y_offset, pair))
        return out

    @classmethod
    def _from_to(cls, sentence: str, groups: dict[str, list[Claim]], p_offset: int,
                 cache: dict[str, list] | None = None) -> tuple[Claim, Claim] | None:
        """The (old, new) pair written "de X à Y" / "from X to Y" / "Y, up from X", nearest the percentage."""
        pairs = cache.get(sentence) if cache is not None else None
        if pairs is None:
            pairs = cls._from_to_pairs(sentence, groups)
            if cache is not None:
                cache[sentence] = pairs
        best = None
        for x_offset, y_offset, pair in pairs:
            dist = min(abs(x_offset - p_offset), abs(y_offset - p_offset))
            if best is None or dist < best[0]:
                best = (dist, pair)
        return best[1] if best else None

    def _check_percent(self, p: Claim, others: list[Claim], groups: dict[str, list[Claim]] | None = None,
                       cache: dict[str, list] | None = None) -> Finding | None:
        sentence, p_offset = locate(p)
        if p_offset < 0 or len(others) < 2:
            return None
        if _POINTS.match(sentence[p_offset + len(p.text):]):
            return None
        if groups is None:
            groups = {}
            for c in others:
                groups.setdefault(c.dimension, []).append(c)
        pair = from_to = self._from_to(sentence, groups, p_offset, cache)
        if pair is None:
            pair = next((g for g in groups.values() if len(g) == 2), None)
            if pair is not None and (_counts_of_other_things(*pair) or _one_figure_restated(*pair)):
                return None  # "des trois usines (850 salariés)": two counts, not a before and after
        if pair is None:
            return None
        x, y = pair
        x_offset, y_offset = locate(x)[1], locate(y)[1]
        if x_offset < 0 or y_offset < 0:
            return None
        around_p = sentence[max(0, p_offset - 40):p_offset + len(p.text) + 5]
        lang = p.lang or "fr"
        tol = _tolerance(p.value) + self.params["abs_tol"]
        approx = x.qualifier != "exact" or y.qualifier != "exact"
        if _CHANGE.search(around_p):
            base_x = bool(_BASE_BEFORE.search(sentence[max(0, x_offset - 30):x_offset]))
            base_y = bool(_BASE_BEFORE.search(sentence[max(0, y_offset - 30):y_offset]))
            if from_to is not None:
                old, new = from_to
            elif base_x != base_y:
                old, new = (x, y) if base_x else (y, x)
            elif _OLD_BEFORE.search(sentence[max(0, y_offset - 25):y_offset]) and \
                    not _OLD_BEFORE.search(sentence[max(0, x_offset - 25):x_offset]):
                old, new = y, x
            elif _OLD_BEFORE.search(sentence[max(0, x_offset - 25):x_offset]):
                old, new = x, y
            else:
                return None  # no "de … à" / "from": not sure which figure is the old one
            if old.base_value == 0:
                return None
            expected = (new.base_value - old.base_value) / abs(old.base_value) * 100
            stated = -p.value if _DOWN.search(around_p) and p.value > 0 else p.value
            if approx:
                tol += self.params["approx_tol"] * 100
            if abs(abs(expected) - abs(stated)) <= tol and (expected >= 0) == (stated >= 0 or expected == 0):
                return None
            how = ("évolution" if lang == "fr" else "change")
        else:
            after = sentence[p_offset + len(p.text):]
            share_of = _SHARE_AFTER.match(after)
            if not share_of:
                return None
            part, whole = (x, y) if x.base_value < y.base_value else (y, x)
            whole_offset = y_offset if whole is y else x_offset
            if whole.base_value == 0 or (whole_offset < p_offset
                                         and _share_of_another_base(after[share_of.end():], whole)):
                return None
            if _fraction_of_another_thing(sentence, part, whole, p):
                return None
            (first_offset, first), (second_offset, _) = sorted(((x_offset, x), (y_offset, y)), key=lambda t: t[0])
            if _VERSUS.fullmatch(sentence, first_offset + len(first.text), second_offset):
                return None  # "rejeté par les cantons (14,5 contre 8,5)": two sides, not a share
            expected = part.base_value / whole.base_value * 100
            if approx:
                tol += self.params["approx_tol"] * expected
            if abs(expected - p.value) <= tol:
                return None
            old, new = part, whole
            how = ("part" if lang == "fr" else "share")
        if _unrelated(expected, p.value):
            return None
        return self.finding((p, old, new), lang, percent=p.text, old=old.text, new=new.text,
                            expected=fmt_number(round(abs(expected), 1), lang) + " %", how=how)
