"""The context that decides whether two claims state the same fact.

For each claim: the predicate (the event verb), the place, the period it covers
("depuis deux ans"), the day it refers to, who states it ("selon la police"), and
cue words that change its meaning ("nouveaux", "autres", "au total", "s'est alourdi").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from factcheck.lang import language_tables

_ATTRIBUTION = re.compile(
    r"\b(?:selon|d'après|d’après|de source|according to|said|says|a indiqué|a précisé|affirme)\s+"
    r"((?:l[ae]s?\s|l'|l’|the\s|des\s|du\s)?[\wÀ-ÿ'’-]+(?:\s(?:de|du|des|of)\s[\wÀ-ÿ'’-]+)?)",
    re.IGNORECASE,
)
# A sentence of more figures than this is a table or an enumeration, not prose (a sentence
# of press copy holds a handful, 13 at most in the real-press texts): the context of each
# of its figures (cue words here, the clauses, source and category the aligner reads) is
# read in the figure's cell, between the figures around it, so that the work per figure
# does not grow with the number of figures in the sentence.
TABLE_FIGURES = 20  # margin: the slowest fuzz lines held ~24 figures

_TABLES = language_tables("extract.yaml")
_CUE_RE = {lang: {name: re.compile(p, re.IGNORECASE) for name, p in t["cues"].items()} for lang, t in _TABLES.items()}
# "in Texas", "near Mendon"; "on the Houston area", "across the Dallas metro": a named area
_PLACE_EN = re.compile(r"\b(?:in|at|near|off)\s+((?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+)?)"
                       r"|\b(?:in|on|across|around|over|throughout)\s+the\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
                       r"(?=\s+(?:area|region|county|metro|district|valley)\b)")


@dataclass(slots=True)
class Context:
    predicate: str = ""
    place: str = ""
    attribution: str = ""
    cues: tuple[str, ...] = ()


def attribution(sentence: str, at: int | None = None) -> str:
    """Who the sentence says the figure at offset ``at`` comes from ("la police", "les syndicats").

    With several sources in one sentence ("12 500 selon la préfecture, 40 000 selon
    l'intersyndicale"), the one nearest the figure wins.
    """
    return nearest_attribution(attributions(sentence), at)


def attributions(sentence: str) -> list[re.Match[str]]:
    """Every "selon …" / "according to …" of a sentence (read once for all its figures)."""
    return list(_ATTRIBUTION.finditer(sentence))


def nearest_attribution(matches: list[re.Match[str]], at: int | None = None) -> str:
    """The source of ``attributions`` nearest offset ``at`` (the first one without ``at``)."""
    if not matches:
        return ""
    m = matches[0] if at is None else min(matches, key=lambda m: abs(m.start() - at))
    return " ".join(m.group(1).lower().split())


def cues(window: str, lang: str) -> tuple[str, ...]:
    """Cue words near a claim that change what it counts."""
    return tuple(name for name, pattern in _CUE_RE.get(lang, _CUE_RE["en"]).items() if pattern.search(window))


_MODALS = {lang: frozenset(t.get("modal_verbs") or ()) for lang, t in _TABLES.items()}


def _carried(tok, lang: str):
    """The verb a modal carries ("ont dû être évacués" → évacués), else the token itself."""
    if tok.lemma_.lower() not in _MODALS.get(lang, frozenset()):
        return tok
    for child in tok.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            return _carried(child, lang)
    return tok


def predicate_fr(doc: Doc, start: int, end: int) -> str:
    """The verb the quantity depends on ("saisir", "interpeller", "mobiliser"); through a
    modal, the verb it carries ("ont dû être évacués" → évacuer, not devoir)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return ""
    tok = span.root
    for _ in range(6):
        if tok.pos_ == "VERB":
            return _carried(tok, "fr").lemma_.lower()
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return ""


_CONTINUES = {lang: re.compile(t["continuing_openers"]) for lang, t in _TABLES.items() if t.get("continuing_openers")}


def continues(sentence_text: str, lang: str) -> bool:
    """The sentence opens on a pronoun for what the sentence before named ("Il a réuni…")."""
    pattern = _CONTINUES.get(lang)
    return pattern is not None and bool(pattern.match(sentence_text))


_NOT_PLACES = {lang: frozenset(w.lower() for w in t.get("not_place_words") or ()) for lang, t in _TABLES.items()}


# parts of speech a place's name is never made of alone (an adjective, a verb, an adverb)
_NOT_NAME_POS = frozenset({"ADJ", "VERB", "ADV", "AUX", "PRON", "SCONJ", "CCONJ"})


def place_name(ent: Span, lang: str) -> str:
    """The place an entity the parser calls LOC names, or "" when it names none: a common
    noun capitalised at the head of a title ("Incendies en Gironde : …") or a newsroom
    label ("Direct", "Vidéo") is no place, and an institution of a place ("la préfecture
    de Gironde") is placed where the place is (Gironde)."""
    tokens = [t for t in ent if not t.is_punct]
    if not tokens or ent.text.strip().lower() in _NOT_PLACES.get(lang, frozenset()):
        return ""
    opens = all(t.is_punct for t in ent.doc[ent.sent.start:ent.start])
    if opens and all(t.pos_ == "NOUN" for t in tokens):
        return ""  # capitalised only because it opens the sentence or the title
    if all(t.pos_ in _NOT_NAME_POS for t in tokens):
        return ""  # a capitalised word that names nothing ("Résultats : Légère baisse")
    if tokens[0].is_lower and len(tokens) > 2 and tokens[1].pos_ == "ADP":
        name = next((t for t in tokens[2:] if t.is_title or t.is_upper), None)
        if name is not None:
            return ent.doc[name.i:ent.end].text
    return ent.text


def place(sent: Span | None, sentence_text: str, lang: str) -> str:
    """The first place named in the sentence (NER LOC in French, capitalised after "in" in English)."""
    if sent is not None and sent.doc.has_annotation("ENT_IOB"):
        for ent in sent.ents:
            if ent.label_ in ("LOC", "GPE"):
                name = place_name(ent, lang)
                if name:
                    return name
    if lang == "en":
        m = _PLACE_EN.search(sentence_text)
        if m:
            return m.group(1) or m.group(2)
    return ""


# What joins two figures that share one period: a comma or a conjunction among a few words
# ("150 actions et 12 interpellations"), not a parenthesis or a clause of their own.
_COORDINATED = re.compile(r"[^\S\n]*[\w'’-]*(?:[^\S\n]+[\w'’-]+){0,2}[^\S\n]*(?:,|\bet\b|\band\b|\bou\b|\bor\b)"
                          r"[^\S\n]*(?:[\w'’-]+[^\S\n]+){0,2}")


def _shares_period(kind: str, start: int, end: int, between: list[tuple[int, int, str]], text: str) -> bool:
    """A claim shares the period beyond the figures ``between`` them when those figures are
    of its kind and coordinated with it, one after the other."""
    if any(k != kind for _, _, k in between) or not text:
        return False
    spans = sorted([(start, end), *((s, e) for s, e, _ in between)])
    return all(_COORDINATED.fullmatch(text, a_end, b_start) for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


_SUPERLATIVE_BEFORE = {lang: re.compile(t["superlative_before"], re.IGNORECASE)
                       for lang, t in _TABLES.items() if "superlative_before" in t}


def after_superlative(text: str, start: int, lang: str) -> bool:
    """A superlative just before ``start`` ("le plus important depuis", "the worst in"): a
    period there measures the superlative, not a figure."""
    superlative = _SUPERLATIVE_BEFORE.get(lang)
    return superlative is not None and superlative.search(text, max(0, start - 70), start) is not None


def period_for(claim_start: int, claim_end: int, sentence_start: int, sentence_end: int, mentions: list,
               figures: Sequence[tuple[int, int, str]] = (), kind: str = "",
               text: str = "", lang: str = "fr") -> tuple[str, int | None, int | None, float | None]:
    """The period ("depuis deux ans") in the claim's sentence that the claim is counted over.

    ``figures`` are the sentence's other figures as (start, end, kind), in ``text``. A
    period is shared by coordinated figures of one kind ("depuis un an, 150 actions et 12
    interpellations"), but not across another figure otherwise: in "3 544 100 inscrits,
    en baisse de 5,5 % d'un trimestre à l'autre (-9,7 % sur un an)" the year is the span
    of the last change only. A period after a superlative is the superlative's ("deux
    incendies, dont l'un est le plus important depuis vingt ans").
    """
    best = None
    for m in mentions:
        if m.kind not in ("period",) or m.days is None:
            continue
        if text and after_superlative(text, m.start, lang):
            continue  # "le plus important depuis vingt ans": the superlative's period
        if not (sentence_start <= m.start < sentence_end):
            continue
        if m.start <= claim_start and claim_end <= m.end:
            continue  # the claim is the period itself
        lo, hi = (claim_end, m.start) if m.start >= claim_end else (m.end, claim_start)
        between = sorted((s, e, k) for s, e, k in figures if lo <= s and e <= hi)
        if between and not _shares_period(kind, claim_start, claim_end, between, text):
            continue  # the period is a figure's between them
        dist = abs(m.start - claim_start)
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is None:
        return "", None, None, None
    m = best[1]
    return m.text, m.start, m.end, m.days


# Days and weeks only: a month or a year in the sentence often names what a figure covers
# ("un budget pour 2024"), not when it was stated, and would split one fact into two. A
# week ("la dernière semaine de décembre") is as precise as press dates get for weekly
# statistics, and two different weeks are two facts.
_WHEN_KINDS = ("date", "week", "relative_day")


# A day that dates the telling, not the fact: "Magistrates heard on Friday that…", "a
# annoncé mardi que…". The verb of saying comes just before the day.
_REPORTED_ON = {lang: re.compile(t["reported_on"], re.IGNORECASE) for lang, t in _TABLES.items()}


def dates_the_telling(text: str, start: int, lang: str) -> bool:
    """The day at ``start`` follows a verb of saying: it dates a statement, not a fact."""
    reported = _REPORTED_ON.get(lang, _REPORTED_ON["en"])
    return bool(text) and reported.search(text, max(0, start - 40), start) is not None


_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s")


def when_for(claim_start: int, sentence_start: int, sentence_end: int, mentions: list, anchor: dt.date | None,
             text: str = "", lang: str = "fr") -> dt.date | None:
    """The day the claim refers to: the nearest day named in its sentence (not a day that
    only dates who said it); None when its sentence names none (the article's day then
    stands, see ``Article.event_day``)."""
    if text:  # the parser may cut "Samedi, dans son premier bilan, …" after "Samedi": start
        # from the last full stop or line break instead
        floor = max(0, sentence_start - 120)
        sentence_start = max(floor - 1, *(text.rfind(stop, floor, sentence_start) for stop in (". ", "! ", "? ", "\n", "» ", ".» ", '." '))) + 1
    near = [m for m in mentions if m.kind in _WHEN_KINDS
            and sentence_start <= m.start < sentence_end and not dates_the_telling(text, m.start, lang)]
    if not near:
        return None
    # a day in the figure's own clause before one across a comma: in "Après la tempête de la
    # nuit de mercredi à jeudi, 523 000 foyers sont privés d'électricité ce vendredi", the
    # opening clause dates the storm, not the count
    if text:
        own = [m for m in near if not _CLAUSE_BREAK.search(
            text, *((claim_start, m.start) if m.start >= claim_start else (m.end, claim_start)))]
        near = own or near
    # the nearest day, even one that cannot be dated ("mardi dernier" in an article dated to
    # the month only): a farther day of the sentence is another fact's ("soit plus que le 19 janvier")
    nearest = min(near, key=lambda m: abs(m.start - claim_start))
    if nearest.date is not None and nearest.date_end is not None:  # a week: its middle day
        return nearest.date + (nearest.date_end - nearest.date) / 2
    return nearest.date


# A line that opens on a short capitalised label and a colon, with a figure after it: a
# row of a table ("Rennes : 32 000 (CGT) / 9 000 selon la police").
_ROW = re.compile(r"^[ \t]*(?:[-•*–][ \t]*)?(?P<label>[A-ZÀ-Ý][\w'’ -]{0,40}?)[ \t]*:[ \t]+(?=[^\n]*\d)",
                  re.MULTILINE)
_BLANK_LINES = re.compile(r"\s*")


def table_row_places(text: str, claims: Sequence) -> dict[int, str]:
    """Claim index → the place its table row names, for tables whose rows are places.

    Organisers' and police counts are often printed town by town, one line each. The
    parser may cut such a line anywhere and find the town for one figure only; a reader
    gives every figure of the line to its town. A run of two rows or more is a table, and
    its labels are places when the parser saw one of them as the place of a figure of its
    own row ("Bilan : 3 morts" and "Blessés : 12" are rows too, but not places).
    """
    rows: list[tuple[int, int, str]] = []
    for m in _ROW.finditer(text):
        end = text.find("\n", m.end())
        if len(m.group("label").split()) <= 5:
            rows.append((m.start(), len(text) if end < 0 else end, m.group("label").strip()))
    tables: list[list[tuple[int, int, str]]] = []
    for row in rows:
        if tables and _BLANK_LINES.match(text, tables[-1][-1][1]).end() == row[0]:
            tables[-1].append(row)
        else:
            tables.append([row])
    tables = [table for table in tables if len(table) >= 2]
    starts = [row[0] for table in tables for row in table]
    flat = [(row, n) for n, table in enumerate(tables) for row in table]
    members: dict[int, list[tuple[int, str]]] = {}  # table → (claim index, its row's label)
    for k, c in enumerate(claims):
        i = bisect.bisect_right(starts, c.start) - 1
        if i >= 0 and c.start < flat[i][0][1]:
            (_, _, label), n = flat[i]
            members.setdefault(n, []).append((k, label))
    out: dict[int, str] = {}
    for found in members.values():
        if any(claims[k].place and claims[k].place.casefold() == label.casefold() for k, label in found):
            out.update(found)
    return out
