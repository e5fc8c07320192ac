"""period_conflict: the same figure tied to different periods, or one span given two lengths.

What it checks
    (1) Two aligned claims with the same value, each counted over a period ("depuis un an",
    "over five years") whose lengths differ by at least ``min_ratio``: "plus de 150 actions
    depuis un an" / "cent cinquante actions depuis deux ans".
    (2) Two durations introduced by "depuis" / "since" / "for" about the same thing in
    different articles whose start dates (publication date minus duration) disagree:
    "le conflit dure depuis trois semaines" / "ce conflit ouvert depuis deux mois".

Why it matters
    A count over one year and the same count over two years give a rate twice as high in
    one article as in the other; a plan over three years costs a different amount a year
    than the same plan over five.

Example
    "$120 million for road repairs over five years" / "a $120 million road repair plan,
    spread over three years".

Use instead
    Check the period in the source and state it the same way everywhere.

Parameters
    min_score: same-fact score the pair of figures needs.
    min_ratio: smallest ratio between the two periods that counts.
    exact_severity: severity when both figures are stated as exact (a bound or an
        approximation leaves room for a different scope, so it keeps the rule's severity).
    duration_min_score: score two bare durations need (context words before "depuis").
    min_shift_days: smallest disagreement, in days, between the start dates of two durations.
"""

from __future__ import annotations

import re
from typing import Iterable

from factcheck.align import Candidate, claim_features
from factcheck.align.features import story_of
from factcheck.align.subjects import content_words
from factcheck.extract.context import after_superlative
from factcheck.models import Claim, Finding
from factcheck.rules.kinds.base import CheckContext, Kind
from factcheck.rules.values import lang_of, pair_subject

_PERIOD_INTRO = re.compile(r"(?:depuis|pendant|sur|en|durant|over|for|since|in|during|within|across|spread over|"
                           r"for the (?:past|last))\s+(?:les?\s+|the\s+)?(?:\S+\s+)?$", re.IGNORECASE)
_SINCE = re.compile(r"(?:depuis|since|for the (?:past|last)|for)\s+(?:\S+\s+)?$", re.IGNORECASE)
_DAY = 86400.0


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-Ý][\w'’-]+")


def _is_duration(c: Claim) -> bool:
    return c.kind == "duration"


def period_of(claim: Claim, same_sentence: list[Claim]) -> tuple[float | None, str]:
    """(days, text) of the period a claim is counted over: the extractor's, else a duration nearby."""
    if claim.period_days:
        return float(claim.period_days), claim.period or ""
    f = claim_features(claim)
    if f.offset < 0:
        return None, ""
    best = None
    for d in same_sentence:
        if d is claim or not _is_duration(d):
            continue
        fd = claim_features(d)
        if fd.offset < 0 or not _PERIOD_INTRO.search(fd.sentence[max(0, fd.offset - 30):fd.offset]):
            continue
        if after_superlative(fd.sentence, fd.offset, d.lang or "fr"):
            continue  # "le plus important depuis vingt ans": the superlative's span
        dist = abs(fd.offset - f.offset)
        if dist <= 120 and (best is None or dist < best[0]):
            best = (dist, d)
    if best is None:
        return None, ""
    d = best[1]
    return d.base_value / _DAY, d.text


_SINCE_START = re.compile(r"(?:depuis|since|for the (?:past|last))\b", re.IGNORECASE)


def _same_start(a: Claim, pa: float, ta: str, b: Claim, pb: float, tb: str) -> bool:
    """Two "since" periods that start on the same day, told on different days: "depuis
    hier après-midi" on Wednesday and "depuis mardi après-midi" on Thursday are one
    period, one day apart in length. A "since" period runs from its start to the day of
    the telling, so starts are compared, not lengths, when both articles are dated."""
    if not (_SINCE_START.match(ta.strip()) and _SINCE_START.match(tb.strip())):
        return False
    da, db = a.article.date if a.article else None, b.article.date if b.article else None
    if da is None or db is None or da == db:
        return False
    shift = abs((da.toordinal() - pa) - (db.toordinal() - pb))
    return shift < max(2.0, 0.5 * min(pa, pb))


class PeriodConflict(Kind):
    name = "period_conflict"
    pairwise = True
    across_articles = True
    priority = 30
    PARAMS = {"min_score": 0.5, "min_ratio": 1.5, "exact_severity": "error", "duration_min_score": 0.5,
              "min_shift_days": 7}
    PLACEHOLDERS = frozenset({"a", "b", "subject", "period_a", "period_b"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self._by_sentence: dict[tuple[str, int], list[Claim]] = {}
        self._durations: dict[tuple[str, int], list[Claim]] = {}
        self._periods: dict[str, tuple[float | None, str]] = {}

    def prepare(self, ctx: CheckContext) -> None:
        self._by_sentence, self._durations, self._periods = {}, {}, {}
        for c in ctx.claims:
            self._by_sentence.setdefault((c.path, c.sentence_start), []).append(c)
            if _is_duration(c):
                self._durations.setdefault((c.path, c.sentence_start), []).append(c)

    def _period(self, claim: Claim) -> tuple[float | None, str]:
        """``period_of`` once per claim (a claim is in many pairs), among its sentence's durations."""
        found = self._periods.get(claim.id)
        if found is None:
            found = self._periods[claim.id] = period_of(
                claim, self._durations.get((claim.path, claim.sentence_start), []))
        return found

    def check_pair(self, cand: Candidate) -> Finding | None:
        a, b = cand.a, cand.b
        if _is_duration(a) or _is_duration(b):
            return None
        if cand.score < self.params["min_score"] or cand.different or not self.scope_ok(cand):
            return None
        if abs(a.base_value - b.base_value) > 1e-9 * max(abs(a.base_value), 1.0):
            return None
        if "[length]" in (a.dimension, b.dimension):
            return None  # a distance ("à 40 km de Bordeaux") is where, not a count over a period
        pa, ta = self._period(a)
        pb, tb = self._period(b)
        if not pa or not pb or max(pa, pb) / min(pa, pb) < self.params["min_ratio"]:
            return None
        if _same_start(a, pa, ta, b, pb, tb):
            return None
        lang = lang_of(a, b)
        exact = a.qualifier == "exact" and b.qualifier == "exact"
        severity = self.params["exact_severity"] if exact else None
        return self.finding((a, b), lang, severity, a=a.text, b=b.text, subject=pair_subject(a, b, lang),
                            period_a=ta, period_b=tb)

    def _is_period_of_another(self, duration: Claim) -> bool:
        """"Depuis un an, 150 actions": the duration is the period of a figure, which (1) compares."""
        return any(c is not duration and c.period_start is not None
                   and c.period_start <= duration.start < (c.period_end or c.period_start)
                   for c in self._by_sentence.get((duration.path, duration.sentence_start), []))

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        """Bare durations ("depuis trois semaines") of the same thing in different articles."""
        since: dict[str, list[tuple[Claim, frozenset[str]]]] = {}
        for c in ctx.claims:
            if not _is_duration(c) or self._is_period_of_another(c):
                continue
            f = claim_features(c)
            if f.offset < 0 or f.date is None:
                continue
            before = f.sentence[max(0, f.offset - 40):f.offset]
            if not _SINCE.search(before):
                continue
            context = re.split(r"(?:depuis|since|for)\s", before, flags=re.IGNORECASE)[0][-40:]
            # a name ("in Chennai for eight years") says where, not what lasts: only common
            # nouns and verbs tie two durations to one thing
            names = content_words(" ".join(_NAME.findall(context)))
            since.setdefault(story_of(c), []).append((c, content_words(context) - names))
        for items in since.values():
            items = items[:50]  # bounded: a story has a handful of "depuis" durations
            for i in range(len(items)):
                for j in range(i + 1, len(items)):
                    (a, wa), (b, wb) = items[i], items[j]
                    fa, fb = claim_features(a), claim_features(b)
                    if fa.article_key == fb.article_key or not (wa & wb):
                        continue
                    da, db = a.base_value / _DAY, b.base_value / _DAY
                    if max(da, db) / max(min(da, db), 1e-9) < self.params["min_ratio"]:
                        continue
                    start_a = fa.date.toordinal() - da
                    start_b = fb.date.toordinal() - db
                    if abs(start_a - start_b) < max(self.params["min_shift_days"], 0.25 * max(da, db)):
                        continue
                    lang = lang_of(a, b)
                    subject = " ".join(sorted(wa & wb))
                    yield self.finding((a, b), lang, a=a.text, b=b.text, subject=subject,
                                       period_a=a.text, period_b=b.text)
