"""Numbers as written in press copy: digits in French and English formats, and number words.

This module finds *atoms*: a number and its span, nothing else. Units, multipliers,
ranges and qualifiers are attached by ``quantities``. Number words are read by
text2num's ``find_numbers`` over a light word tokenisation, so the grammar of
"quatre-vingt-dix-neuf" or "mille deux cents" is text2num's, not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import find_numbers

# Thousands separators seen in press copy: space, no-break space, narrow no-break space.
_SEP = "[ \u00a0\u202f]"
_MINUS = "[-\u2212]"

# French: "8 300", "8\u202f300", "26.000" (dot thousands), "5,4" (decimal comma), "5.4".
_FR_NUMBER = re.compile(
    rf"(?<![\w.,/]){_MINUS}?"
    rf"(?:\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)(?:,\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)"
    r"|\d+(?:[,.]\d+)?(?![.,]\d))"
)
# English: "1,200", "40,000", "1.84", "8 300" (space thousands, as some wires write them).
_EN_NUMBER = re.compile(
    rf"(?<![\w.,/]){_MINUS}?"
    r"(?:\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?"
    rf"|\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)(?:\.\d+)?"
    r"|\d+(?:\.\d+)?(?![.,]\d)"
    r"|\.\d+)"
)
_WORD_TOKEN = re.compile(r"\w+|[^\w\s]")

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


def parse_digits(surface: str, lang: str) -> float:
    """The value of a digit string in the language's conventions ("8 300", "26.000", "5,4")."""
    s = surface.replace("\u2212", "-")
    for sep in (" ", "\u00a0", "\u202f"):
        s = s.replace(sep, "")
    if lang == "fr":
        if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", s):
            s = s.replace(".", "")
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    return float(s)


def digit_atoms(text: str, lang: str) -> list[Atom]:
    """Numbers written with digits."""
    pattern = _FR_NUMBER if lang == "fr" else _EN_NUMBER
    return [Atom(m.start(), m.end(), parse_digits(m.group(), lang)) for m in pattern.finditer(text)]


class _Tok:
    """The token protocol text2num's ``find_numbers`` reads."""

    __slots__ = ("_text", "start", "end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self.start, self.end = text, start, end

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous: "_Tok") -> bool:
        # Two words separated by more than a space or a hyphen are not one number.
        return self.start - previous.end > 1

    def not_a_number_part(self) -> bool:
        return False


def word_atoms(text: str, lang: str) -> list[Atom]:
    """Numbers written in words, read by text2num, plus approximate nouns."""
    tokens = [_Tok(m.group(), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
    atoms: list[Atom] = []
    for occ in find_numbers(tokens, lang, threshold=0):
        first, last = tokens[occ.start], tokens[occ.end - 1]
        if first._text.isdigit() or first._text[:1].isdigit():
            continue  # digits are read by digit_atoms, with press separators
        surface = text[first.start:last.end]
        atoms.append(
            Atom(first.start, last.end, float(occ.value), words=True, ordinal=bool(occ.is_ordinal),
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


def find_atoms(text: str, lang: str) -> list[Atom]:
    """All numbers in ``text``, sorted, without overlaps (digits win over words)."""
    atoms = sorted(digit_atoms(text, lang) + word_atoms(text, lang), key=lambda a: (a.start, -a.end))
    out: list[Atom] = []
    for atom in atoms:
        if out and atom.start < out[-1].end:
            continue
        out.append(atom)
    return out
