"""Per-claim context the aligner compares: sentence words, local attribution, cues, dates.

Everything tolerates missing fields: a claim built by hand with only a value and a
unit gets empty features, never an exception.
"""

from __future__ import annotations

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
    data["source_family"] = {fold(w): fam for fam, words in data["sources"].items() for w in words}
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


def story_of(claim: Claim) -> str:
    art = claim.article
    if art is not None and art.story:
        return art.story
    return os.path.dirname(claim.path or (art.path if art is not None else ""))


def article_key(claim: Claim) -> str:
    art = claim.article
    if art is not None:
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


def local_attribution(sentence: str, offset: int, length: int, lang: str) -> str:
    """The source nearest the number ("12 500 selon la préfecture, 40 000 selon l'intersyndicale")."""
    best: tuple[int, str] | None = None
    for pattern in _patterns("attribution_patterns", lang):
        for m in pattern.finditer(sentence):
            src = m.group("src")
            if offset < 0:
                dist = 0
            elif m.start() >= offset + length:
                dist = m.start() - (offset + length)
            elif m.end() <= offset:
                dist = offset - m.end() + 5  # a source after the number binds more tightly
            else:
                dist = 0
            if best is None or dist < best[0]:
                best = (dist, src)
    if best is None:
        return ""
    return source_family(best[1])


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
        words=content_words(sentence),
        near=content_words(sentence[max(0, offset - 60): offset + len(claim.text) + 60]) if offset >= 0 else frozenset(),
        window=window,
        attribution=attribution,
        predicate=fold(claim.predicate or "") or _fallback_predicate(after_num, lang, before),
        place=fold(claim.place or (claim.article.meta.get("place", "") if claim.article is not None else "")),
        update=any_match("update_patterns", lang, sentence),
        progressive=any_match("progressive_patterns", lang, window),
        other=any_match("other_patterns", lang, before + " " + after_num[:25]),
        daily=any_match("daily_patterns", lang, window),
        attribute=any_match("attribute_patterns", lang, before[-25:])
        or any_match("attribute_after_patterns", lang, after_num[:30]),
        new=bool(re.search(r"\bnouv\w+|suppl[ée]mentaires?\b|\bnew\b|\badditional\b|\bextra\b",
                                            window, re.IGNORECASE)),
    )
