"""Which language an article is in: declared (normalised to fr/en) or guessed from stop words.

The guess counts very frequent function words of French and English, and of a few
neighbouring languages (es, it, pt, de, nl) so that, say, a Spanish article is refused
instead of being read as French because it shares "de", "la" and "que". It is
deterministic, needs no model, and runs in microseconds on a sentence.
"""

from __future__ import annotations

import re

from factcheck.errors import LanguageError

SUPPORTED: tuple[str, ...] = ("fr", "en")
SAMPLE_CHARS = 100_000  # enough words for a sure guess; keeps huge inputs fast

_ALIASES = {
    "french": "fr", "français": "fr", "francais": "fr", "fra": "fr", "fre": "fr",
    "english": "en", "anglais": "en", "eng": "en",
}

STOP_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        """le la les un une des du de et est sont a ont au aux en dans pour par sur avec que qui
        ne pas plus ce cet cette ces il elle ils elles nous vous on se son sa ses leur leurs y été
        être avait était sera mais ou où comme aussi selon après avant depuis entre contre sous
        lors dont tout tous toute toutes très même déjà encore fait peut doit cela ça je mon ma
        mes notre nos votre vos alors donc car si sans chez vers quand ainsi hier aujourd ont
        avaient étaient deux trois millions milliards euros""".split()
    ),
    "en": frozenset(
        """the of and to in is are was were be been being has have had a an that this these those
        it its for on with as by at from or but not which who whom what when where there their
        they them he she his her we our you your will would can could should may might said says
        than more also about after before into over under between up out if so no all any some
        one two three new year years percent million billion people""".split()
    ),
    "es": frozenset(
        """el la los las de del y en que un una por con para es son se su sus al lo como más pero
        fue han ha este esta entre sobre también muy hasta desde cuando porque sin ya ser""".split()
    ),
    "it": frozenset(
        """il lo la le gli i di del della delle degli dei e è che per non un una sono con alla nel
        nella anche come più ma questo questa ha hanno al dal dalla essere stato tra""".split()
    ),
    "pt": frozenset(
        """o os a as de do da dos das e em um uma para com não por mais como mas foi ao ele ela
        seu sua ou ser quando muito há nos já está também pelo pela até isso entre era depois sem
        mesmo aos ter seus quem nas""".split()
    ),
    "de": frozenset(
        """der die und das ist nicht ein eine zu den von mit sich des auf für im dem auch es an
        werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen zum
        war haben nur oder aber vor zur bis mehr durch""".split()
    ),
    "nl": frozenset(
        """de het een en van in is dat op te zijn met voor niet die aan er om ook als bij of door
        maar naar dan worden nog wel was deze hij ze""".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+")
_FR_ELISION = re.compile(r"\b(?:[dnsj]|qu|jusqu|lorsqu|puisqu)['’](?=[^\W\d_])")
_SHARED_ELISION = re.compile(r"\b[lc]['’](?=[^\W\d_])")  # l'eau, c'est (Italian: l'anno, c'è)
_IT_ELISION = re.compile(r"\b(?:dell|nell|all|dall|sull|un|quest)['’](?=[^\W\d_])")
_EN_CONTRACTION = re.compile(r"(?<=[^\W\d_])(?:n['’]t|['’](?:s|re|ve|ll|d|m))\b")
_FR_ACCENTS = re.compile(r"[éèêàçùœâîôûëï]")


def normalize_lang(code: object, label: str | None = None) -> str:
    """``"fr-FR"``, ``"en_GB"``, ``"French"`` → ``"fr"``/``"en"``; anything else is a ``LanguageError``."""
    where = f"{label}: " if label else ""
    if not isinstance(code, str) or not code.strip():
        raise LanguageError(f"{where}language {code!r} is not supported (supported: fr, en)")
    key = code.strip().lower().replace("_", "-")
    primary = _ALIASES.get(key, key.split("-", 1)[0])
    if primary not in SUPPORTED:
        raise LanguageError(f"{where}language '{code.strip()}' is not supported (supported: fr, en)")
    return primary


def language_scores(text: str) -> dict[str, float]:
    """How many function words of each known language ``text`` contains (first 100k chars)."""
    sample = text[:SAMPLE_CHARS].lower()
    scores = dict.fromkeys(STOP_WORDS, 0.0)
    for word in _WORD.findall(sample):
        for lang, words in STOP_WORDS.items():
            if word in words:
                scores[lang] += 1
    fr_elisions = len(_FR_ELISION.findall(sample))
    shared = len(_SHARED_ELISION.findall(sample))
    scores["fr"] += fr_elisions + shared
    scores["it"] += shared + len(_IT_ELISION.findall(sample))
    scores["en"] += len(_EN_CONTRACTION.findall(sample))
    return scores


def detect_language(text: str) -> str:
    """``"fr"`` or ``"en"``; ``LanguageError`` when the text is clearly another language or has no cue.

    French wins over English on more function words; a tie is broken by French accents.
    Another language must outscore both to be refused, so fr/en is the benefit of the doubt.
    """
    scores = language_scores(text)
    fr, en = scores["fr"], scores["en"]
    if fr > en:
        best = "fr"
    elif en > fr:
        best = "en"
    elif fr > 0 and _FR_ACCENTS.search(text[:SAMPLE_CHARS].lower()):
        best = "fr"
    else:
        best = ""
    other, other_score = max(
        ((lang, s) for lang, s in scores.items() if lang not in SUPPORTED), key=lambda item: item[1]
    )
    if other_score > max(fr, en):
        raise LanguageError(
            f"the text looks like '{other}', which is not supported (supported: fr, en); "
            "if it is French or English, declare it (front matter 'lang: fr' or --lang)"
        )
    if not best:
        raise LanguageError(
            "cannot tell whether the text is French or English; "
            "declare it (front matter 'lang: fr' or --lang)"
        )
    return best
