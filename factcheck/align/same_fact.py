"""The same-fact score of a candidate pair, and the reasons two claims are *not* the same fact.

A pair gets a score in [0, 1] from its subjects (same lemma, synonym or typo; the subject
named in the other sentence; or shared sentence words), nudged by predicate, cues and
attribution. Independently, it may be marked ``different`` (figures attributed to
different sources, another place, "autres", a rate vs a count) or ``update`` (an explicit
new toll, a value the other article also cites as an earlier one, a snapshot of
something still growing). Rules decide what score they need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from factcheck.align.features import Features, any_match, clock_span, lexicon, to_punctuation
from factcheck.align.subjects import SubjectIndex, event_verb, fold, subject_forms
from factcheck.models import Claim


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two claims that may state the same fact."""

    a: Claim
    b: Claim
    score: float
    subject: str = ""              # same | synonym | typo | sentence | context | value | event
    same_article: bool = False
    different: str = ""            # why they are not the same fact ("" when they may be)
    update: str = ""               # why a change between them is not a contradiction
    reasons: tuple[str, ...] = field(default=())
    support: tuple[str, ...] = field(default=())   # what besides the subject says "same event"
    revision: str = ""             # why a change may be an unmarked revision (reported as info)
    caveat: str = ""               # a difference of role that rules out a conflict of values, not a slip of
                                   # the same digits (a forecast of 1,2 milliard vs an estimate of 1,2 million)
    confidence: float = 0.0        # P(same fact), from ``confidence.confidence``
    frames: tuple = field(default=(None, None), repr=False, compare=False)  # the two claims' Features

    @property
    def claims(self) -> tuple[Claim, Claim]:
        return (self.a, self.b)

    def comparable(self, min_score: float, same_digits: bool = False) -> bool:
        """Same fact at this threshold, not different, not an update; a ``caveat`` counts
        as a difference except for rules about the same digits written wrong."""
        return (self.score >= min_score and not self.different and not self.update
                and (same_digits or not self.caveat))


def _subject_score(a: Claim, b: Claim, fa: Features, fb: Features, index: SubjectIndex) -> tuple[float, str]:
    w = lexicon()["weights"]
    match = index.kind_of_match(a, b)
    if match in ("same", "synonym"):
        return w["subject_same"], match
    if match == "typo":
        return w["subject_typo"], match
    if a.kind == b.kind == "duration" and event_verb(a) and event_verb(a) == event_verb(b):
        return w["subject_in_sentence"], "event"  # two durations of one event ("tombé en six heures")
    ha, _ = subject_forms(a)
    hb, _ = subject_forms(b)
    same_sentence = fa.article_key == fb.article_key and fa.sentence == fb.sentence
    if not same_sentence and ((ha and ha in fb.words and not _counted_apart(b, fb, hb, ha))
                              or (hb and hb in fa.words and not _counted_apart(a, fa, ha, hb))):
        return w["subject_in_sentence"], "sentence"
    union = fa.words | fb.words
    jacc = len(fa.words & fb.words) / len(union) if union else 0.0
    score = min(w["context_max"], 2 * jacc)
    if ha and hb:  # both name what they count, and it differs
        score = min(score, 0.3)
    return round(score, 3), "context"


_NOUN_AFTER = re.compile(r"[\s\u00a0\u202f]*(?:(?:de|of)[\s\u00a0\u202f]+|d['’][\s\u00a0\u202f]*)?([^\W\d_][\w'’-]*)")
_FIGURE = re.compile(r"\d(?:[\d\u00a0\u202f .,]*\d)?")


def _noun_after(sentence: str, end: int) -> str:
    m = _NOUN_AFTER.match(sentence, end)
    return fold(m.group(1)) if m else ""


def _counted_apart(c: Claim, f: Features, head: str, other: str) -> bool:
    """The figure counts its own noun, written right after it ("1 220 gardes à vue"), and
    the other figure's noun is in its sentence only as what another figure there counts
    ("1 723 interpellations, 1 220 gardes à vue"): a list of measures, each its own. That
    sentence names the other noun, but not as what this figure counts. A generic noun
    ("personnes"), whose clause says what is counted, is never read so."""
    if not head or f.offset < 0 or head in lexicon()["generic"].get(c.lang or "fr", frozenset()):
        return False
    if _noun_after(f.sentence, f.offset + len(c.text)) != head:
        return False
    return any(_noun_after(f.sentence, m.end()) == other for m in _FIGURE.finditer(f.sentence)
               if not f.offset <= m.start() < f.offset + len(c.text))


def _specific_same_value(a: Claim, b: Claim) -> bool:
    """The same exact figure, specific enough not to be a coincidence ($45 million, 1 187)."""
    if a.qualifier != "exact" or b.qualifier != "exact" or a.unit != b.unit or a.value != b.value:
        return False
    digits = f"{abs(a.value):.12g}".replace(".", "").strip("0")
    if a.unit and a.unit != "percent":
        return len(digits) >= 2 or abs(a.value) >= 1e6
    return len(digits) >= 3


def _later(a: Claim, b: Claim, fa: Features, fb: Features) -> tuple[Claim, Features, Claim, Features]:
    """(earlier, later) by publication date; when the dates cannot tell (the same day, or
    an article dated only to the month the other's day lies in), the figure told as the
    latest ("rises to", "dernier bilan") is the later; then by position in the text."""
    ra = a.article.date_range() if a.article is not None else None
    rb = b.article.date_range() if b.article is not None else None
    if ra and rb and (ra[1] < rb[0] or rb[1] < ra[0]):
        return (a, fa, b, fb) if ra[1] < rb[0] else (b, fb, a, fa)
    if fa.update != fb.update:
        return (b, fb, a, fa) if fa.update else (a, fa, b, fb)
    ka = (fa.date or fb.date, a.path, a.start)
    kb = (fb.date or fa.date, b.path, b.start)
    return (a, fa, b, fb) if ka <= kb else (b, fb, a, fa)


def _place_differs(fa: Features, fb: Features, a: Claim, b: Claim, texts: Mapping[str, str]) -> bool:
    """Two different places, neither named in the other figure's article (its sentence when
    the article's folded text is not in ``texts``, see ``align.article_texts``). In one
    article, two places that are the figures' own (their sentence's or their table row's:
    "Nice : 25 000 / 7 000 selon la police" and "Lille : 70 000"), not the one its title
    gives them all, are two places: an article names both."""
    if not fa.place or not fb.place or fa.place == fb.place:
        return False
    if fa.scope and fa.scope == fb.scope:
        return False  # both bound to one place ("l'Italie (115 000 morts)", "l'Italie 115 900")
    if a.article_key == b.article_key:
        titled = fold(a.article.place) if a.article is not None and a.article.place else ""
        return titled not in (fa.place, fb.place)
    return fa.place not in _told(texts, b, fb) and fb.place not in _told(texts, a, fa)


def _told(texts: Mapping[str, str], c: Claim, f: Features) -> str:
    """What the claim's reader is told: its article folded (``align.article_texts``), else
    its sentence."""
    text = texts.get(c.article_key)
    return text if text is not None else fold(f.sentence)


def is_country(place: str) -> bool:
    """A folded place name that names a country ("la france", "the uk")."""
    return " ".join(w for w in place.split() if w not in ("la", "le", "les", "l", "the")) in lexicon()["countries"]


def _a_country(fa: Features, fb: Features) -> bool:
    """One of the two sentences is placed in a country ("au sud-ouest de la France"): for
    the length of one event, that says where the event is, not another place."""
    return any(is_country(f.place) for f in (fa, fb))


def _scope_vs_place(fa: Features, fb: Features) -> bool:
    """One figure is bound to a place ("à Marseille, la CGT annonçait 150 000"), the other
    is not bound and its sentence or article is about a country ("en France"), or one
    figure is said to be the whole country's ("dans tout le pays") and the other's
    sentence names a town: a local figure and a national one."""
    if fa.national != fb.national:
        local = fb if fa.national else fa
        where = local.scope or local.place
        if where and not is_country(where) and where not in lexicon()["countries"]:
            return True
    if bool(fa.scope) == bool(fb.scope):
        return False
    scope, place = (fa.scope, fb.place) if fa.scope else (fb.scope, fa.place)
    return is_country(place) and scope not in lexicon()["countries"]


def _weekday(f: Features) -> int:
    return f.day.weekday() if f.day else f.weekday


def _weekdays_apart(fa: Features, fb: Features) -> bool:
    """A figure whose day is unknown but whose clause names a weekday ("vendredi soir",
    in an article dated only to the month) is not about a day of another weekday."""
    wa, wb = _weekday(fa), _weekday(fb)
    return (fa.weekday >= 0 or fb.weekday >= 0) and wa >= 0 and wb >= 0 and wa != wb


def _different_days(a: Claim, b: Claim, fa: Features, fb: Features) -> bool:
    """The two figures are about different days (the days their sentences name, else their
    articles' days), or, when that is unknown, come from articles dated to different days:
    an evolving figure may have moved (a date known to the month only is any day of that
    month: January and February are different days). Saturday's first toll quoted on
    Sunday is still Saturday's."""
    if fa.day and fb.day:
        return fa.day != fb.day
    if _weekdays_apart(fa, fb):
        return True
    x, y = a.article, b.article
    # a known day against an article dated to the month: outside that month is another day
    rx = (fa.day, fa.day) if fa.day else (x.date_range() if x is not None else None)
    ry = (fb.day, fb.day) if fb.day else (y.date_range() if y is not None else None)
    return rx is not None and ry is not None and (rx[1] < ry[0] or ry[1] < rx[0])


RECALLED_DAYS = 30  # a day named this long before another article was written is a recalled event


def _told_on_different_days(a: Claim, b: Claim, fa: Features, fb: Features) -> bool:
    """A running figure stands as of the day it is told: a toll whose sentence names no
    day of its own ("the collision left four people dead") is its article's toll on the
    day it was published, even when the event was the day before. Two such figures from
    articles published on days that cannot be one (an article dated to February is not
    the one of 27 January) may be one toll at two moments."""
    x, y = a.article, b.article
    rx = x.date_range() if x is not None else None
    ry = y.date_range() if y is not None else None
    if rx is None or ry is None:
        return False
    # an article written more than a month after the other looks back: its toll is the
    # one known by then, even told with the day of the event ("le 14 décembre, la
    # collision faisait six morts", five years on)
    if (ry[0] - rx[1]).days > RECALLED_DAYS or (rx[0] - ry[1]).days > RECALLED_DAYS:
        return True
    if not (rx[1] < ry[0] or ry[1] < rx[0]):
        return False  # the same day, or a month that holds the other's day
    later = fb if ry[0] > rx[1] else fa
    return later.when is None


def _named_days_apart(a: Claim, b: Claim, fa: Features, fb: Features, gap: int) -> bool:
    """The two figures are about days more than ``gap`` apart, at least one named in its own
    sentence and the other named in its sentence or its article's text ("Le 19 janvier
    dernier, 1,1 million avaient défilé" against an article about 31 January). A
    publication date alone never separates two figures: a follow-up may be weeks late.
    But a day named for one figure ("le 26 juillet dernier, six tonnes") that lies before
    the other article could have been written (its date, or the first day of its month)
    by more than a month is a past event that article does not report as news."""
    if not (fa.when or fb.when):
        return False
    da, db = fa.when or fa.event_day, fb.when or fb.event_day
    if da and db:
        return abs((da - db).days) > gap
    named, other = (fa.when, b.article) if fa.when else (fb.when, a.article)
    told = other.date_range() if other is not None else None
    return bool(told and named and (told[0] - named).days > max(gap, RECALLED_DAYS))


def _same_moment(fa: Features, fb: Features) -> bool:
    """A recalled earlier figure dated to the very day the other figure is about
    ("Samedi, le premier bilan faisait état de 13 blessés" against Saturday's "11
    blessés"): the two describe one moment, so a difference is not a revision."""
    prev, other = (fa, fb) if fa.role == "previous" else (fb, fa)
    return bool(prev.when and prev.day and other.day and prev.day == other.day)


def _grown_past(p: Claim, q: Claim, fp: Features, fq: Features) -> bool:
    """``p`` is told as a snapshot ("already", "à ce stade", "the current death toll of
    five", "bilan provisoire") and ``q``, in another article not known to be earlier, and
    not told as an earlier figure, is larger: the figure may have grown since."""
    if not fp.progressive or q.base_value <= p.base_value or fq.role == "previous":
        return False  # a larger figure told as an earlier one ("dans son premier bilan") is no growth
    rp = p.article.date_range() if p.article is not None else None
    rq = q.article.date_range() if q.article is not None else None
    return not (rp and rq and rq[1] < rp[0])


def _stamped(f: Features, other: Features) -> bool:
    """The figure's clause says when it stood, more precisely than the other's day says:
    a clock time or a part of the day, or a day or weekday when the other's day is unknown."""
    return f.clock >= 0 or bool(f.daypart) or (not other.day and bool(f.when or f.weekday >= 0))


def _one_stamped(fa: Features, fb: Features) -> bool:
    """In two articles, one figure of a running count is given at a stated moment ("vendredi
    soir, 847 personnes étaient hébergées") and the other at none: a snapshot and a figure
    that may be from any later or earlier moment. (Saturday's toll recalled in Sunday's
    article, against Saturday's article's toll, is one moment.)"""
    return fa.article_key != fb.article_key and _stamped(fa, fb) != _stamped(fb, fa)


def _group_counted_by_other(a: Claim, b: Claim, fa: Features, fb: Features) -> bool:
    """One figure is among a group and the other counts that very group: "26 % de
    grévistes parmi les conducteurs" and "62 % des conducteurs en grève" measure one share."""
    return any(f.modifier == "group:" + fold(other.subject) and not g.modifier and other.subject
               for f, g, other in ((fa, fb, b), (fb, fa, a)))


def _same_clock(fa: Features, fb: Features) -> bool:
    """Both given at one clock time ("à 18 h"): the same moment, whatever else they say."""
    return fa.clock >= 0 and fa.clock == fb.clock


def _times_apart(fa: Features, fb: Features) -> bool:
    """Two figures given at times of day that cannot be one moment: two clock times, or
    a clock time and a part of the day that does not hold it ("à 12 h" / "ce soir"). On
    one day, or on a day one article leaves unknown ("ce dimanche soir" in an article
    dated to the month), they are two snapshots."""
    sa, sb = clock_span(fa), clock_span(fb)
    return sa is not None and sb is not None and (sa[1] < sb[0] or sb[1] < sa[0])


def evolving(c: Claim, f: Features) -> bool:
    """A toll, an evacuation count, a burned area: a figure that moves while reported."""
    evolving = lexicon()["evolving"]
    lang = c.lang if c.lang in evolving else "fr"
    head, _ = subject_forms(c)
    if head in evolving[lang]:
        return True
    return any_match("evolving_patterns", lang, f.window)


def _held(c: Claim, f: Features) -> bool:
    """Those arrested or held ("cinq personnes ont été placées en garde à vue"), the verb
    read a few words on in the figure's clause, not past its comma."""
    lang = c.lang or "fr"
    end = f.offset + len(c.text)
    return any_match("held_patterns", lang, f.window) or (
        f.offset >= 0 and any_match("held_patterns", lang, to_punctuation(f.sentence[end:end + 70])))


def _held_grew(a: Claim, b: Claim, fa: Features, fb: Features) -> bool:
    """Both count those held, and the later article gives more: the inquiry went on (five in
    custody on Saturday, nine by the next week). A later, smaller count is no revision."""
    if fa.date is None or fb.date is None or fa.date == fb.date or not (_held(a, fa) and _held(b, fb)):
        return False
    (_, early), (_, late) = sorted(((fa.date, a), (fb.date, b)), key=lambda x: x[0])
    return late.base_value > early.base_value


def _grows(c: Claim, f: Features) -> bool:
    """A measure that only grows through a day and is no toll (a burned area, named by its
    unit too: "le feu a parcouru 800 hectares"; the firefighters engaged): its figure
    recalled for earlier that day ("cet après-midi, le feu avait parcouru 700 hectares")
    is a snapshot before the other article's."""
    lang = c.lang if c.lang in lexicon()["evolving"] else "fr"
    return (evolving(c, f) or c.unit in lexicon()["evolving"][lang]) and not _toll(f) and not f.outcome


def _toll(f: Features) -> bool:
    """What its clause says befell those counted is a toll ("killing three people")."""
    return fold(f.outcome) in lexicon()["evolving"]["fr"]


def _same_group(a: Claim, b: Claim, fa: Features, fb: Features, index: SubjectIndex) -> bool:
    """A part that names the very group the other figure counts: "30 blessés, dont six
    pompiers" and "huit pompiers ont été blessés" both count injured firefighters (same
    noun, and the part's whole befell what the other's clause says befell its group)."""
    (part_claim, part), other = ((a, fa), fb) if fa.role == "part" else ((b, fb), fa)
    if part.role != "part" or other.role or not part.outcome or part.outcome != other.outcome:
        return False
    if index.kind_of_match(a, b) not in ("same", "synonym"):
        return False
    # the part names its own group right after its number ("dont six pompiers"), not the
    # whole's noun again or carried over ("dont 8 parmi eux", "dont 65 000 manifestants à Paris")
    head, _ = subject_forms(part_claim)
    if part.outcome in (head, index.key(part_claim)):
        return False
    end = part.offset + len(part_claim.text)
    return part.offset >= 0 and head in fold(part.sentence[end:end + 40]).split()[:3]


def _windows_of_other_amounts(a: Claim, b: Claim, fa: Features, fb: Features,
                              sentence_values: dict[tuple[str, str], frozenset[float]] | None) -> bool:
    """Two durations that each frame another figure of their sentence, and those figures
    differ: "en cinq semaines, 1 million de cas" and "en sept semaines, 1,6 million" are
    two snapshots of a running count, not two lengths of one event (whereas "en six
    heures, trois mois de pluie" and "en cinq heures, trois mois de pluie" disagree)."""
    if a.kind != "duration" or b.kind != "duration" or sentence_values is None:
        return False
    own_a, own_b = round(a.base_value, 6), round(b.base_value, 6)
    framed_a = sentence_values.get((fa.article_key, fa.sentence), frozenset()) - {own_a}
    framed_b = sentence_values.get((fb.article_key, fb.sentence), frozenset()) - {own_b}
    if not framed_a or not framed_b:
        return False
    return not any(abs(x - y) <= 0.1 * max(abs(x), abs(y)) for x in framed_a for y in framed_b)


def same_scope(a: str, b: str) -> bool:
    """Two folded place names for one place, or one inside the other ("paris" / "paris 18e")."""
    return a == b or a in b or b in a


def score_pair(a: Claim, b: Claim, fa: Features, fb: Features, index: SubjectIndex,
               sentence_values: dict[tuple[str, str], frozenset[float]] | None = None,
               texts: Mapping[str, str] | None = None) -> Candidate:
    """The pair's same-fact score and evidence. ``texts`` maps article keys to their prose."""
    lex = lexicon()
    w = lex["weights"]
    score, subject = _subject_score(a, b, fa, fb, index)
    reasons: list[str] = [f"subject:{subject}"]
    if score < w["same_value"] and _specific_same_value(a, b):
        score, subject = w["same_value"], "value"
        reasons.append("value:same")
    pa, pb = fa.predicate, fb.predicate
    if pa and pb and pa not in lex["light"] and pb not in lex["light"]:
        fam = lex["family"]
        if pa == pb or (pa in fam and fam.get(pa) == fam.get(pb)):
            score += w["predicate_same"]
            reasons.append("predicate:same")
        else:
            score += w["predicate_differ"]
            reasons.append("predicate:differ")
    if fa.new and fb.new and not (fa.step or fb.step):
        score += w["cue_same"]
        reasons.append("cue:new")
    different = ""
    if fa.attribution and fb.attribution:
        if fa.attribution == fb.attribution:
            score += w["attribution_same"]
        else:
            different = f"attribution ({fa.attribution} / {fb.attribution})"
    if (not different and sentence_values is not None and fa.article_key == fb.article_key
            and fa.sentence == fb.sentence
            and len(sentence_values.get((fa.article_key, fa.sentence), ())) >= w["enumeration_size"]):
        different = "two items of one enumeration (a sentence that lists many figures)"
    if not different and fa.category and fb.category and fa.category != fb.category:
        different = f"another category ({fa.category} / {fb.category})"
    if not different and fa.restriction != fb.restriction:
        different = f"another population ({fa.restriction or '-'} / {fb.restriction or '-'})"
    if not different and bool(fa.aggregate) != bool(fb.aggregate):
        different = f"a total over several {fa.aggregate or fb.aggregate} vs a figure for one"
    if not different and a.base_value == -b.base_value != 0 and (
            fa.change == fb.change != 0 or (a.unit == "percent" and 0 in (fa.change, fb.change))):
        different = "one change written with a sign (-3,6 %) and in words (une baisse de 3,6 %)"
    if not different and fa.scope and fb.scope and not same_scope(fa.scope, fb.scope):
        different = f"place ({fa.scope} / {fb.scope})"
    if not different and fa.article_key == fb.article_key and bool(fa.scope) != bool(fb.scope):
        scoped, unscoped = (fa, fb) if fa.scope else (fb, fa)
        # "à Paris" in an article whose place is Paris names the whole story, not a part of it
        if not (unscoped.place and same_scope(scoped.scope, unscoped.place)):
            different = f"one article's figure for {scoped.scope} and its figure without that place"
    if not different and fa.article_key != fb.article_key and bool(fa.scope) != bool(fb.scope):
        (scoped, unscoped, other) = (fa, fb, b) if fa.scope else (fb, fa, a)
        # "53 interpellés à Paris" against "122 interpellés" in an article that never names
        # Paris: one place's figure against a figure for no place its reader is told of
        if (not unscoped.place and not is_country(scoped.scope)
                and scoped.scope not in _told(texts or {}, other, unscoped)):
            different = f"a figure for {scoped.scope} vs one whose article never names {scoped.scope}"
    if not different and _scope_vs_place(fa, fb):
        different = f"a figure for {fa.scope or fb.scope} vs one for {fb.place if fa.scope else fa.place}"
    if not different and _place_differs(fa, fb, a, b, texts or {}) and not (subject == "event" and _a_country(fa, fb)):
        different = f"place ({a.place} / {b.place})"
    if not different and fa.region != fb.region:
        different = "a regional part vs the whole"
    if not different and "threshold" in (fa.role, fb.role):
        different = "a threshold crossed (barre des, passed the … mark), not a count"
    included = "part" in (fa.role, fb.role) and _same_group(a, b, fa, fb, index)
    if not different and "part" in (fa.role, fb.role) and fa.role != fb.role and not included:
        different = "a part (dont, including) vs a whole (sur les, out of)"
    caveat = ""
    if "forecast" in (fa.role, fb.role) and fa.role != fb.role:
        caveat = "a forecast or target (attendus, expected) vs an outcome"
    if not different and fa.phase[0] != fb.phase[0] and (
            (fa.phase[0] and fb.phase[0]) or max(fa.phase[0], fb.phase[0]) >= 2):
        different = f"another round, day or instance ({' '.join(map(str, fa.phase))} / {' '.join(map(str, fb.phase))})"
    if not different and fa.change and fb.change and fa.change != fb.change:
        different = "a rise vs a fall"
    if not different and fa.span != fb.span and (
            (fa.span and fb.span) or ("percent" in (a.unit, b.unit) and (fa.change or fb.change))):
        different = f"changes over different spans ({fa.span or '-'} / {fb.span or '-'})"
    if (not different and a.base_value != b.base_value and a.period_days and b.period_days
            and abs(a.period_days - b.period_days) > 0.1 * max(a.period_days, b.period_days)):
        different = f"counted over another period ({a.period} / {b.period})"
    if not different and fa.axis and fb.axis and fa.axis != fb.axis:
        different = f"another extent of the thing measured ({fa.axis} / {fb.axis})"
    if not different and fa.modifier != fb.modifier and not _group_counted_by_other(a, b, fa, fb):
        different = f"another measure ({fa.modifier or '-'} / {fb.modifier or '-'})"
    if (not different and fa.outcome and fb.outcome and fa.outcome != fb.outcome
            and not (fa.role == "part" or fb.role == "part")):
        # those arrested and those held in custody, the dead and the injured: two counts
        different = f"another outcome ({fa.outcome} / {fb.outcome})"
    if not different and (fa.year or fb.year):
        ya = fa.year or (fa.date.year if fa.date else None)
        yb = fb.year or (fb.date.year if fb.date else None)
        if ya and yb and ya != yb:
            different = f"another year ({ya} / {yb})"
    if not different and (fa.other or fb.other):
        different = "other group (autres/other)"
    if not different and fa.daily != fb.daily:
        different = "rate vs count"
    if not different and (fa.attribute or fb.attribute):
        different = "per-item figure or attribute"
    if not different and (fa.ago or fb.ago) and a.base_value != b.base_value and (fa.date is None or fa.date != fb.date):
        different = "spans counted back from different days of writing (il y a, ago)"
    if not different and fa.new != fb.new:
        different = "an increment (nouveaux, supplémentaires) vs a total"
    if not different and fa.step and fb.step and a.base_value != b.base_value and not _same_clock(fa, fb):
        different = "two steps of a count (two more, four more), each its own moment"
    if not different and _named_days_apart(a, b, fa, fb, w["max_day_gap"]):
        different = f"another day ({fa.day} / {fb.day})"
    if fa.when and fb.when and fa.when != fb.when:
        if abs((fa.when - fb.when).days) > lex["weights"]["max_when_days"]:
            different = different or f"another time ({fa.when} / {fb.when})"
        score -= 0.2
        reasons.append("when:differ")
    support = []
    if "predicate:same" in reasons:
        support.append("predicate")
    if fa.attribution and fa.attribution == fb.attribution:
        support.append("attribution")
    if fa.new and fb.new and not (fa.step or fb.step):
        support.append("cue")
    union = fa.words | fb.words
    if union and len(fa.words & fb.words) / len(union) >= lex["weights"]["support_jaccard"]:
        support.append("context")
    ha, full_a = subject_forms(a)
    hb, full_b = subject_forms(b)
    if full_a and full_a == full_b and " " in full_a:
        support.append("compound")
    if included:
        support.append("outcome")
    shared = (fa.near & fb.near) - {ha, hb, index.key(a), index.key(b)}
    if len(shared) >= lex["weights"]["support_near_words"]:
        support.append("window")

    update = ""
    first, f1, last, f2 = _later(a, b, fa, fb)
    if first.base_value != last.base_value:
        if f2.update:
            update = "explicit update"
        elif (fa.role == "previous") != (fb.role == "previous") and (
                not _same_moment(fa, fb) or _grows(a, fa) or _grows(b, fb)):
            update = "a previous value recalled (la veille, up from, avaient été)"
        elif f1.progressive and last.base_value > first.base_value and f2.role != "previous" and (
                f1.date != f2.date or (f1.when and f2.when and f1.when != f2.when)):
            update = "snapshot of a growing figure"
        elif fa.article_key != fb.article_key and (_grown_past(a, b, fa, fb) or _grown_past(b, a, fb, fa)):
            update = "snapshot of a growing figure"
        elif sentence_values is not None and fa.article_key != fb.article_key:
            seen_b = sentence_values.get((fb.article_key, fb.sentence), frozenset())
            seen_a = sentence_values.get((fa.article_key, fa.sentence), frozenset())
            if round(a.base_value, 6) in seen_b or round(b.base_value, 6) in seen_a:
                update = "both values cited by one article"
    if (not update and a.value == b.value and a.unit != b.unit and a.dimension == b.dimension
            and a.base_value and 0.8 <= b.base_value / a.base_value <= 1.25):
        update = "the same figure in two units of nearly one size (tons / tonnes)"
    if (not update and first.base_value != last.base_value and _times_apart(fa, fb)
            and (fa.day == fb.day or None in (fa.day, fb.day))):
        update = "two snapshots at different times of day (à 7 h 30 / à 18 h 30, à midi / ce soir)"
    if (not update and a.base_value != b.base_value and bool(a.period_days) != bool(b.period_days)
            and _different_days(a, b, fa, fb)):
        update = "a count over a window (en six semaines) vs a total told on another day"
    if not update and a.base_value != b.base_value and _windows_of_other_amounts(a, b, fa, fb, sentence_values):
        update = "two windows of different amounts (en cinq semaines, 1 million / en sept semaines, 1,6 million)"
    revision = ""
    other_day = told_later = False
    if not update and first.base_value != last.base_value:
        other_day = _different_days(a, b, fa, fb)
        told_later = not other_day and _told_on_different_days(a, b, fa, fb)
    moved = (other_day or told_later) and (evolving(a, fa) or evolving(b, fb) or fa.progressive or fb.progressive
                                           or _held_grew(a, b, fa, fb))
    if (not update and not moved and first.base_value != last.base_value and _one_stamped(fa, fb)
            and (evolving(a, fa) or evolving(b, fb))):
        revision = "one figure given at a stated moment, the other at none: the count may have moved"
    if moved or (told_later and (_toll(fa) or _toll(fb))):
        revision = "about different days: the figure may have been revised"
    return Candidate(a, b, round(max(0.0, min(1.0, score)), 3), subject,
                     fa.article_key == fb.article_key, different, update, tuple(reasons), tuple(support),
                     revision=revision, caveat=caveat, frames=(fa, fb))
