"""sum_mismatch: a stated total that its stated parts do not add up to.

What it checks
    A figure followed by a colon, "dont"/"including", or a next sentence that starts
    "Dans le détail" / "Of this", and then two or more parts in the same unit: the parts
    must add up to the total (a partition), or at most to it (after "dont", a subset).
    Singular items without a number ("et le chauffeur") count as one.

Why it matters
    When the parts and the total disagree, one of the figures is wrong, and readers who
    do the sum notice.

Example
    "Le car transportait 52 personnes : 44 collégiens, cinq accompagnateurs et le
    chauffeur" (44 + 5 + 1 = 50).

Use instead
    Check each figure; give the total the parts add up to, or name the missing part.

Parameters
    approx_tol: relative tolerance when the total or a part is approximate.
    detail_openers: sentence openers that introduce a breakdown of the previous total.
    max_parts: a breakdown of more parts than this is a table, not a sum stated in prose;
        it is not checked (and a sentence of hundreds of figures costs no more than a few).
"""

from __future__ import annotations

import re
from typing import Iterable

from factcheck.align import claim_features
from factcheck.align.features import article_key
from factcheck.models import Claim, Finding
from factcheck.rules.kinds.base import CheckContext, Kind
from factcheck.rules.values import fmt_number, half_unit

_SINGULAR_ITEM = re.compile(r"^\s*(?:et\s+|and\s+)?(?:le|la|l['’]|un|une|the|a|an|son|sa|leur|his|her|their)\s*\w",
                            re.IGNORECASE)
_SPLIT = re.compile(r",|;|\bet\b|\band\b", re.IGNORECASE)
_SUBSET = re.compile(r"^[^.;:]{0,40}?\b(?:dont|including|of whom|of which|parmi lesquel\w+)\b", re.IGNORECASE)
_COLON = re.compile(r"^[^.;\d]{0,60}?:\s", re.IGNORECASE)


class SumMismatch(Kind):
    name = "sum_mismatch"
    PARAMS = {"approx_tol": 0.05, "max_parts": 12,
              "detail_openers": ["dans le détail", "en détail", "parmi eux", "parmi elles", "of this", "of these",
                                 "of the total", "broken down", "this includes", "ce montant se répartit",
                                 "cette somme se répartit", "ils se répartissent", "elles se répartissent"]}
    PLACEHOLDERS = frozenset({"total", "sum", "parts"})

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        by_article: dict[str, list[Claim]] = {}
        for c in ctx.claims:
            by_article.setdefault(article_key(c), []).append(c)
        openers = tuple(o.lower() for o in self.params["detail_openers"])
        max_parts = int(self.params["max_parts"])
        for claims in by_article.values():
            claims.sort(key=lambda c: c.start)
            # runs of claims of one sentence, in text order: a total's parts are the rest of
            # its run, or the next run (so an article of many claims is read once)
            runs: list[list[Claim]] = []
            for c in claims:
                if runs and (runs[-1][0].sentence_start, runs[-1][0].sentence) == (c.sentence_start, c.sentence):
                    runs[-1].append(c)
                else:
                    runs.append([c])
            for r, run in enumerate(runs):
                following = runs[r + 1] if r + 1 < len(runs) else []
                for k, total in enumerate(run):
                    if total.unit == "percent" or total.dimension == "[time]":
                        continue
                    # one part more than allowed is enough to tell a table from a breakdown
                    found = self._parts_after(total, run[k + 1:k + 2 + max_parts], following, openers)
                    if found is None:
                        continue
                    parts, extra, subset = found
                    finding = self._judge(total, parts, extra, subset)
                    if finding is not None:
                        yield finding

    def _parts_after(self, total: Claim, same: list[Claim], following: list[Claim], openers: tuple[str, ...]):
        """The parts stated after ``total``: later claims of its sentence (``same``), or the
        claims of the next sentence holding any (``following``) when it opens a breakdown."""
        ft = claim_features(total)
        if ft.offset < 0:
            return None
        tail = ft.sentence[ft.offset + len(total.text):]
        gap_text = tail
        if same:
            fs = claim_features(same[0])
            if fs.offset >= 0:
                gap_text = ft.sentence[ft.offset + len(total.text):fs.offset]
        colon, sub = _COLON.match(gap_text + " "), _SUBSET.match(gap_text)
        if same and (colon or sub):
            subset = bool(sub) and not colon
            # stop at the first claim of another dimension (the list is over)
            cut = []
            for c in same:
                if c.dimension != total.dimension:
                    break
                cut.append(c)
            parts = cut
            if len(parts) + (0 if subset else 1) < 2 or not parts or len(parts) > self.params["max_parts"]:
                return None
            extra = 0
            if not subset and total.dimension == "count":
                extra = self._singular_items(ft.sentence, claims_end=parts[-1], first=parts[0])
            if len(parts) + extra < 2:
                return None
            return parts, extra, subset
        # a breakdown in the next sentence
        if tail.strip(" »\"”)").rstrip(".") and not re.match(r"^[^.]{0,80}\.?\s*$", tail):
            return None
        nxt = [c for c in following if c.sentence_start > total.sentence_start]
        if not nxt:
            return None
        first_next = nxt[0].sentence_start
        fn = claim_features(nxt[0])
        if not fn.sentence.lower().lstrip(" «\"").startswith(openers):
            return None
        parts = [c for c in nxt if c.sentence_start == first_next and c.dimension == total.dimension]
        if len(parts) < 2 or len(parts) > self.params["max_parts"]:
            return None
        return parts, 0, False

    @staticmethod
    def _singular_items(sentence: str, claims_end: Claim, first: Claim) -> int:
        fl, ff = claim_features(claims_end), claim_features(first)
        if fl.offset < 0 or ff.offset < 0:
            return 0
        segment = sentence[ff.offset:]
        segment = re.split(r"[.;!?]", segment)[0]
        items = [s for s in _SPLIT.split(segment) if s.strip()]
        return sum(1 for s in items if not re.search(r"\d", s) and _SINGULAR_ITEM.match(s)
                   and not re.search(r"\b(?:quatre|cinq|six|sept|huit|neuf|dix|onze|douze|deux|trois|"
                                     r"two|three|four|five|six|seven|eight|nine|ten)\b", s, re.IGNORECASE))

    def _judge(self, total: Claim, parts: list[Claim], extra: int, subset: bool) -> Finding | None:
        approx = total.qualifier != "exact" or any(p.qualifier != "exact" for p in parts)
        s = sum(p.base_value for p in parts) + extra
        t = total.base_value
        if total.dimension == "count" and not approx:
            tol = 1e-9
        else:
            tol = sum(half_unit(p.value) * (p.base_value / p.value if p.value else 1) for p in parts)
            tol += half_unit(total.value) * (total.base_value / total.value if total.value else 1)
        if approx:
            tol += self.params["approx_tol"] * abs(t)
        if subset:
            if s <= t + tol:
                return None
        elif abs(s - t) <= tol:
            return None
        lang = total.lang or "fr"
        names = " + ".join(p.text for p in parts)
        if extra:
            names += f" + {extra}"
        scale = total.base_value / total.value if total.value else 1
        shown = s / scale if scale else s
        return self.finding([total, *parts], lang, total=total.text, sum=fmt_number(round(shown, 2), lang),
                            parts=names)
