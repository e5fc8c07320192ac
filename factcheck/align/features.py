"""Per-claim context the aligner compares: sentence words, local attribution, cues, dates.

Everything tolerates missing fields: a claim built by hand with only a value and a
unit gets empty features, never an exception.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import os
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from factcheck.align.subjects import content_words, fold, fold_word
from factcheck.models import Claim


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The aligner's data file, ``factcheck/data/align.yaml``, with patterns compiled."""
    path = resources.files("factcheck") / "data" / "align.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in list(data):
        if key.endswith("_patterns"):
            data[key] = {lang: [re.compile(p, re.IGNORECASE) for p in pats] for lang, pats in data[key].items()}
        elif key.endswith("_patterns_cased"):
            data[key] = {lang: [re.compile(p) for p in pats] for lang, pats in data[key].items()}
    data["source_family"] = {fold(w): fam for fam, words in data["sources"].items() for w in words}
    data["families"] = frozenset(data["sources"])
    data["not_place"] = {lang: frozenset(words) for lang, words in data["not_places"].items()}
    data["evolving"] = {lang: frozenset(fold(w) for w in words) for lang, words in data["evolving_subjects"].items()}
    data["light"] = frozenset(fold(v) for v in data["light_verbs"])
    data["family"] = {fold(v): i for i, fam in enumerate(data["verb_families"]) for v in fam}
    return data


def _patterns(name: str, lang: str) -> list[re.Pattern[str]]:
    table = lexicon()[name]
    return table.get(lang) or table.get("fr", [])


def any_match(name: str, lang: str, text: str) -> bool:
    return any(p.search(text) for p in _patterns(name, lang))


@dataclass(frozen=True, slots=True)
class Features:
    """What the aligner knows about one claim besides its value."""

    story: str
    article_key: str
    date: dt.date | None
    when: dt.date | None          # a date stated in the claim's sentence (not the publication date)
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
    scope: str = ""               # the place bound to the number ("25 000 à Marseille"), folded
    region: bool = False          # a regional part ("en province", "outside London")
    role: str = ""                # "part" (dont …), "previous" (la veille …), "threshold" (barre des …)
    year: int | None = None       # a year named in the number's clause, when not the article's
    modifier: str = ""            # what narrows the counted noun ("graves", "seriously"), folded


def story_of(claim: Claim) -> str:
    art = claim.article
    if art is not None and art.story:
        return art.story
    return os.path.dirname(claim.path or (art.path if art is not None else ""))


def article_key(claim: Claim) -> str:
    """Which article a claim comes from. The lines of a JSON Lines file share its path: each
    is told apart by where its text starts in the file."""
    art = claim.article
    if art is not None:
        if art.offset:
            return f"{art.path}#{art.offset}"
        return art.path or art.id or str(id(art))
    return claim.path


def locate(claim: Claim) -> tuple[str, int]:
    """The claim's sentence and the claim's offset in it (-1 when it cannot be placed)."""
    sentence = claim.sentence or ""
    if not sentence and claim.article is not None:
        text = claim.article.text or ""
        pos = claim.start - (claim.article.offset or 0)
        if 0 <= pos <= len(text):
            left = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
            right_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
            right = min(right_candidates) + 1 if right_candidates else len(text)
            return text[left:right], pos - left
    if not sentence:
        return claim.text, 0
    off = claim.start - claim.sentence_start
    if 0 <= off <= len(sentence) and sentence[off:off + len(claim.text)] == claim.text:
        return sentence, off
    found = sentence.find(claim.text) if claim.text else -1
    return sentence, found


@functools.lru_cache(maxsize=256)
def _sources(sentence: str, lang: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
    """(attributions, known-source passive agents) of a sentence as (start, end, source):
    read once per sentence, not once per figure in it."""
    said = tuple((m.start(), m.end(), m.group("src"))
                 for pattern in _patterns("attribution_patterns", lang) for m in pattern.finditer(sentence))
    agents = tuple((m.start(), m.end(), m.group("src"))
                   for pattern in _patterns("agent_patterns", lang) for m in pattern.finditer(sentence)
                   if source_family(m.group("src")) in lexicon()["families"])
    return said, agents


def local_attribution(sentence: str, offset: int, length: int, lang: str) -> str:
    """The source nearest the number ("12 500 selon la préfecture, 40 000 selon l'intersyndicale")."""
    said, agents_found = _sources(sentence, lang)
    best: tuple[int, str] | None = None
    for start, end, src in said:
        dist = _distance_span(start, end, offset, length)
        if best is None or dist < best[0]:
            best = (dist, src)
    if best is None:  # the agent of a passive, when it names a known source
        agents = [(_distance_span(start, end, offset, length), src) for start, end, src in agents_found]
        best = min(agents, default=None)
        if best is None or best[0] > 60:
            return ""
    return source_family(best[1])


def _distance(m: re.Match, offset: int, length: int) -> int:
    """Characters between a source phrase and the number; a source after it binds more tightly."""
    return _distance_span(m.start(), m.end(), offset, length)


def _distance_span(start: int, end: int, offset: int, length: int) -> int:
    if offset < 0:
        return 0
    if start >= offset + length:
        return start - (offset + length)
    if end <= offset:
        return offset - end + 5
    return 0


def source_family(source: str) -> str:
    words = [fold_word(w) for w in re.findall(r"[\w'’-]+", source.lower())]
    words = [w.split("'")[-1] for w in words if w not in ("la", "le", "les", "l", "des", "du", "the", "de")]
    table = lexicon()["source_family"]
    for w in words:
        if w in table:
            return table[w]
    return " ".join(words)


_EN_VERB = re.compile(r"\b(?:were|was|have|has|had|are|is|will be|would be)\s+(?:been\s+|being\s+)?([a-z]+)",
                      re.IGNORECASE)


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


_CLAUSE_END = re.compile(r"[,;:()\[\]–—]|\s\d|\.\s")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@functools.lru_cache(maxsize=256)
def _clause_ends(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every clause break of a sentence, found once per sentence."""
    return tuple(m.span() for m in _CLAUSE_END.finditer(sentence))


def _clause_cuts(sentence: str, offset: int) -> list[int]:
    """Ends of the clause breaks before ``offset``: those of ``_CLAUSE_END.finditer(sentence[:offset])``
    (a break is one or two characters; one that straddles ``offset`` is no break of the head)."""
    spans = _clause_ends(sentence)
    k = bisect.bisect_right(spans, (offset, offset))
    return [e for _, e in spans[:k] if e <= offset]


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
    comma = sentence.find(",")
    frames = [sentence[:comma]] if 0 <= comma < offset and comma < 100 else []
    if len(cuts) >= 2 and cuts[-1] - cuts[-2] < 40 and sentence[cuts[-1] - 1] == ",":
        frames.append(sentence[cuts[-2]:cuts[-1] - 1])
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


def frame_scope(before: str, after: str, lead: str, lang: str) -> str:
    """The place bound to the figure: in its own clause (after it first), else the place
    that opens the sentence ("À Marseille, la CGT annonçait …")."""
    listed = ""
    for pattern in _patterns("list_place_patterns_cased", lang):
        m = pattern.search(before)
        if m:
            listed = fold(m.group("place"))
    return (_place_in(after, lang) or listed or _place_in(before, lang, last=True)
            or _place_in(lead, lang))


def frame_role(before: str, after: str, lead: str, near_before: str, lang: str) -> str:
    """What the figure is besides a current total: a part, a previous value, a threshold."""
    if any_match("part_patterns", lang, near_before):
        return "part"
    if any_match("whole_patterns", lang, near_before):
        return "whole"
    if any_match("threshold_patterns", lang, near_before) or any_match("threshold_after_patterns", lang, after):
        return "threshold"
    if any_match("previous_patterns", lang, " ".join((lead, before, after))):
        return "previous"
    return ""


def frame_modifier(text: str, lang: str) -> str:
    """A word that narrows what is counted ("huit blessés graves" is not "neuf blessés")."""
    for p in _patterns("modifier_patterns", lang):
        m = p.search(text)
        if m:
            return fold(m.group(0))[:5]
    return ""


def frame_year(before: str, after: str, lead: str, date: dt.date | None) -> int | None:
    """A year named in the figure's clause (or the sentence's opening clause) that is not
    the publication year: "En 2018, 252 kg avaient été saisis" is another year's fact."""
    for text in (before, after, lead):
        for m in _YEAR.finditer(text):
            year = int(m.group(1))
            if date is None or year != date.year:
                return year
    return None


@functools.lru_cache(maxsize=256)
def _sentence_words(sentence: str) -> frozenset[str]:
    return content_words(sentence)


@functools.lru_cache(maxsize=256)
def _sentence_update(sentence: str, lang: str) -> bool:
    return any_match("update_patterns", lang, sentence)


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
    when = claim.when if claim.when is not None and claim.when != date else None
    after_num = sentence[offset + len(claim.text): offset + len(claim.text) + 100] if offset >= 0 else ""
    before_clause, after_clause, lead = clause_around(sentence, offset, len(claim.text))
    attribution = local_attribution(sentence, offset, len(claim.text), lang) if sentence else ""
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
        place=fold(claim.place or (claim.article.meta.get("place", "") if claim.article is not None else "")),
        update=_sentence_update(sentence, lang),
        progressive=any_match("progressive_patterns", lang, window),
        other=any_match("other_patterns", lang, before + " " + after_num[:25]),
        daily=any_match("daily_patterns", lang, window),
        attribute=any_match("attribute_patterns", lang, before[-25:])
        or any_match("attribute_after_patterns", lang, after_num[:30]),
        new=bool(re.search(r"\bnouv\w+|suppl[ée]mentaires?\b|\bnew\b|\badditional\b|\bextra\b",
                                            window, re.IGNORECASE)),
        scope=frame_scope(before_clause, after_clause, lead, lang),
        region=any_match("region_patterns", lang, before_clause + " " + after_clause),
        role=frame_role(before_clause, after_clause, lead, before, lang),
        year=frame_year(before_clause, after_clause, lead, date),
        modifier=frame_modifier(after_clause[:40], lang),
    )
