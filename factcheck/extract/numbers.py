"""Numbers as written in press copy: digits in French and English formats, and number words.

This module finds *atoms*: a number and its span, nothing else. Units, multipliers,
ranges and qualifiers are attached by ``quantities``. Number words are read by
text2num's ``find_numbers`` over a light word tokenisation, so the grammar of
"quatre-vingt-dix-neuf" or "mille deux cents" is text2num's, not ours.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from text_to_num import find_numbers

from factcheck.extract.spans import SpanSet

# Limits of what is read as a number. Press copy never needs more: a longer run of digits
# is a code, a table flattened into one line or garbage, and reading it would cost time
# (Python's int/float conversions are not linear in the length) and give values that
# overflow every later computation. Such text stays text: it is not a claim.
MAX_DIGITS = 40
"""A number written with more digits than this is not read as a number."""
MAX_MAGNITUDE = 1e100
"""A value larger than this (in absolute value) is not a claim: it would overflow sums and ratios."""
MIN_MAGNITUDE = 1e-100
"""A non-zero value smaller than this is not a claim either (ratios of it overflow)."""


def in_range(value: float) -> bool:
    """True when ``value`` is finite and within the magnitudes factcheck computes with."""
    return math.isfinite(value) and (value == 0 or MIN_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE)

# Thousands separators seen in press copy: space, no-break space, narrow no-break space,
# and the apostrophe of Swiss copy ("245'000", "20’500").
_GROUP_CHARS = " \u00a0\u202f'\u2019"
_GROUP = f"[{_GROUP_CHARS}]"
_MINUS = "[-\u2212]"

# Scientific notation, shared by both languages: "1e10", "12,32e+14", "-127.32e13".
_SCI = r"\d+(?:[,.]\d+)?e[+-]?\d+(?![\w])"
# French: "8 300", "8\u202f300", "26.000" and "1.458.000,00" (dot thousands), "5,4" (decimal comma), "5.4".
_FR_NUMBER = re.compile(
    rf"(?<![\w.,/]){_MINUS}?"
    rf"(?:{_SCI}"
    rf"|\d{{1,3}}(?:{_GROUP}\d{{3}})+(?!\d)(?:,\d+)?"
    r"|(?!0\.)\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d]|[.,]\d)"
    r"|\d+(?:[,.]\d+)?(?![.,]\d)"
    r"|(?<![\d,]),\d+(?![\d,]))"
)
# English: "1,200", "40,000", "1.84", "8 300" (space thousands, as some wires write them).
_EN_NUMBER = re.compile(
    rf"(?<![\w.,/]){_MINUS}?"
    rf"(?:{_SCI}"
    r"|\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?"
    rf"|\d{{1,3}}(?:{_GROUP}\d{{3}})+(?!\d)(?:\.\d+)?"
    r"|\d+(?:\.\d+)?(?![.,]\d)"
    r"|\.\d+)"
)
# Fractions in digits: "3/4", "10 1/2", "-4/5"; a proper fraction with a small denominator
# (dates such as "13/12" or "1/12/2023" are not fractions).
_DIGIT_FRACTION = re.compile(
    rf"(?<![\w.,/]){_MINUS}?(?:(\d{{1,12}})[ \u00a0]+)?(\d{{1,2}})/(\d{{1,2}})(?![\d/])"
)
_POWER = re.compile(r"(?<![\w.,])(-?\d+(?:[,.]\d+)?)\^([+-]*)(\d+)")
_DATE_CUE_BEFORE = re.compile(r"\b(?:le|du|au|on|the|depuis|since)\s+$", re.IGNORECASE)
_UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
                      "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
# The whole part starts where a digit run starts (not inside one), so each run is read once.
_UNICODE_FRACTION_RE = re.compile(r"(?:(?<!\d)(\d{1,12})[ \u00a0]?)?([" + "".join(_UNICODE_FRACTIONS) + "])")
_WORD_TOKEN = re.compile(r"\w+|[^\w\s]")
_UNACCENTED_ORDINAL = re.compile(r"ieme(?=s?$)")

# Nouns of approximate quantity: "une vingtaine", "un millier", "a dozen".
APPROX_NOUNS: dict[str, dict[str, float]] = {
    "fr": {
        "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
        "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
    },
    "en": {"dozen": 12, "score": 20},
}

# The article is 1 only before a unit of measure ("un an", "a year"), never alone.
ARTICLES = frozenset({"un", "une", "a", "an"})


@dataclass(slots=True)
class Atom:
    """A number in the text: its span, its value, and how it was written."""

    start: int
    end: int
    value: float
    words: bool = False
    approx_noun: bool = False
    ordinal: bool = False
    article: bool = False
    fraction: bool = False
    bare: bool = False
    refused: bool = False  # digits that are not read as a number (too long, out of range): a span, no value


_DIGIT_RUN = re.compile(rf"\d+(?:[{_GROUP_CHARS}.,:/\u2212-]\d+)*")
_DOT_THOUSANDS = re.compile(r"-?(?!0\.)\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_digits(surface: str, lang: str) -> float | None:
    """The value of a digit string in the language's conventions ("8 300", "26.000", "5,4", "1e10").

    ``None`` when the string is not read as a number: more than ``MAX_DIGITS`` digits, or a
    value outside the range factcheck computes with (``in_range``): "1e309", "1e-400".
    """
    if sum(c.isdigit() for c in surface) > MAX_DIGITS:
        return None
    s = surface.replace("\u2212", "-")
    for sep in _GROUP_CHARS:
        s = s.replace(sep, "")
    mantissa, e, exponent = s.lower().partition("e")
    if e and exponent:
        value = float(f"{mantissa.replace(',', '.')}e{exponent}")  # never raises: inf or 0.0 at the extremes
        if value == 0 and float(mantissa.replace(",", ".")) != 0:
            return None  # underflow: "1e-400" is not zero
        return value if in_range(value) else None
    if lang == "fr":
        if _DOT_THOUSANDS.fullmatch(s):
            s = s.replace(".", "")
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    if s.startswith("."):
        s = "0" + s
    elif s.startswith("-."):
        s = "-0" + s[1:]
    value = float(s)
    return value if in_range(value) else None


def digit_atoms(text: str, lang: str) -> list[Atom]:
    """Numbers written with digits, fractions included ("3/4", "10 1/2", "½").

    Digits that are not read as a number (``parse_digits`` gives ``None``, a power that
    overflows) come back as ``refused`` atoms: they hold their span, so that no shorter
    number is read inside them ("10^999" is not 10 and 999), and ``find_atoms`` drops them.
    """
    pattern = _FR_NUMBER if lang == "fr" else _EN_NUMBER
    # a run of digits broken only by single separators ("1 2 3 4 5 …", "123 123 123 …",
    # "1-1-1-…", "1:1:1:…") with more than MAX_DIGITS digits is a flattened table or noise,
    # not numbers of prose
    atoms = [Atom(m.start(), m.end(), 0.0, refused=True) for m in _DIGIT_RUN.finditer(text)
             if m.end() - m.start() > MAX_DIGITS and sum(c.isdigit() for c in m.group()) > MAX_DIGITS]
    for m in pattern.finditer(text):
        value = parse_digits(m.group(), lang)
        atoms.append(Atom(m.start(), m.end(), 0.0, refused=True) if value is None
                     else Atom(m.start(), m.end(), value))
    for m in _POWER.finditer(text):  # "1,1^23", "2,5^-1"
        base = parse_digits(m.group(1), lang)
        value = None
        if base is not None and len(m.group(3)) <= 3:  # a longer exponent is no press figure
            exponent = int(m.group(3)) * (-1 if m.group(2).count("-") % 2 else 1)
            try:
                value = base ** exponent if base >= 0 else -((-base) ** exponent)
            except (OverflowError, ZeroDivisionError):
                value = None
        if value is None or not in_range(value):
            atoms.append(Atom(m.start(), m.end(), 0.0, refused=True))
        else:
            atoms.append(Atom(m.start(), m.end(), value))
    for m in _DIGIT_FRACTION.finditer(text):
        num, den = int(m.group(2)), int(m.group(3))
        if not 0 < num < den or den > 32 or _DATE_CUE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        value = num / den + (int(m.group(1)) if m.group(1) else 0)
        if m.group().startswith(("-", "\u2212")):
            value = -value
        atoms.append(Atom(m.start(), m.end(), value, fraction=True))
    for m in _UNICODE_FRACTION_RE.finditer(text):
        value = _UNICODE_FRACTIONS[m.group(2)] + (int(m.group(1)) if m.group(1) else 0)
        atoms.append(Atom(m.start(), m.end(), value, fraction=True))
    return atoms


class _Tok:
    """The token protocol text2num's ``find_numbers`` reads."""

    __slots__ = ("_text", "start", "end", "_gap")

    def __init__(self, text: str, start: int, end: int, gap: str = " ") -> None:
        self._text, self.start, self.end, self._gap = text, start, end, gap

    def text(self) -> str:
        # "cinquieme" as typed without accents is "cinquième"
        return _UNACCENTED_ORDINAL.sub("ième", self._text) if "ieme" in self._text else self._text

    def nt_separated(self, previous: "_Tok") -> bool:
        # Two words separated by anything but spaces or a hyphen are not one number.
        return self._gap.strip(" \u00a0\u202f") != ""

    def not_a_number_part(self) -> bool:
        return False


def word_atoms(text: str, lang: str) -> list[Atom]:
    """Numbers written in words, read by text2num, plus approximate nouns."""
    tokens: list[_Tok] = []
    prev_end = 0
    for m in _WORD_TOKEN.finditer(text):
        tokens.append(_Tok(m.group(), m.start(), m.end(), text[prev_end:m.start()]))
        prev_end = m.end()
    atoms: list[Atom] = []
    for occ in find_numbers(tokens, lang, threshold=0):
        first, last = tokens[occ.start], tokens[occ.end - 1]
        if first._text.isdigit() or first._text[:1].isdigit():
            continue  # digits are read by digit_atoms, with press separators
        surface = text[first.start:last.end]
        try:
            value = float(occ.value)
        except (OverflowError, ValueError):
            continue
        if not in_range(value):
            continue
        atoms.append(
            Atom(first.start, last.end, value, words=True, ordinal=bool(occ.is_ordinal),
                 article=surface.lower() in ARTICLES)
        )
    atoms.extend(_approx_noun_atoms(text, lang))
    return atoms


_APPROX_RE = {
    lang: re.compile(r"\b(" + "|".join(nouns) + r")(s)?\b", re.IGNORECASE)
    for lang, nouns in APPROX_NOUNS.items()
}


def _approx_noun_atoms(text: str, lang: str) -> list[Atom]:
    out = []
    for m in _APPROX_RE[lang].finditer(text):
        base = APPROX_NOUNS[lang][m.group(1).lower()]
        out.append(Atom(m.start(), m.end(), float(base), words=True, approx_noun=True))
    return out


# Denominators written as nouns ("deux tiers", "trois quarts", "un demi", "a half"); other
# denominators are ordinals read by text2num ("trois cinquièmes", "one fifth").
_DENOMINATOR_WORDS = {
    "fr": re.compile(r"(?:tiers|quarts?|demie?s?)(?![\w])(?!-[a-z]+ième)", re.IGNORECASE),
    "en": re.compile(r"(?:halves|half|quarters?|thirds?)(?![\w-])", re.IGNORECASE),
}
_DENOMINATOR_VALUES = {"tiers": 3, "quart": 4, "quarts": 4, "demi": 2, "demie": 2, "demis": 2, "demies": 2,
                       "half": 2, "halves": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
_FRACTION_GAP = re.compile(r"[ \u00a0-]")
_ONE_BEFORE = {"fr": re.compile(r"\b(?:une?)[ \u00a0]$", re.IGNORECASE),
               "en": re.compile(r"\b(?:an?|one)[ \u00a0-]$", re.IGNORECASE)}
_AND_GAP = {"fr": re.compile(r"[ \u00a0]+et[ \u00a0]+", re.IGNORECASE),
            "en": re.compile(r"[ \u00a0]+and[ \u00a0]+", re.IGNORECASE)}
# An ordinal is a denominator only where a fraction can end: "trois cinquièmes des voix",
# "a fifth of", not "un troisième suspect".
_AFTER_FRACTION = re.compile(r"[ \u00a0]*(?:$|[,.;:!?)]|(?:de|des|du|d'|d’|of|de million|millions?|milliards?)\b)", re.IGNORECASE)
_SPLIT_AND = {"fr": re.compile(r"[ \u00a0]+et[ \u00a0]+", re.IGNORECASE), "en": re.compile(r"[ \u00a0]+and[ \u00a0]+", re.IGNORECASE)}
_OVER = {"fr": re.compile(r"[ \u00a0]+sur[ \u00a0]+", re.IGNORECASE),
         "en": re.compile(r"[ \u00a0]+(?:out of|in)[ \u00a0]+", re.IGNORECASE)}
_NOT_RATIO_AFTER = re.compile(r"[ \u00a0]*(?:%|pour|per|ans?\b|années?|mois|jours?|semaines?|heures?|years?|months?|"
                              r"days?|weeks?|hours?|minutes?)", re.IGNORECASE)
# "un million et demi": the fraction is of the last multiplier
_LAST_MULTIPLIER = re.compile(r"(mille|millions?|milliards?|thousand|millions?|billions?)$", re.IGNORECASE)
_LAST_MULTIPLIER_VALUES = {"mille": 1e3, "thousand": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
                           "milliards": 1e9, "billion": 1e9, "billions": 1e9}
_BEFORE_MILLION = re.compile(r"[ \u00a0-]*(?:de[ \u00a0]+|d'|d’)?(?:millions?|milliards?)\b", re.IGNORECASE)
# A sign written as a word: "moins 5 °C", "négatif un", "minus 40". "au moins 5" is a bound, not a sign.
_NEGATIVE_WORD = re.compile(
    r"(?:(?<!\bau )(?<!\bdu )(?<!\bpas )(?<!\ble )(?<!\bla )(?<!\bde )(?<!\ben )(?<!\bou )(?<!\bet )(?<!\bplus )"
    r"(?<!\bni )\bmoins|\bnégati(?:f|ve)|\bminus|\bnegative)[ \u00a0]+$",
    re.IGNORECASE)


def _denominator_at(text: str, pos: int, atoms: list[Atom], j: int, lang: str) -> tuple[int, float, int] | None:
    """A denominator right after ``pos``: (end, denominator, atoms used)."""
    gap = _FRACTION_GAP.match(text, pos)
    if gap is None:
        return None
    at = gap.end()
    if j < len(atoms) and atoms[j].start == at and atoms[j].ordinal and atoms[j].value >= 3 \
            and _AFTER_FRACTION.match(text, atoms[j].end):
        return atoms[j].end, atoms[j].value, 1
    m = _DENOMINATOR_WORDS[lang].match(text, at)
    if m:
        return m.end(), float(_DENOMINATOR_VALUES[m.group().lower()]), 0
    return None


def _compose(text: str, atoms: list[Atom], lang: str) -> list[Atom]:
    """Fractions ("trois cinquièmes", "a third", "un sur trois", "deux et demi") and signs in words."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        i += 1
        if not atom.ordinal and not atom.approx_noun and not atom.fraction and atom.value == int(atom.value) > 0:
            over = _OVER[lang].match(text, atom.end)
            if over and i < len(atoms) and atoms[i].start == over.end() and not atoms[i].ordinal \
                    and not atoms[i].approx_noun and atoms[i].value == int(atoms[i].value) > 0 \
                    and (over.group().strip().lower() != "in" or text[atom.start:atom.end].lower() in ("one", "1")) \
                    and atom.value < atoms[i].value and not _NOT_RATIO_AFTER.match(text, atoms[i].end):
                nxt = atoms[i]
                out.append(Atom(atom.start, nxt.end, atom.value / nxt.value, words=True, fraction=True))
                i += 1
                continue
        if atom.words and not atom.ordinal and not atom.approx_noun and not atom.fraction:
            den = _denominator_at(text, atom.end, atoms, i, lang)
            if den is not None:
                end, d, used = den
                left, numerator = 0.0, atom.value
                parts = _SPLIT_AND[lang].split(text[atom.start:atom.end])
                scale = 1.0
                if len(parts) > 1:  # "vingt et trois cinquièmes" = 20 + 3/5
                    right = word_atoms(parts[-1], lang)
                    if right:
                        numerator = right[-1].value
                        left = atom.value - numerator
                        last = _LAST_MULTIPLIER.search(parts[-2])
                        if last:  # "cinq milliards et trois quarts"
                            scale = _LAST_MULTIPLIER_VALUES[last.group(1).lower()]
                out.append(Atom(atom.start, end, left + numerator / d * scale, words=True, fraction=scale == 1.0))
                i += used
                continue
        if atom.ordinal and atom.value >= 3 and _AFTER_FRACTION.match(text, atom.end):
            art = _ONE_BEFORE[lang].search(text[max(0, atom.start - 4):atom.start])
            if art:  # "a third of", "un cinquième des"
                out.append(Atom(atom.start - len(art.group()), atom.end, 1 / atom.value, words=True, fraction=True))
                continue
        out.append(atom)
    # "un demi", "a half", "un quart": a denominator word after the article
    taken = SpanSet((a.start, a.end) for a in out)  # what this loop adds lies before its later matches
    for m in _DENOMINATOR_WORDS[lang].finditer(text):
        if taken.covers(m.start()):
            continue
        word = m.group().lower()
        if word in ("thirds", "quarters", "halves", "quarts"):
            continue
        art = _ONE_BEFORE[lang].search(text[max(0, m.start() - 4):m.start()])
        start = m.start() - len(art.group()) if art else m.start()
        before_million = bool(_BEFORE_MILLION.match(text, m.end()))
        if not art and word not in ("demi", "demie", "half") and not before_million:
            continue
        out.append(Atom(start, m.end(), 1 / _DENOMINATOR_VALUES[word], words=True, fraction=True,
                        bare=not art and not before_million))
    out.sort(key=lambda a: (a.start, -a.end))
    # "deux et demi", "cinq et un quart", "one and a half"
    merged: list[Atom] = []
    for atom in out:
        if merged and atom.fraction and 0 < atom.value < 1 and not merged[-1].fraction and not merged[-1].ordinal:
            prev = merged[-1]
            if _AND_GAP[lang].fullmatch(text[prev.end:atom.start]):
                last = _LAST_MULTIPLIER.search(text, prev.start, prev.end)
                scale = _LAST_MULTIPLIER_VALUES[last.group(1).lower()] if last and prev.words else 1.0
                if lang == "fr" and scale == 1e9 and last.group(1).lower().startswith("billion"):
                    scale = 1e12
                merged[-1] = Atom(prev.start, atom.end, prev.value + atom.value * scale, words=True,
                                  fraction=scale == 1.0)
                continue
        if merged and atom.start < merged[-1].end:
            continue
        merged.append(atom)
    for atom in merged:
        neg = _NEGATIVE_WORD.search(text[max(0, atom.start - 12):atom.start])
        if neg and atom.value > 0:
            atom.start -= len(neg.group())
            atom.value = -atom.value
            atom.article = False
    return merged


def find_atoms(text: str, lang: str) -> list[Atom]:
    """All numbers in ``text``, sorted, without overlaps (digits win over words)."""
    atoms = sorted(digit_atoms(text, lang) + word_atoms(text, lang), key=lambda a: (a.start, -a.end))
    out: list[Atom] = []
    for atom in atoms:
        if out and atom.start < out[-1].end:
            continue
        out.append(atom)
    return [a for a in _compose(text, [a for a in out if not a.refused], lang) if in_range(a.value)]
