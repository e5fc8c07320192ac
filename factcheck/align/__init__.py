"""Align: decide which claims may state the same fact.

``align(claims, articles)`` returns the candidate pairs, blocked by subject and digits
within a story and a dimension, each scored by ``same_fact.score_pair``. ``articles`` (the
loaded articles the claims come from) give the texts a place is looked for in.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace
from typing import Iterable

from factcheck.align.blocking import candidate_pairs
from factcheck.align.confidence import confidence
from factcheck.align.features import Features, any_match, article_key, features, lexicon, locate, story_of
from factcheck.align.same_fact import Candidate, evolving, is_country, same_scope, score_pair
from factcheck.align.subjects import SubjectIndex, fold
from factcheck.known import NOTHING, Known
from factcheck.models import Article, Claim
from factcheck.units import DOLLARS, dollars_maybe_one

__all__ = ["Candidate", "align", "article_texts", "claim_features", "remember_features"]

_ARTICLE_LIKE = frozenset({"un", "une", "one", "a", "an"})

_FEATURES: dict[str, tuple[Claim, Features]] = {}


def claim_features(claim: Claim) -> Features:
    """Features of a claim, computed once per claim value (keyed on ``claim.id``; a claim
    of the same span with other fields, a story assigned since, is computed again)."""
    hit = _FEATURES.get(claim.id)
    if hit is None or (hit[0] is not claim and hit[0] != claim):
        if len(_FEATURES) > 200_000:
            _FEATURES.clear()
        hit = (claim, features(claim))
        _FEATURES[claim.id] = hit
    return hit[1]


def remember_features(claim: Claim, feats: Features) -> None:
    """Make ``feats`` (``features(claim)`` computed earlier: at index time) what
    ``claim_features(claim)`` gives, for the rules that ask for it later in the run."""
    if len(_FEATURES) > 200_000:
        _FEATURES.clear()
    _FEATURES[claim.id] = (claim, feats)


def article_texts(articles: Iterable[Article], known: Known = NOTHING) -> dict[str, str]:
    """Article key → the article's prose folded as places are (``subjects.fold``), for
    ``score_pair``: folded once per article, not once per pair (and not at all when known)."""
    return {a.key: known.folded.get(a.key) or fold(a.text) for a in articles}


MIN_SUMMED_WHOLE = 10  # below this, figures of one sentence add up to another by chance


def _makes_with_siblings(part: Claim, whole: Claim, f: Features, index: SubjectIndex,
                         sentence_counts: dict[tuple[str, str, str], list[float]]) -> bool:
    """``part``'s sentence gives other figures of its subject, and all of them together make
    ``whole`` ("12 blessés en urgence absolue et 25 en urgence relative" against "37
    blessés"): a part of that figure, not another value for it. Small wholes are left
    out: "quatre voitures… deux sont couchées" makes six by chance."""
    if whole.base_value <= part.base_value or part.base_value <= 0 or whole.base_value < MIN_SUMMED_WHOLE:
        return False
    values = sentence_counts.get((f.article_key, f.sentence, index.key(part)), [])
    return len(values) >= 2 and abs(sum(values) - whole.base_value) <= 1e-6 * whole.base_value


def _specific(claim: Claim) -> bool:
    """A figure unlikely to recur by chance in one article: a measure, or a count of 100+
    ("cinq policiers" may well name two groups of five in one story)."""
    return bool(claim.unit) or abs(claim.value) >= 100


# What stands between an amount and its conversion into another currency: "£450m ($568m)".
_CONVERSION_GAP = re.compile(r"\s*\(\s*(?:about|around|some|roughly|environ|soit|près de)?\s*", re.IGNORECASE)
CONVERSION_TOLERANCE = 0.05  # two conversions of one amount at two days' rates


def _conversions(claims: list[Claim]) -> set[int]:
    """The money figures given with their conversion into another currency, in parentheses
    ("in excess of $570 million (£450 million)"), both sides: one is the other at some
    day's exchange rate, so neither is exact to the unit."""
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        if c.kind == "money" and c.sentence:
            by_sentence[(c.article_key, c.sentence_start)].append(k)
    out: set[int] = set()
    for members in by_sentence.values():
        members.sort(key=lambda k: claims[k].start)
        for i, j in zip(members, members[1:]):
            a, b = claims[i], claims[j]
            sentence, offset = locate(a)
            _, b_offset = locate(b)
            if (a.unit != b.unit and offset >= 0 and b_offset > offset
                    and _CONVERSION_GAP.fullmatch(sentence, offset + len(a.text), b_offset)):
                out.update((i, j))
    return out


def _wholes(claims: list[Claim], feats: dict[int, Features]) -> dict[int, float]:
    """Each part's whole: the figure of the same dimension just before it in its sentence
    ("227 blessés, dont sept grièvement" → 227)."""
    out: dict[int, float] = {}
    for k, f in feats.items():
        if f.role != "part":
            continue
        c = claims[k]
        before = [x for x in (k - 1, k - 2) if 0 <= x < len(claims) and claims[x].article_key == c.article_key
                  and claims[x].sentence_start == c.sentence_start and claims[x].start < c.start
                  and claims[x].dimension == c.dimension]
        if before:
            out[k] = round(claims[before[0]].base_value, 6)
    return out


def _one_of_listed_places(a: Claim, b: Claim, fa: Features, fb: Features, index: SubjectIndex,
                          scopes: dict[tuple[str, str], set[str]]) -> bool:
    """One figure is bound to a place in an article that gives the subject's figures for
    several places ("206 km/h à L'Île-Rousse, 197 km/h à Calvi…"), the other is bound to
    none and is not about that place: one place's figure against the whole's. A country
    ("806 000 en France, dont 65 000 à Paris") is the whole."""
    if bool(fa.scope) == bool(fb.scope):
        return False
    placed, c, other = (fa, a, fb) if fa.scope else (fb, b, fa)
    if len(scopes.get((placed.article_key, index.key(c)), ())) < 2:
        return False
    if other.place and same_scope(placed.scope, other.place):
        return False
    return not is_country(placed.scope)


def _one_amount_two_currencies(a: Claim, b: Claim) -> bool:
    """The same amount in two currencies: compared, for the currency slip rule."""
    return a.kind == b.kind == "money" and a.value == b.value


def _sole_figures(claims: list[Claim], feats: dict[int, Features], index: SubjectIndex,
                  changing: list[tuple[int, Claim, Features]]) -> dict[int, str]:
    """The counts that are their article's only figure for an outcome of the event (the
    dead, the injured, the evacuated: the ``outcomes`` table, "32 blessés", "onze
    personnes ont trouvé la mort", or those of a group its clause says it befell: "27
    migrants sont morts" counts the migrants who died), and the percentages that are
    their article's only share of a ``sole_shares`` measure (a vote's turnout): one value
    however often repeated, parts ("dont huit pompiers"), earlier values and narrower
    measures aside, and a value no article of the story gives as an earlier one. When
    two articles of a story each give one such figure for the same day, a reader takes
    them for the same fact. Resources and stocks (firefighters engaged, tonnes stored) grow through a day
    and are not outcomes; a turnout given at a time of day, or for one place, is not the
    vote's share. Each is mapped to its measure: two figures are compared as sole ones
    only when they measure the same."""
    lex = lexicon()
    outcomes = {name for table in lex["outcomes"].values() for name, _ in table}
    shares = lex["sole_shares"]
    values: dict[tuple[str, str], set[float]] = defaultdict(set)
    keyed: dict[int, tuple[str, str]] = {}
    for k, f in feats.items():
        c = claims[k]
        subject = index.key(c)
        # an estimate's bounds ("entre 65 et 68 %") are not the share, nor one at a time of day
        share = (subject in shares and c.unit == "percent" and c.qualifier == "exact" and f.clock < 0
                 and not f.daypart and not (f.scope or f.region))
        befell = fold(f.outcome) if f.outcome and subject and not c.unit else ""
        if not (share or befell or subject in outcomes and not c.unit):
            continue  # a local turnout ("à Lyon", "in Glasgow") is one of many: not the vote's
        if f.role or f.other or f.new or f.modifier or c.text.strip().lower() in _ARTICLE_LIKE:
            continue
        measure = subject if subject in outcomes or share or subject == befell else f"{subject}:{befell}"
        key = (f.article_key, f"{c.dimension}:{measure}")
        values[key].add(round(c.base_value, 6))
        keyed[k] = key
    superseded = {(f.story, round(c.base_value, 6)) for _, c, f in changing}
    return {k: key[1] for k, key in keyed.items() if len(values[key]) == 1
            and (feats[k].story, round(claims[k].base_value, 6)) not in superseded}


def _changing(claims: list[Claim], feats: dict[int, Features]) -> list[tuple[int, Claim, Features]]:
    """The claims told as an earlier or a replacing figure ("investigators earlier
    confirmed five", "la veille, 24 blessés", "rises to seven") whose value some paired
    claim gives: a toll the story says has moved. Such a mention may be in no pair itself
    (it counts "passengers"), so every claim of those values is read."""
    values = {round(claims[k].base_value, 6) for k in feats}
    out = []
    for k, c in enumerate(claims):
        if round(c.base_value, 6) in values and (k in feats or _tells_a_change(c)):
            f = feats.get(k) or claim_features(c)
            if f.role == "previous" or f.update:
                out.append((k, c, f))
    return out


def _tells_a_change(c: Claim) -> bool:
    """Whether a claim in no pair may be an earlier or a replacing figure, by its sentence's
    cues alone: reading its whole frame for every claim of a large archive would cost
    what pairing saves."""
    return _sentence_tells_a_change(c.lang, c.sentence or c.text)


@functools.lru_cache(maxsize=4096)
def _sentence_tells_a_change(lang: str, sentence: str) -> bool:
    return any(any_match(name, lang, sentence)
               for name in ("previous_patterns", "pluperfect_patterns", "update_patterns"))


def _moves(claims: list[Claim], feats: dict[int, Features], index: SubjectIndex,
           changing: list[tuple[int, Claim, Features]]) -> set[tuple[str, float, float]]:
    """(story, earlier, later) and (story, later, earlier) for the figures an article tells
    moved: "the toll has risen to seven, after investigators earlier confirmed five", "le
    bilan est passé de cinq à six morts". Two articles giving five and seven then give
    the toll at two moments. The earlier figure is one of ``changing``; the later is its
    article's current figure for the same count (told in the same sentence, or counting
    the same: what befell those counted, else the subject)."""
    earlier = [(k, c, f) for k, c, f in changing if f.role == "previous" and not (f.other or f.new)]
    if not earlier:
        return set()
    articles = {f.article_key for _, _, f in earlier}
    members: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        if article_key(c) in articles:
            members[article_key(c)].append(k)
    out: set[tuple[str, float, float]] = set()
    for k, c, f in earlier:
        for j in members[f.article_key]:
            later = claims[j]
            g = feats.get(j) or claim_features(later)
            if (j == k or g.role or g.other or g.new or later.dimension != c.dimension
                    or later.base_value == c.base_value):
                continue  # not the current total of the same count ("trois nouveaux policiers")
            if (g.sentence == f.sentence or (f.outcome and fold(f.outcome) == fold(g.outcome))
                    or (index.key(c) and index.key(c) == index.key(later))):
                x, y = round(c.base_value, 6), round(later.base_value, 6)
                out |= {(f.story, x, y), (f.story, y, x)}
    return out


def _share_time_frames(claims: list[Claim], feats: dict[int, Features], index: SubjectIndex) -> None:
    """One article repeating a figure states one fact: a mention that names no time of day
    (a headline, "684 000 foyers toujours privés d'électricité") takes the time its
    repeats name ("A 18 h 30, 684 000 foyers…"), when they name one only. (A day is not
    carried over: follow-ups repeat a figure for another day.) Specific figures only
    (``_specific``): two small counts of one subject may be two facts. ``feats`` (the paired claims' features) is updated in place."""
    groups: dict[tuple[str, str, str, float], list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        if _specific(c):
            groups[(c.article_key, c.dimension, index.key(c), round(c.base_value, 6))].append(k)
    for members in groups.values():
        if len(members) < 2 or not any(k in feats for k in members):
            continue
        frames = {k: feats.get(k) or claim_features(claims[k]) for k in members}
        for k in members:
            f = feats.get(k)
            if f is None or f.clock >= 0:
                continue
            clocks = {g.clock for g in frames.values() if g.clock >= 0 and g.day == f.day}
            if len(clocks) == 1:
                feats[k] = replace(f, clock=clocks.pop())


def _share_update_cues(claims: list[Claim], feats: dict[int, Features], index: SubjectIndex) -> None:
    """An article tells its latest toll once as such ("Vingt morts, deux disparus, c'est le
    dernier bilan") and repeats it bare (the headline "deux disparus, deux retrouvés"):
    every mention of that figure for that subject in the article is the latest one. So
    with a figure told as provisional ("the current official death toll of five", "un
    bilan provisoire"): its bare repeats are too. Small counts too: the cue only says the
    figure may have replaced, or be replaced by, another.
    ``feats`` is updated in place."""
    groups: dict[tuple[str, str, str, float], list[int]] = defaultdict(list)
    for k in feats:
        c = claims[k]
        subject = index.key(c)
        if subject:
            groups[(c.article_key, c.dimension, subject, round(c.base_value, 6))].append(k)
    for members in groups.values():
        if len(members) < 2:
            continue
        for cue in ("update", "progressive"):
            if any(getattr(feats[k], cue) for k in members):
                for k in members:
                    if not getattr(feats[k], cue):
                        feats[k] = replace(feats[k], **{cue: True})


def align(claims: list[Claim], articles: Iterable[Article] = (), *, max_bucket: int = 64,
          involving: Collection[str] | None = None, known: Known = NOTHING) -> list[Candidate]:
    """Candidate pairs of claims that may state the same fact, in a deterministic order.

    ``articles`` are looked up by key for their text (a place named anywhere in an
    article); a claim whose article is not given is read from its sentence alone.
    ``involving`` (article keys: the drafts checked against an archive) keeps only the
    pairs with a claim of one of those articles, so that the archive's own pairs, which
    were checked when it was, are not scored again. ``known`` gives what was computed for
    some claims and articles before the run (the archive's, at index time)."""
    texts = article_texts(articles, known)
    if known.features:  # what ``claim_features`` gives in this run, for the rules that ask it too
        for c in claims:
            stored = known.features.get(c.id)
            if stored is not None:
                remember_features(c, stored)
    index = SubjectIndex(claims, known=known.subjects)
    pairs = candidate_pairs(claims, index, max_bucket=max_bucket, involving=involving)
    # Features only for claims that are in a pair (most claims of a large corpus are not).
    feats: dict[int, Features] = {}
    for i, j in pairs:
        for k in (i, j):
            if k not in feats:
                feats[k] = claim_features(claims[k])
    _share_time_frames(claims, feats, index)
    _share_update_cues(claims, feats, index)
    sentence_values: dict[tuple[str, str], set[float]] = defaultdict(set)
    for k, c in enumerate(claims):
        f = feats.get(k)
        if f is None and not c.sentence:
            continue  # a claim without a sentence, in no pair: nothing to cite
        key = (f.article_key, f.sentence) if f is not None else (article_key(c), c.sentence)
        sentence_values[key].add(round(c.base_value, 6))
    frozen = {k: frozenset(v) for k, v in sentence_values.items()}
    # What each article says about each subject: an article that gives both figures of a
    # cross-article pair keeps them apart itself (a part and its total, before and after).
    # Each sentence's figures for each subject: parts that together make another figure.
    # Running counts: a measure some article of the story tells as still moving ("so far").
    # The places each article gives figures of a subject for: a list of places' figures.
    said: dict[tuple[str, str], set[float]] = defaultdict(set)
    sentence_counts: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    running: set[tuple[str, str]] = set()
    scopes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for k, f in feats.items():
        c = claims[k]
        subject = index.key(c)
        if subject:
            said[(f.article_key, subject)].add(round(c.base_value, 6))
            if f.scope:
                scopes[(f.article_key, subject)].add(f.scope)
            sentence_counts[(f.article_key, f.sentence, subject)].append(c.base_value)
            if f.progressive:
                running.add((f.story, subject))
    dollars: dict[str, set[str]] = defaultdict(set)  # the dollar currencies each story names
    for c in claims:
        if c.unit in DOLLARS:
            dollars[story_of(c)].add(c.unit)
    changing = _changing(claims, feats)
    sole = _sole_figures(claims, feats, index, changing)
    moves = _moves(claims, feats, index, changing)
    converted = _conversions(claims)
    wholes = _wholes(claims, feats)
    out = []
    for i, j in pairs:
        a, b = claims[i], claims[j]
        if (a.path, a.start, a.end) == (b.path, b.start, b.end):
            continue
        if a.dimension != b.dimension and not _one_amount_two_currencies(a, b):
            continue
        cand = score_pair(a, b, feats[i], feats[j], index, frozen, texts)
        fa, fb = feats[i], feats[j]
        if (i in sole and sole.get(j) == sole[i] and not cand.same_article and cand.subject in ("same", "synonym")
                and fa.day is not None and fa.day == fb.day):
            cand = replace(cand, support=(*cand.support, "sole"))
        if (not cand.same_article and i in wholes and wholes.get(i) == wholes.get(j) and wholes[i]
                and cand.subject in ("same", "synonym") and fa.modifier == fb.modifier):
            # two parts of one same whole: "227 blessés, dont sept grièvement" / "227, dont six grièvement"
            cand = replace(cand, support=(*cand.support, "whole"))
        elif not cand.different and i in wholes and j in wholes and wholes[i] != wholes[j]:
            cand = replace(cand, different=f"parts of two different wholes ({wholes[i]:g} / {wholes[j]:g})")
        if (not cand.different and (i in converted or j in converted) and a.unit == b.unit
                and abs(a.value - b.value) <= CONVERSION_TOLERANCE * max(abs(a.value), abs(b.value))):
            cand = replace(cand, different="an amount converted from another currency (exchange rates differ)")
        if (not cand.same_article and not cand.different and a.base_value != b.base_value
                and _specific(a) and _specific(b)):
            sa, sb = index.key(a), index.key(b)
            if (round(b.base_value, 6) in said.get((feats[i].article_key, sa), ())
                    or round(a.base_value, 6) in said.get((feats[j].article_key, sb), ())):
                cand = replace(cand, different="one article gives both figures, as different facts")
        if not cand.same_article and not cand.different and _one_of_listed_places(a, b, fa, fb, index, scopes):
            cand = replace(cand, different=f"one of several places' figures ({fa.scope or fb.scope}) vs a figure "
                                           "for no one place")
        if (not cand.same_article and not cand.different and a.base_value != b.base_value
                and len(dollars[fa.story]) >= 2 and dollars_maybe_one((a.text, a.unit), (b.text, b.unit))):
            cand = replace(cand, different="dollars of no named country, in a story told in several dollar "
                                           "currencies (A$, US$)")
        if not cand.different and (_makes_with_siblings(a, b, fa, index, sentence_counts)
                                   or _makes_with_siblings(b, a, fb, index, sentence_counts)):
            cand = replace(cand, different="a part: with the other figures of its sentence it makes the other figure")
        if (not cand.update and not cand.different and a.base_value != b.base_value
                and (fa.story, round(a.base_value, 6), round(b.base_value, 6)) in moves):
            cand = replace(cand, update=f"the story tells of the figure moving from {a.text} to {b.text}, or back")
        # two articles' figures of a toll that some article tells as still rising ("so far 22
        # dead") may be two moments of it; an earlier figure recalled was weighed by score_pair
        if (not cand.same_article and not (cand.different or cand.update or cand.revision)
                and a.base_value != b.base_value and (fa.story, index.key(a)) in running
                and index.key(a) == index.key(b) and (evolving(a, fa) or evolving(b, fb))
                and "previous" not in (fa.role, fb.role)):
            cand = replace(cand, revision="a count the story tells as still moving: two moments of it")
        out.append(replace(cand, confidence=confidence(cand)))
    return out

