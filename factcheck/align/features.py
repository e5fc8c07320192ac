"""Per-claim context the aligner compares: sentence words, local attribution, cues, dates.

Everything tolerates missing fields: a claim built by hand with only a value and a
unit gets empty features, never an exception.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import os
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from factcheck import yamlfile
from factcheck.align.subjects import content_words, fold, fold_word, subject_forms
from factcheck.extract.context import TABLE_FIGURES
from factcheck.extract.dates import NAMES_A_MONTH_OR_WEEK, find_times, named_weekday
from factcheck.extract.numbers import APPROX_NOUNS, find_atoms
from factcheck.lang import language_tables
from factcheck.models import Claim
from factcheck.units import lookup


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The aligner's data: ``factcheck/data/align.yaml`` (weights, shared tables) and each
    language's ``factcheck/lang/<code>/align.yaml`` (``data[key][lang]``), patterns compiled.
    A table a language lacks falls back to French (``_patterns``)."""
    path = resources.files("factcheck") / "data" / "align.yaml"
    data = yamlfile.load(path.read_text(encoding="utf-8"))
    for lang, table in language_tables("align.yaml").items():
        for key, value in table.items():
            data.setdefault(key, {})[lang] = value
    for key in list(data):
        if key.endswith("_patterns"):
            data[key] = {lang: [re.compile(p, re.IGNORECASE) for p in pats] for lang, pats in data[key].items()}
        elif key.endswith("_patterns_cased"):
            data[key] = {lang: [re.compile(p) for p in pats] for lang, pats in data[key].items()}
    data["outcomes"] = {lang: [(fold(name), re.compile(p, re.IGNORECASE)) for name, pats in table.items() for p in pats]
                        for lang, table in data["outcomes"].items()}
    data["modifiers"] = {lang: [(name, re.compile(p, re.IGNORECASE)) for name, pats in table.items() for p in pats]
                         for lang, table in data["modifiers"].items()}
    data["axes"] = {lang: [(name, re.compile(ways["after"], re.IGNORECASE), re.compile(ways["before"], re.IGNORECASE))
                           for name, ways in table.items()] for lang, table in data["axes"].items()}
    data["generic"] = {lang: frozenset(fold(w) for w in words) for lang, words in data["generic_subjects"].items()}
    data["daypart_spans"] = {name: tuple(part["span"]) for table in data.get("dayparts", {}).values()
                             for name, part in table.items()}
    data["dayparts"] = {lang: [(name, [re.compile(p, re.IGNORECASE) for p in part["patterns"]]) for name, part in table.items()]
                        for lang, table in data.get("dayparts", {}).items()}
    data["spans"] = {lang: [(span, re.compile(p, re.IGNORECASE)) for span, pats in table.items() for p in pats]
                     for lang, table in data["spans"].items()}
    data["countries_named"] = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, data["countries"]), key=len, reverse=True))
                                         + r")\b")
    data["countries"] = frozenset(fold(c) for c in data["countries"])
    data["source_family"] = {fold(w): fam for fam, words in data["sources"].items() for w in words}
    data["families"] = frozenset(data["sources"])
    data["not_place"] = {lang: frozenset(words) for lang, words in data["not_places"].items()}
    # one pattern per language, each form mapped to (its place's rank in the table, the place)
    data["place_adjectives"] = {
        lang: (re.compile(r"\b(?P<form>" + "|".join(re.escape(f) for forms in table.values() for f in forms)
                          + r")(?:e|es|s|ne|nes|x)?\b"),
               {f: (rank, place) for rank, (place, forms) in enumerate(table.items()) for f in forms})
        for lang, table in data.get("place_adjectives", {}).items() if table}
    data["evolving"] = {lang: frozenset(fold(w) for w in words) for lang, words in data["evolving_subjects"].items()}
    data["count_class"] = {lang: {fold(w): name for name, words in table.items() for w in words}
                           for lang, table in data["count_classes"].items()}
    data["sole_shares"] = frozenset(fold(w) for words in data["sole_shares"].values() for w in words)
    data["light"] = frozenset(fold(v) for v in data["light_verbs"])
    data["family"] = {fold(v): i for i, fam in enumerate(data["verb_families"]) for v in fam}
    return data


def countries_named(text: str) -> frozenset[str]:
    """The countries of the lexicon that ``text`` names, as written there ("Spain", "UK")."""
    return frozenset(m.group() for m in lexicon()["countries_named"].finditer(text))


def _patterns(name: str, lang: str) -> list[re.Pattern[str]]:
    table = lexicon()[name]
    return table.get(lang) or table.get("fr", [])


@functools.lru_cache(maxsize=65536)
def any_match(name: str, lang: str, text: str) -> bool:
    """Whether a pattern of table ``name`` is found in ``text``. Remembered: a pair's
    checks ask it of the same windows and sentences again and again (each claim is in
    many pairs), and the tables do not change while the program runs."""
    return any(p.search(text) for p in _patterns(name, lang))


@dataclass(frozen=True, slots=True)
class Features:
    """What the aligner knows about one claim besides its value."""

    story: str
    article_key: str
    date: dt.date | None
    when: dt.date | None          # the day the claim's sentence names (None: none named)
    sentence: str
    offset: int                   # where the claim starts in ``sentence`` (-1: unknown)
    words: frozenset[str]
    near: frozenset[str]          # content words within a few words of the number
    window: str                   # a few words around the number
    attribution: str              # source family ("autorite", "syndicat", …) or folded name
    predicate: str
    place: str
    update: bool
    progressive: bool
    other: bool
    daily: bool
    new: bool
    attribute: bool
    step: bool = False            # an increment told as one more step ("two more bodies")
    scope: str = ""               # the place bound to the number ("25 000 à Marseille"), folded
    region: bool = False          # a regional part ("en province", "outside London")
    national: bool = False        # the whole country's ("dans tout le pays", "nationwide")
    role: str = ""                # "part" (dont …), "previous" (la veille …), "threshold" (barre des …)
    year: int | None = None       # a year named in the number's clause, when not the article's
    modifier: str = ""            # what narrows the counted noun ("graves", "seriously"), folded
    day: dt.date | None = None    # the day the figure is about: a day named in its sentence, else its article's
    event_day: dt.date | None = None  # the day its article reports on
    weekday: int = -1             # with no day known, the weekday its clause names (0 = Monday)
    counted: str = ""             # what a count counts, when a table names it: "household", "person"
    phase: tuple[int, str] = (0, "")  # the round, day, wave or instance ("second bateau") named
    change: int = 0               # a change: +1 a rise ("hausse de", "+3 %"), -1 a fall, 0 not a change
    span: str = ""                # what a change is over: year, quarter, month, week ("" when not said)
    clock: int = -1               # the time of day the figure is given at, in minutes (-1: none)
    daypart: str = ""             # else the part of the day it is given at ("soir", "morning")
    category: str = ""            # a statistical category named with it ("catégories A, B et C" → "ABC")
    restriction: str = ""         # a threshold narrowing who is counted ("moins de 25 ans"), folded
    outcome: str = ""             # what its clause says befell those counted ("ont été blessés" → blessé);
                                  # for a part ("30 blessés, dont six pompiers"), what befell the whole
    aggregate: str = ""           # the several things the figure is summed over ("sur deux bateaux" → bateau)
    ago: bool = False             # a span counted back from the day of writing ("il y a quatre jours", "five days ago")
    axis: str = ""                # which extent a length measures ("10 mètres de haut" → hauteur, "100 m long" → longueur)

    def to_record(self) -> dict[str, Any]:
        """What the claim alone decides, as JSON-ready data (sets sorted, so that a record
        is the same bytes wherever it is made). Left out: what ``from_record`` takes from
        the claim again (its sentence, its story and article, which a check may re-tag,
        the article's days) and values left at their usual ones."""
        data: dict[str, Any] = {}
        for name in _RECORDED:
            value = getattr(self, name)
            if isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, tuple):
                value = list(value)
            if value != _RECORD_DEFAULTS.get(name, _MISSING):
                data[name] = value
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any], claim: Claim) -> Features:
        """The features of ``claim`` whose ``to_record`` is ``data``: equal to ``features(claim)``."""
        values = {**_RECORD_DEFAULTS, **data}
        values["words"] = frozenset(values["words"])
        values["near"] = frozenset(values["near"])
        values["phase"] = tuple(values["phase"])
        art = claim.article
        return cls(story=story_of(claim), article_key=claim.article_key, sentence=claim.sentence or claim.text, date=art.date if art is not None else None,
                   when=claim.when, day=claim_day(claim), event_day=art.event_day if art is not None else None,
                   **values)


# the fields of a record (the others come from the claim), and their usual values, left out
_DERIVED = frozenset({"story", "article_key", "sentence", "date", "when", "day", "event_day"})
_RECORDED = tuple(name for name in Features.__dataclass_fields__ if name not in _DERIVED)
_MISSING = object()
_RECORD_DEFAULTS: dict[str, Any] = {
    "offset": 0, "words": [], "near": [], "window": "", "attribution": "", "predicate": "",
    "place": "", "update": False, "progressive": False, "other": False, "daily": False, "new": False,
    "attribute": False, "step": False, "scope": "", "region": False, "national": False, "role": "", "year": None, "modifier": "", "phase": [0, ""],
    "change": 0, "span": "", "clock": -1, "daypart": "", "weekday": -1, "counted": "", "category": "", "restriction": "", "outcome": "", "aggregate": "", "ago": False, "axis": ""}


def story_of(claim: Claim) -> str:
    art = claim.article
    if art is not None and art.story:
        return art.story
    return os.path.dirname(claim.path or (art.path if art is not None else ""))


def article_key(claim: Claim) -> str:
    """Which article a claim comes from. The lines of a JSON Lines file share its path: each
    is told apart by where its text starts in the file."""
    return claim.article_key


def locate(claim: Claim) -> tuple[str, int]:
    """The claim's sentence and the claim's offset in it (-1 when it cannot be placed)."""
    sentence = claim.sentence or ""
    if not sentence:
        return claim.text, 0
    off = claim.start - claim.sentence_start
    if 0 <= off <= len(sentence) and sentence[off:off + len(claim.text)] == claim.text:
        return sentence, off
    found = sentence.find(claim.text) if claim.text else -1
    return sentence, found


# In a table (``TABLE_FIGURES``) each figure's frame is read in its cell, between the
# figures around it and at most ``_CELL`` characters each side.
_CELL = 80


@functools.lru_cache(maxsize=1024)
def _table_figures(sentence: str, lang: str) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """(starts, ends) of the figures of a table sentence, read once per sentence; None for prose."""
    atoms = find_atoms(sentence, lang if lang in APPROX_NOUNS else "fr")
    if len(atoms) <= TABLE_FIGURES:
        return None
    return tuple(a.start for a in atoms), tuple(a.end for a in atoms)


def frame_text(sentence: str, offset: int, length: int, lang: str) -> tuple[str, int]:
    """The text a figure's frame (clauses, source, category) is read in, and the figure's
    offset in it: its sentence, or in a table (``TABLE_FIGURES``) its cell."""
    figures = _table_figures(sentence, lang) if offset >= 0 else None
    if figures is None:
        return sentence, offset
    starts, ends = figures
    k = bisect.bisect_right(ends, offset)  # figures that end before the claim starts
    lo = max(ends[k - 1] if k else 0, offset - _CELL)
    k = bisect.bisect_left(starts, offset + length)  # the first figure after the claim
    hi = min(starts[k] if k < len(starts) else len(sentence), offset + length + _CELL)
    return sentence[lo:hi], offset - lo


@functools.lru_cache(maxsize=256)
def _sources(sentence: str, lang: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
    """(attributions, known-source passive agents) of a sentence as (start, end, source):
    read once per sentence, not once per figure in it."""
    said = tuple((m.start(), m.end(), _speaks_for(sentence, m.start("src"), lang) or m.group("src"))
                 for pattern in _patterns("attribution_patterns", lang) for m in pattern.finditer(sentence))
    said += tuple((m.start(), m.end(), m.group("src"))
                  for pattern in _patterns("paren_attribution_patterns", lang) for m in pattern.finditer(sentence)
                  if source_family(m.group("src")) in lexicon()["families"])
    agents = tuple((m.start(), m.end(), m.group("src"))
                   for pattern in _patterns("agent_patterns", lang) for m in pattern.finditer(sentence)
                   if source_family(m.group("src")) in lexicon()["families"])
    return said, agents


def _speaks_for(sentence: str, start: int, lang: str) -> str:
    """The organisation a named speaker speaks for ("Amtrak spokeswoman Kimberly Woods")."""
    before = sentence[max(0, start - 80):start]
    for pattern in _patterns("speaker_patterns", lang):
        m = pattern.search(before)
        if m:
            return m.group("org")
    return ""


def local_attribution(sentence: str, offset: int, length: int, lang: str) -> str:
    """The source nearest the number ("12 500 selon la préfecture, 40 000 selon l'intersyndicale")."""
    said, agents_found = _sources(sentence, lang)
    best: tuple[int, str] | None = None
    for start, end, src in said:
        if (start >= offset + length and "," in sentence[offset + length:start]
                and _LEADS_NEXT_FIGURE.match(sentence, end)):
            continue  # "1,3 million de manifestants, pour la CGT, 2,8 millions": the CGT's is the next
        if start >= offset + length and _ANOTHER_FIGURE.search(sentence, offset + length, start):
            continue  # "180 000 personnes contre 11 000 selon la police": the police's is the other's
        dist = _distance_span(start, end, offset, length)
        if best is None or dist < best[0]:
            best = (dist, src)
    if best is None:  # the agent of a passive, when it names a known source
        agents = [(_distance_span(start, end, offset, length), src) for start, end, src in agents_found]
        best = min(agents, default=None)
        if best is None or best[0] > 60:
            return ""
    return source_family(best[1])


_LEADS_NEXT_FIGURE = re.compile(r"\s*,\s*(?:[a-zà-ÿ'’]+\s+){0,2}\d")
# a second figure set against the first, between it and a source told after both
_ANOTHER_FIGURE = re.compile(r"\b(?:contre|face à|against|versus|vs\.?)\s+(?:[a-zà-ÿ'’]+\s+){0,2}\d", re.IGNORECASE)


def _distance_span(start: int, end: int, offset: int, length: int) -> int:
    """Characters between a source phrase and the number; a source after it binds more tightly."""
    if offset < 0:
        return 0
    if start >= offset + length:
        return start - (offset + length)
    if end <= offset:
        return offset - end + 5
    return 0


def source_family(source: str) -> str:
    """The family of a source ("la préfecture" → autorite), or the folded name of a source
    that is named ("Le Parisien" → parisien). Anything else ("ce nouveau bilan",
    "l'éboulement", "les enfants" after "pour") is not a source: ""."""
    raw = re.findall(r"[\w'’-]+", source)
    words = [fold_word(w) for w in (r.lower() for r in raw)]
    words = [w.split("'")[-1] for w in words if w not in ("la", "le", "les", "l", "des", "du", "the", "de")]
    table = lexicon()["source_family"]
    for w in words:
        if w in table:
            return table[w]
    named = any(r.split("'")[-1].split("’")[-1][:1].isupper() for r in raw
                if r.lower() not in ("la", "le", "les", "l", "des", "du", "the", "de"))
    return " ".join(words) if named else ""


_EN_MODALS = "|".join(re.escape(m) for m in sorted(language_tables("extract.yaml")["en"].get("modal_verbs") or (),
                                                    key=len, reverse=True))
# an auxiliary, or a modal that carries the verb ("had to be evacuated", "were able to rescue")
_EN_VERB = re.compile(r"\b(?:(?:were|was|have|has|had|are|is)\s+)?(?:(?:" + _EN_MODALS + r")\s+(?:have\s+)?(?:be\s+)?"
                      r"|(?:were|was|have|has|had|are|is)\s+)(?:been\s+|being\s+)?([a-z]+)", re.IGNORECASE)


_EN_VERB_BEFORE = re.compile(r"\b([a-z]+ed)\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE)


def _fallback_predicate(after: str, lang: str, before: str = "") -> str:
    """English has no parser here: a participle just before the number ("packed into more
    than 40"), else the participle after an auxiliary ("were arrested" → arrest)."""
    if lang != "en":
        return ""
    m = _EN_VERB_BEFORE.search(before[-30:]) or _EN_VERB.search(after[:90])
    if not m:
        return ""
    verb = m.group(1).lower()
    for suffix, repl in (("ied", "y"), ("ed", ""), ("en", "")):
        if verb.endswith(suffix) and len(verb) > len(suffix) + 2:
            verb = verb[: -len(suffix)] + repl
            break
    return verb


_CLAUSE_END = re.compile(r"[,;:()\[\]–—]|\s-\s|\s(?!(?:1[89]\d\d|20\d\d)\b)\d|\.\s")  # a year is no figure: "fin 2021"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CLOCK_TAIL = re.compile(r"(?:[^,;:()\[\]–—.!?]|\.(?=\S)){0,30}")  # a figure's clause read on past other figures


@functools.lru_cache(maxsize=256)
def _clause_ends(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every clause break of a sentence, found once per sentence."""
    return tuple(m.span() for m in _CLAUSE_END.finditer(sentence))


def _clause_cuts(sentence: str, offset: int) -> list[int]:
    """Ends of the last two clause breaks before ``offset`` (those of
    ``_CLAUSE_END.finditer(sentence[:offset])``; a break is one or two characters, and one
    that straddles ``offset`` is no break of the head). Only the last two frame a figure:
    found by bisection, so a sentence of many breaks is not read once per figure."""
    spans = _clause_ends(sentence)
    k = bisect.bisect_right(spans, (offset, offset))
    cuts: list[int] = []
    while k > 0 and len(cuts) < 2:
        k -= 1
        if spans[k][1] <= offset:
            cuts.append(spans[k][1])
    return cuts[::-1]


def clause_around(sentence: str, offset: int, length: int) -> tuple[str, str, str]:
    """(before, after, lead): the number's clause on each side, cut at punctuation and at
    other figures, and the clause that frames it: the sentence's opening clause ("À
    Marseille, …", "La veille, …") or the short clause just before its own."""
    if offset < 0:
        return "", "", ""
    head = sentence[:offset]
    cuts = _clause_cuts(sentence, offset)
    before = head[cuts[-1] if cuts else 0:]
    tail = sentence[offset + length:]
    m = _CLAUSE_END.search(tail)
    after = tail[: m.start() if m else len(tail)]
    comma = sentence.find(",", 0, min(offset, 100))  # an opening clause is short
    frames = [sentence[:comma]] if comma >= 0 else []
    if len(cuts) >= 2 and cuts[-1] - cuts[-2] < 40 and sentence[cuts[-1] - 1] == ",":
        frames.append(sentence[cuts[-2]:cuts[-1] - 1])
    # a figure in parentheses belongs to what they follow: "les années 2019 (88,1 %)",
    # "le record de 2002 (une abstention de 28,4 %)"
    paren = head.rfind("(")
    if paren >= 0 and ")" not in head[paren:] and offset - paren <= 60:
        pre = head[:paren]
        breaks = _clause_cuts(pre, len(pre))
        frames.append(pre[breaks[-1] if breaks else max(0, len(pre) - 60):])
    return before, after, " ; ".join(frames)


def _place_in(text: str, lang: str, last: bool = False) -> str:
    stop = lexicon()["not_place"].get(lang) or lexicon()["not_place"]["fr"]
    found = []
    for pattern in _patterns("local_place_patterns_cased", lang):
        for m in pattern.finditer(text):
            words = [w for w in m.group("place").split() if w not in stop]
            if words and words[0] == m.group("place").split()[0]:
                found.append((m.start(), " ".join(words)))
    if not found:
        return ""
    return fold(sorted(found)[-1 if last else 0][1])


def frame_scope(before: str, after: str, lead: str, lang: str, opening: str = "") -> str:
    """The place bound to the figure: a name the figure follows in parentheses
    (``opening``: the text just before the number), in its own clause (after it first),
    else the place that opens the sentence ("À Marseille, la CGT annonçait …")."""
    stop = lexicon()["not_place"].get(lang) or lexicon()["not_place"]["fr"]
    for pattern in _patterns("paren_place_patterns_cased", lang):
        m = pattern.search(opening)
        if m and m.group("place").split()[0] not in stop and not m.group("place").isupper():
            return fold(m.group("place"))
    listed = ""
    for pattern in _patterns("list_place_patterns_cased", lang):
        m = pattern.search(before)
        if m:
            listed = fold(m.group("place"))
    return (_place_in(after, lang) or listed or _place_in(before, lang, last=True)
            or _place_in(lead, lang) or _place_adjective(" ".join((before, after, lead)), lang))


def _place_adjective(text: str, lang: str) -> str:
    """The place an adjective of the clause names ("dans les rues albigeoises" → albi)."""
    table = lexicon()["place_adjectives"].get(lang)
    if table is None:
        return ""
    pattern, places = table
    found = [places[m.group("form")] for m in pattern.finditer(text)]
    return fold(min(found)[1]) if found else ""


def frame_role(before: str, after: str, lead: str, near_before: str, lang: str) -> str:
    """What the figure is besides a current total: a part, a previous value, a threshold,
    a forecast or target."""
    if any_match("part_patterns", lang, near_before) or any_match("part_after_patterns", lang, after[:40]):
        return "part"
    if any_match("whole_patterns", lang, near_before):
        return "whole"
    if any_match("threshold_patterns", lang, near_before) or any_match("threshold_after_patterns", lang, after):
        return "threshold"
    if any_match("forecast_patterns", lang, " ".join((before, after[:60]))):
        return "forecast"
    if any_match("previous_patterns", lang, " ".join((lead, before, after))):
        return "previous"
    if (any_match("pluperfect_patterns", lang, " ".join((before, after)))
            and not any_match("reported_speech_patterns", lang, before)
            and not any_match("this_event_patterns", lang, " ".join((before, after)))):
        return "previous"
    return ""


# lower case on purpose: "New York" and "Nouvelle-Calédonie" are names, not increments
_NEW = re.compile(r"\bnouv(?:eaux|elles?|el|eau)\b(?!-)|\bsuppl[ée]mentaires?\b|\bnew\b|\badditional\b|\bextra\b"
                  r"|\bfurther\b")
_WORDS = re.compile(r"\S+")


# a sign written before a figure: "+ 198 admis", "(−3 %)", ", -32 inscrits"; a hyphen only
# after a parenthesis, a comma, a semicolon, a colon or "et"/"and" (at the head of a line
# it is a list's bullet)
_SIGN = re.compile(r"(?:\+|\u2212|(?:(?<=[(,;:])|(?<=[(,;:]\s)|(?<=\bet\s)|(?<=\band\s))-)\s?$")


def frame_new(before: str, after: str, lang: str = "fr") -> bool:
    """An increment: "nouveaux" or "additional" next to the number and its noun ("trois
    nouveaux policiers", "cinq agents supplémentaires", "an extra 40"), or "de plus",
    "more" right after them ("sept de plus qu'en 2014", "two more bodies"); not anywhere
    in the sentence ("Selon ce nouveau bilan, six morts" is a total)."""
    return bool(_NEW.search(" ".join(_WORDS.findall(before)[-2:])) or _NEW.search(" ".join(_WORDS.findall(after)[:3]))
                or any_match("increment_after_patterns", lang, after[:40]))


def frame_step(after: str, lang: str) -> bool:
    """An increment told as one more step ("two more bodies were found", "deux corps de
    plus"), not as a difference with another figure ("sept de plus qu'en 2014"): each
    step is its own moment, so two steps are not one fact for that alone."""
    return any_match("step_after_patterns", lang, after[:40])


def signed(claim: Claim, before: str) -> bool:
    """A count written with its sign ("+ 198 bacheliers", "-32"): a change, not a total.
    Not a share or an amount: "+20 %" is as often the level of a rate ("une surmortalité
    de +20 %") as "hausse de 20 %" is, unsigned; and a temperature's sign is its value's.
    ``before``: the sentence just before the figure."""
    if claim.kind != "count":
        return False
    return claim.text[:1] in "+-\u2212" or bool(_SIGN.search(before))


def frame_modifier(text: str, lang: str) -> str:
    """The measure a word narrows the count to ("huit blessés graves" is not "neuf blessés";
    "graves" and "grièvement" name one measure), by the ``modifiers`` table."""
    table = lexicon()["modifiers"]
    found = [(m.start(), name) for name, p in table.get(lang) or table["fr"] if (m := p.search(text))]
    return fold(min(found)[1]) if found else ""


def frame_phase(before: str, after: str, lead: str, lang: str) -> tuple[int, str]:
    """The phase or instance the figure belongs to: (2, "tour") for "au second tour",
    (2, "bateau") for "le second bateau"; (0, "") when none is named in its clause or the
    sentence's opening clause."""
    ordinals = lexicon()["ordinals"]
    for text in (after, before, lead):
        for pattern in _patterns("phase_patterns", lang):
            m = pattern.search(text)
            if m:
                return int(ordinals.get(m.group("ord").lower(), 0)), fold(m.group("noun") or "")
    return 0, ""


def frame_change(text: str, before: str, lang: str) -> tuple[int, str]:
    """(direction, span) of a change: (-1, "year") for "en baisse de 3,6 % sur un an";
    a sign written with the number counts as the direction."""
    direction = 0
    sign = before.rstrip()[-1:] if before.rstrip() else ""
    if sign in ("+",):
        direction = 1
    elif sign in ("-", "\u2212"):
        direction = -1
    elif any_match("rise_patterns", lang, text):
        direction = 1
    elif any_match("fall_patterns", lang, text):
        direction = -1
    spans = lexicon()["spans"]
    span = next((name for name, p in spans.get(lang, spans["fr"]) if p.search(text)), "")
    return direction, span


def frame_clock(text: str, lang: str) -> int:
    """The time of day named in the figure's clause or opening clause, in minutes after
    midnight ("À 7 h 30" → 450, "as of 6 p.m." → 1080); -1 when none."""
    for p in _patterns("clock_patterns", lang):
        m = p.search(text)
        if m:
            ap = (m.groupdict().get("ap") or "").lower()
            hour = int(m.group("h")) % (12 if ap else 24)
            if ap == "p":
                hour += 12
            return hour * 60 + int(m.group("m") or 0)
    return -1


def frame_daypart(text: str, lang: str) -> str:
    """The part of the day named in the figure's clause or opening clause ("ce dimanche
    soir" → soir), as the ``dayparts`` table names it; "" when none."""
    table = lexicon()["dayparts"]
    return next((name for name, patterns in table.get(lang) or table.get("fr", [])
                 if any(p.search(text) for p in patterns)), "")


def frame_axis(claim: Claim, before: str, after: str, lang: str) -> str:
    """Which extent of a thing a length gives, named right after it ("110 mètres de long,
    13 mètres de large", "35 feet deep") or right before it ("haute de 96 mètres", "a
    height of 30 feet"), by the ``axes`` table: a roof's length and its height are two
    facts, whatever their figures. "" for other figures and for a length that names none."""
    if claim.dimension != "[length]":
        return ""
    table = lexicon()["axes"]
    for name, after_pattern, before_pattern in table.get(lang) or table["fr"]:
        if after_pattern.search(after) or before_pattern.search(before):
            return name
    return ""


def frame_counted(claim: Claim, after: str, lang: str) -> str:
    """What a count without a unit counts, by the class of the noun written right after it
    ("182 000 foyers", "clients" → household; "personnes", "habitants" → person), "" for
    anything else. A noun carried over from an earlier figure ("182 000 personnes sans
    électricité, 171 000 sans eau") is not the figure's own word."""
    if claim.unit or claim.kind != "count":
        return ""
    table = lexicon()["count_class"]
    head, _ = subject_forms(claim)
    classes = table.get(lang) or table["fr"]
    counted = classes.get(head, "")
    written = (classes.get(fold_word(w)) for w in re.findall(r"[^\W\d_]+", after[:40])[:3])
    return counted if counted and counted in written else ""


def clock_span(f: Features) -> tuple[int, int] | None:
    """The minutes of the day a figure is given at: its clock time, else the span of its
    part of the day; None when neither is named."""
    if f.clock >= 0:
        return f.clock, f.clock
    return lexicon()["daypart_spans"].get(f.daypart) if f.daypart else None


def frame_aggregate(text: str, lang: str) -> str:
    """What the figure sums over when its clause names several of them ("2,5 tonnes saisies
    sur deux bateaux", "in three raids") → the noun, folded; "" for a figure about one."""
    for p in _patterns("aggregate_patterns", lang):
        for m in p.finditer(text):
            if lookup(m.group("what"), lang) is None:  # "sur 15 kilomètres" is a length, not 15 things
                return fold(m.group("what"))
    return ""


def frame_group(after: str, lang: str) -> str:
    """The named group a count is of ("39 députés du Rassemblement national" → the
    Rassemblement), by the ``group_patterns_cased`` table; "" when none is named."""
    for p in _patterns("group_patterns_cased", lang):
        m = p.search(after)
        if m and m.group("group") not in lexicon()["not_place"].get(lang, ()):
            return "group:" + fold(m.group("group"))
    return ""


def frame_holder(before: str, lang: str, after: str = "") -> str:
    """Who holds the count or the share, named just before a verb of winning ("Fianna
    Fáil won 38 seats" → Fianna Fáil), by the ``holder_patterns_cased`` table, or right
    after the figure ("6.9 million votes for his rival Raila Odinga"), by the
    ``holder_after_patterns_cased`` one; a determiner or a word that names no one ("Le",
    "They", a weekday) is not a holder."""
    stop = lexicon()["not_place"].get(lang) or lexicon()["not_place"]["fr"]
    found = itertools.chain((p.search(before) for p in _patterns("holder_patterns_cased", lang)),
                            (p.search(after) for p in _patterns("holder_after_patterns_cased", lang)))
    for m in found:
        if m:
            words = m.group("holder").split()
            while words and words[0] in stop:
                words = words[1:]
            if words and words[0][0].isupper():
                return "holder:" + fold(" ".join(words))
    return ""


# what may stand between "respectivement" and a figure of its list: other figures, their
# units and the list's commas and conjunctions ("respectivement 79,6 %, 71,2 % et 86,2 %")
_LISTED = re.compile(r"[\s\d.,%‰€$£+−-]*(?:(?:\b(?:et|and|de|of|à|at|to|points?|pour ?cent|per ?cent|millions?|milliards?|"
                     r"billions?|euros?|dollars?|kg|tonnes?|km|ha)\b|,)[\s\d.,%‰€$£+−-]*)*")


def listed_respectively(sentence: str, offset: int, length: int, lang: str) -> bool:
    """The figure is one of a list that "respectivement" / "respectively" gives item by
    item: the word before the list (only figures between) or right after it."""
    if offset < 0:
        return False
    before = sentence[max(0, offset - 120):offset]
    after = sentence[offset + length:offset + length + 120]
    for p in _patterns("respectively_patterns", lang):
        for m in p.finditer(before):
            if _LISTED.fullmatch(before, m.end()):
                return True
        m = p.search(after)
        if m and _LISTED.fullmatch(after, 0, m.start()):
            return True
    return False


def frame_category(text: str, lang: str) -> str:
    """The letters of a statistical category named in the text ("catégorie A" → "A")."""
    for p in _patterns("category_patterns_cased", lang):
        m = p.search(text)
        if m:
            return "".join(sorted(set(re.findall(r"[A-E]", m.group("cat")))))
    return ""


_PUNCTUATION = re.compile(r"[,;:()\[\]«»\"]|\s[–—-]\s")


def _since_punctuation(head: str) -> str:
    """The text before a number back to the last punctuation mark: its subject phrase
    even when another figure stands in it ("les moins de 25 ans ont reculé de 4 %")."""
    last = None
    for last in _PUNCTUATION.finditer(head):
        pass
    return head[last.end():] if last else head


_PUNCTUATION_AFTER = re.compile(r"[,;:!?()]|\.(?!\d)")


def to_punctuation(tail: str) -> str:
    """The text after a number up to the next punctuation mark: its clause even past
    another figure ("87 % of people aged 18 to 24, while…" keeps "aged 18 to 24")."""
    m = _PUNCTUATION_AFTER.search(tail)
    return tail[:m.start()] if m else tail


def frame_restriction(before: str, after: str, lang: str) -> str:
    """A threshold that narrows the population the figure counts ("les demandeurs inscrits
    depuis un an ou plus", "the over-65s"), folded, or "" when the figure counts them all."""
    for text in (before, after):
        for p in _patterns("restriction_patterns", lang):
            m = p.search(text)
            if m:  # with its figures, which folding drops: "aged 18 to 24" is not "aged 25 to 34"
                return " ".join((fold(m.group(0)), *re.findall(r"\d+", m.group(0))))
    return ""


def frame_year(before: str, after: str, lead: str, date: dt.date | None, lang: str = "fr") -> int | None:
    """A year named in the figure's clause (or the sentence's opening clause) that is not
    the publication year: "En 2018, 252 kg avaient été saisis" is another year's fact. A
    month or a week named without its year is read against the publication date, as
    dates are: "la dernière semaine de décembre" in January is last year's."""
    for own, text in ((True, before), (True, after), (False, lead)):
        for m in _YEAR.finditer(text):
            year = int(m.group(1))
            if date is None or year != date.year:
                return year
            if own:
                return None  # its own clause names this year: "(contre 6,4 milliards fin 2020)"
    if date is None:
        return None
    for text in (before, after, lead):
        if not NAMES_A_MONTH_OR_WEEK.search(text):
            continue  # no month or week named: nothing for the date reader (the common case)
        for t in find_times(text, lang, date, "day"):
            if t.kind in ("date", "week", "month") and t.date is not None and t.date.year != date.year:
                return t.date.year
    return None


@functools.lru_cache(maxsize=256)
def _sentence_words(sentence: str) -> frozenset[str]:
    return content_words(sentence)


@functools.lru_cache(maxsize=256)
def _sentence_update(sentence: str, lang: str) -> bool:
    return any_match("update_patterns", lang, sentence)


def generic_measure(claim: Claim, head: str) -> str:
    """What a claim with a generic noun ("personnes", "people") counts, from the outcome
    its clause names ("ont trouvé la mort" → mort); "" when the noun is not generic or no
    outcome is named."""
    lex = lexicon()
    lang = claim.lang if claim.lang in lex["generic"] else "fr"
    if head not in lex["generic"][lang]:
        return ""
    sentence, offset = locate(claim)
    if offset < 0:
        return ""
    before, after, _ = clause_around(sentence, offset, len(claim.text))
    found = [(m.start(), name) for name, p in lex["outcomes"][lang] if not p.pattern.endswith("$")
             for m in [p.search(after[:60])] if m]
    if found:
        return min(found)[1]
    return next((name for name, p in lex["outcomes"][lang] if p.pattern.endswith("$") and p.search(before)), "")


def frame_outcome(sentence: str, offset: int, length: int, after: str, role: str, lang: str) -> str:
    """What befell those the figure counts, as the outcome table names it ("huit pompiers
    ont été blessés" → blessé). A part takes the outcome of the whole it is taken from,
    named before it ("une trentaine de blessés, dont six pompiers" → blessé)."""
    lex = lexicon()
    table = lex["outcomes"].get(lang) or lex["outcomes"]["fr"]
    if role == "part":
        head = sentence[max(0, offset - 80):offset] if offset >= 0 else ""
        found = [(m.end(), name) for name, p in table if not p.pattern.endswith("$") for m in p.finditer(head)]
        return max(found)[1] if found else ""
    found = [(m.start(), name) for name, p in table if not p.pattern.endswith("$")
             for m in [p.search(after[:60])] if m]
    return min(found)[1] if found else ""


def claim_day(claim: Claim) -> dt.date | None:
    """The day a figure is about: the day its sentence names, else the day its article
    reports on (``Article.event_day``, which is not always the publication day), else the
    publication day."""
    art = claim.article
    if claim.when is not None or art is None:
        return claim.when
    if art.event_day is not None:
        return art.event_day
    return art.date if art.date_precision == "day" else None


def features(claim: Claim) -> Features:
    sentence, offset = locate(claim)
    lang = claim.lang or "fr"
    if offset >= 0:
        window = sentence[max(0, offset - 30): offset + len(claim.text) + 40]
        before = sentence[max(0, offset - 30): offset]
    else:
        window = before = claim.text
    art = claim.article
    date = art.date if art is not None else None
    when = claim.when
    after_num = sentence[offset + len(claim.text): offset + len(claim.text) + 100] if offset >= 0 else ""
    frame, at = frame_text(sentence, offset, len(claim.text), lang)
    before_clause, after_clause, lead = clause_around(frame, at, len(claim.text))
    attribution = local_attribution(frame, at, len(claim.text), lang) if frame else ""
    if not attribution and claim.attribution:
        attribution = source_family(claim.attribution)
    return Features(
        story=story_of(claim),
        article_key=article_key(claim),
        date=date,
        when=when,
        sentence=sentence,
        offset=offset,
        words=_sentence_words(sentence),
        near=content_words(sentence[max(0, offset - 60): offset + len(claim.text) + 60]) if offset >= 0 else frozenset(),
        window=window,
        attribution=attribution,
        predicate=fold(claim.predicate or "") or _fallback_predicate(after_num, lang, before),
        place=fold(claim.place or (claim.article.place if claim.article is not None else "")),
        update=_sentence_update(sentence, lang),
        progressive=any_match("progressive_patterns", lang, window + " " + lead)
        or any_match("provisional_patterns", lang, " ".join((before_clause, after_clause))),
        other=any_match("other_patterns", lang, before + " " + after_num[:25]),
        daily=any_match("daily_patterns", lang, window),
        attribute=any_match("attribute_patterns", lang, before[-25:])
        or any_match("attribute_after_patterns", lang, after_num[:30])
        or listed_respectively(sentence, offset, len(claim.text), lang),
        new=frame_new(before_clause, after_clause, lang) or signed(claim, before),
        step=frame_step(after_clause, lang),
        scope=frame_scope(before_clause, after_clause, lead, lang, sentence[max(0, offset - 60):offset] if offset >= 0 else ""),
        # the sentence's opening ("En France métropolitaine, …") scopes its figures too
        region=any_match("region_patterns", lang, " ".join((before_clause, after_clause, lead))),
        national=any_match("national_patterns", lang, " ".join((before_clause, after_clause, lead))),
        role=frame_role(before_clause, after_clause, lead, before, lang),
        year=frame_year(before_clause, after_clause, lead, date, lang),
        modifier=frame_modifier(after_clause[:60], lang) or (frame_group(after_num[:60], lang) if claim.unit in ("", "percent") else "")
        or (frame_holder(sentence[max(0, offset - 80):offset], lang, after_num[:80])
            if claim.unit in ("", "percent") and offset >= 0 else ""),
        day=(day := claim_day(claim)),
        event_day=art.event_day if art is not None else None,
        phase=frame_phase(before_clause, after_clause, lead, lang),
        change=(change := frame_change(" ".join((before_clause, after_clause, lead)), before_clause, lang))[0]
        or (-1 if claim.value < 0 else 0),
        span=change[1],
        # a time of day after the figure may follow other figures of its clause: "34 % de
        # participation à 17 h" (the clause is cut at "17", a figure, but the time is its)
        # … and a live page's entry may open on the time it was posted ("12:00 am seven
        # people confirmed dead"), cut from the figure's clause by its colon
        clock=(clock := frame_clock(timed := " ".join((sentence[:10] if offset >= 0 else "", lead, before_clause,
                                                       after_clause, _CLOCK_TAIL.match(after_num).group())), lang)),
        daypart=frame_daypart(timed, lang) if clock < 0 else "",
        weekday=named_weekday(timed) if day is None else -1,
        counted=frame_counted(claim, after_num, lang),
        category=frame_category(" ".join((after_clause, frame[:at] if at >= 0 else "")), lang),
        restriction=frame_restriction(_since_punctuation(frame[:at] if at >= 0 else "")[-90:],
                                      to_punctuation(after_num)[:50], lang),
        outcome=frame_outcome(frame, at, len(claim.text), after_clause,
                              frame_role(before_clause, after_clause, lead, before, lang), lang),
        aggregate=frame_aggregate(" ".join((before_clause, after_clause)), lang),
        axis=frame_axis(claim, before, after_num[:30], lang),
        ago=claim.dimension == "[time]" and (any_match("ago_patterns", lang, before[-30:])
                                             or any_match("ago_after_patterns", lang, after_num[:12])),
    )
