"""From numbers to quantities: multipliers, units, ranges, qualifiers, and what is not a quantity.

``scan(text, lang)`` is the whole surface grammar of a quantity, without any parse:
it is pure, fast, and testable without a spaCy model. The spaCy component adds what
needs syntax (the subject, the predicate) on top of its output.

What is deliberately *not* a quantity (documented in the README):
calendar dates and years, clock times, ordinals, identifiers ("CRS 82", "A28",
"ligne 4", "Covid-19"), phone numbers, the bare article ("un homme"), vague plurals
("des centaines").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from factcheck.extract.numbers import Atom, find_atoms
from factcheck.units import SURFACES, lookup

_SP = r"[ \u00a0\u202f]"

MULTIPLIERS: dict[str, dict[str, float]] = {
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "billion": 1e12, "billions": 1e12},
    "en": {"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
           "billions": 1e9, "trillion": 1e12, "hundred": 1e2},
}
# Abbreviated multipliers glued to a number: "£96m", "$1.84bn", "12 Md", "3,5 Mds".
_ABBREV_MULT = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9}
_ABBREV_RE = re.compile(r"(?:k|m|mn|bn|Md|Mds|Mrds?)(?![\w€$£])", re.IGNORECASE)
_CURRENCY_PREFIX = re.compile(r"(?:US\$|C\$|A\$|\$|£|€|¥)" + _SP + r"?$")
_PREFIX_CODES = {"US$": "USD", "C$": "CAD", "A$": "AUD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}


def _unit_regex(exact: bool) -> re.Pattern[str]:
    parts = []
    for surface in SURFACES:
        body = re.escape(surface).replace(r"\ ", _SP + "+")
        if surface[-1:].isalnum():
            body += r"s?(?![\w])"
        parts.append(body)
    return re.compile("|".join(parts), 0 if exact else re.IGNORECASE)


_UNIT_RE = _unit_regex(exact=False)
_DE_RE = re.compile(r"(?:d'|d’|de" + _SP + r"+|des" + _SP + r"+|of" + _SP + r"+)", re.IGNORECASE)

# Looking back from a number: bounds and approximation markers.
_QUALIFIERS: list[tuple[str, re.Pattern[str]]] = [
    ("min", re.compile(r"(?:pas moins d(?:e|'|’)|plus d(?:e|'|’)|au moins|au minimum|au-delà d(?:e|'|’)|"
                       r"supérieure? à|dépass\w* (?:les |la |le )?|excéd\w* (?:les )?|"
                       r"more than|at least|over|upwards of|in excess of|exceeding|above|"
                       r"a minimum of|surpass\w* )\s*$", re.IGNORECASE)),
    ("max", re.compile(r"(?:moins d(?:e|'|’)|jusqu'à|jusqu’à|au plus|au maximum|pas plus d(?:e|'|’)|"
                       r"inférieure? à|pourrai(?:en)?t atteindre (?:les )?|"
                       r"less than|fewer than|up to|at most|no more than|under|below|as many as|"
                       r"a maximum of|could reach )\s*$", re.IGNORECASE)),
    ("approx", re.compile(r"(?:environ|près d(?:e|'|’)|presque|quelque|à peu près|approximativement|"
                          r"autour d(?:e|'|’)|aux alentours d(?:e|'|’)|de l'ordre d(?:e|'|’)|grosso modo|"
                          r"pas loin d(?:e|'|’)|avoisin\w* (?:les )?|estimée?s? à|évaluée?s? à|"
                          r"estim\w+ (?:\w+ ){0,3}à|"
                          r"about|around|roughly|approximately|nearly|almost|some|close to|"
                          r"an estimated|estimated at|estimated|circa|approx\.?|an? approximate)\s*$",
                          re.IGNORECASE)),
]
_BETWEEN = re.compile(r"(?:entre|between)" + _SP + r"+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^" + _SP + r"*(?:-|–|—|à|et|ou|to|and|or)" + _SP + r"*$", re.IGNORECASE)
_CHANGE_VERB = re.compile(r"(?:pass\w*|augment\w*|baiss\w*|grimp\w*|chut\w*|recul\w*|bondi\w*|évolu\w*|"
                          r"rose|rise\w*|fell|fall\w*|grew|grow\w*|increas\w*|decreas\w*|went|go\w*|jump\w*|"
                          r"drop\w*|climb\w*|up|down)" + _SP + r"+(?:\w+" + _SP + r"+){0,2}(?:de|d'|from)"
                          + _SP + r"*$", re.IGNORECASE)
# Words after which a number names something rather than counts it.
_ID_WORDS = frozenset("""
crs ligne lignes quartier sortie sorties route routes rn rd autoroute bus tram tramway article articles
loi n° no numéro page pages chapitre vol porte portes chambre salle lot zone secteur section voie quai
bâtiment escalier étage niveau cellule junction junctions exit exits line lines platform gate room flight
route highway interstate chapter section ward district lane terminal pier dock bay unit apartment appartement
boulevard avenue rue bd
""".split())
_ORDINAL_SUFFIX = re.compile(r"(?:e|er|ère|re|ème|eme|è|nd|nde|rd|th|st|°)(?![\w])", re.IGNORECASE)
_PHONE = re.compile(r"(?<!\d)(?:\+\d{2,3}[ .]?)?0?\d(?:[ .]?\d{2}){4}(?!\d)|(?<!\d)0\d{3}[ ]\d{3}[ ]\d{4}(?!\d)"
                    r"|(?<!\d)\(?\d{3}\)?[ -]\d{3}-\d{4}(?!\d)")
_FRACTIONS = {
    "fr": re.compile(r"\b(?:(la|une) moitié|(un|les deux|deux) tiers)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:(a|one) half|half|(one|two)[- ]thirds?)\b(?=\s+of\b)", re.IGNORECASE),
}
_ARTICLE_NOT_UNIT = re.compile(_SP + r"+(?:année|year)\b", re.IGNORECASE)
_HALF = re.compile(r"^" + _SP + r"+(?:et demie?|and a half)\b", re.IGNORECASE)
_HOUR_MINUTES = re.compile(_SP + r"?h" + _SP + r"?(\d{2})(?!\d)")
_CLOCK_CUE = re.compile(r"(?:\bà|\bvers|\bdès|\bavant|\baprès|\bjusqu'à|\btrain de|\bpeu avant|\bpeu après|"
                        r"\baux alentours de|\bsur le coup de|\bat|\bby|\buntil|\bbefore|\bafter)"
                        + _SP + r"+$", re.IGNORECASE)
_TIME_OF_DAY_UNITS = frozenset({"hour"})
_YEAR_CUE = re.compile(r"(?:\ben|\bde|\bdepuis|\bdès|\bin|\bsince|\bof|\bfin|\bdébut|\bl'an|\bannée|\bpour|"
                       r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
                       r"january|february|march|april|may|june|july|august|september|october|november|december|"
                       r"\bet|\band|\bto|\bà|,|\()" + _SP + r"*$", re.IGNORECASE)
_NOT_YEAR_NEXT = re.compile(_SP + r"*(?:[a-zà-ÿ]{3,})", re.IGNORECASE)


@dataclass(slots=True)
class Mention:
    """A quantity as written: value, unit, qualifier, and the spans of its parts."""

    start: int
    end: int
    value: float
    unit: str = ""
    qualifier: str = "exact"
    high: float | None = None
    num_start: int = 0
    num_end: int = 0

    @property
    def approximate(self) -> bool:
        return self.qualifier != "exact"


_UNIT_GAP = re.compile(r"-(?=[a-z])|" + _SP + r"{0,2}")
_COMPOUND_TAIL = re.compile(r"-(?:old|long|wide|high|tall|deep)\b")


def _match_unit(text: str, pos: int, lang: str, allow_space: bool = True) -> tuple[int, str, float] | None:
    """A unit starting at ``pos`` (after optional space): (end, unit, factor)."""
    m = _UNIT_GAP.match(text, pos) if allow_space else None
    start = m.end() if m else pos
    if start >= len(text):
        return None
    um = _UNIT_RE.match(text, start)
    while um:
        surface = um.group()
        found = lookup(surface, lang)
        if found is not None:
            end = um.end()
            if text[pos:start] == "-":
                compound = _COMPOUND_TAIL.match(text, end)
                end = compound.end() if compound else end
            return end, found.unit, found.factor
        # the longest alternative was not a unit in this language: try shorter ones
        shorter = surface[:-1]
        um = _UNIT_RE.match(text[: start + len(shorter)], start) if shorter else None
    return None


def _multiplier(text: str, atom_end: int, atoms: list[Atom], idx: int, lang: str) -> tuple[int, float, int]:
    """A multiplier after a number ("1,2 million", "£96m"): (end, factor, atoms consumed)."""
    if idx + 1 < len(atoms):
        nxt = atoms[idx + 1]
        gap = text[atom_end:nxt.start]
        word = text[nxt.start:nxt.end].lower()
        if re.fullmatch(_SP + "*", gap) and word in MULTIPLIERS[lang]:
            return nxt.end, MULTIPLIERS[lang][word], 1
    m = re.compile(_SP + r"?").match(text, atom_end)
    am = _ABBREV_RE.match(text, m.end() if m else atom_end)
    if am:
        abbrev = am.group().lower()
        after = text[am.end():am.end() + 2]
        glued = am.start() == atom_end
        # "12 M€" and "3,5 Md€" carry their currency; "£96m" is a multiplier only after a currency
        if after[:1] in "€$£" or abbrev in ("bn", "mn", "md", "mds", "mrd", "mrds") or (glued and abbrev in ("m", "k") and _currency_before(text, atom_end, atoms[idx])):
            return am.end(), _ABBREV_MULT[abbrev], 0
    return atom_end, 1.0, 0


def _currency_before(text: str, _end: int, atom: Atom) -> str | None:
    m = _CURRENCY_PREFIX.search(text[max(0, atom.start - 4):atom.start])
    if not m:
        return None
    return _PREFIX_CODES[m.group().strip(" \u00a0\u202f")]


def _qualifier(text: str, start: int) -> str:
    window = text[max(0, start - 40):start]
    for name, pattern in _QUALIFIERS:
        if pattern.search(window):
            return name
    return "exact"


def _blocked(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w°']+)" + _SP + r"*$", text[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _is_identifier(text: str, atom: Atom, has_unit: bool) -> bool:
    if has_unit or atom.words:
        return False
    before = text[max(0, atom.start - 2):atom.start]
    if re.search(r"[A-Za-zÀ-ÿ]-$", before) or re.search(r"[A-Za-zÀ-ÿ]$", before):
        return True  # Covid-19, A28
    word = _prev_word(text, atom.start)
    if word.lower() in _ID_WORDS:
        return True
    if 2 <= len(word) <= 5 and word.isupper() and word.isalpha():
        return True  # CRS 82, RN 12
    after = text[atom.end:atom.end + 2]
    return bool(re.match(r"[A-Za-z]\d", after))


def _continues_identifier(text: str, atom: Atom, dropped_end: int) -> bool:
    """"sorties 17 et 18", "junctions 10 and 11": the second number names something too."""
    return dropped_end >= 0 and bool(re.fullmatch(_SP + r"*(?:et|and|à|to|ou|or|,|-)" + _SP + r"*", text[dropped_end:atom.start]))


def _is_year(text: str, atom: Atom, has_unit: bool) -> bool:
    if has_unit or atom.words or atom.value != int(atom.value) or not 1800 <= atom.value <= 2100:
        return False
    if not re.fullmatch(r"\d{4}", text[atom.start:atom.end]):
        return False
    if _YEAR_CUE.search(text[max(0, atom.start - 12):atom.start]):
        return True
    return not _NOT_YEAR_NEXT.match(text, atom.end)


def scan(text: str, lang: str = "fr", blocked: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Every quantity in ``text``, in order. ``blocked`` spans (dates, clock times) are skipped."""
    blocked_spans = sorted(blocked) + [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    atoms = find_atoms(text, lang)
    mentions: list[Mention] = []
    dropped_id = -1
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        i += 1
        if atom.ordinal or _blocked(atom.start, blocked_spans):
            continue
        if not atom.words and _ORDINAL_SUFFIX.match(text, atom.end):
            continue
        start, value, qualifier = atom.start, atom.value, "exact"
        end = atom.end
        # "18 h 30", "7h42": a clock time after a cue ("à", "vers"), else a duration ("2 h 15")
        hm = _HOUR_MINUTES.match(text, atom.end) if not atom.words else None
        if hm and _CLOCK_CUE.search(text[max(0, start - 25):start]):
            while i < len(atoms) and atoms[i].start < hm.end():
                i += 1
            continue
        # "une vingtaine", "deux centaines", "a dozen"
        if atom.approx_noun:
            art = re.search(r"\b(une?|a|one)" + _SP + r"+$", text[max(0, atom.start - 5):atom.start], re.IGNORECASE)
            if art is None:
                continue  # "des centaines", "dozens": vague
            start = atom.start - len(art.group())
            qualifier = "approx"
        elif i < len(atoms) and atoms[i].approx_noun and re.fullmatch(_SP + "+", text[atom.end:atoms[i].start]):
            value *= atoms[i].value
            end = atoms[i].end
            qualifier = "approx"
            i += 1
        # multiplier: "1,2 million"; text2num already folded "deux milliards"
        has_multiplier = atom.words and text[start:end].lower().rsplit(" ", 1)[-1] in MULTIPLIERS[lang]
        if not has_multiplier and qualifier == "exact":
            end2, factor, used = _multiplier(text, end, atoms, i - 1, lang)
            if factor != 1.0:
                value *= factor
                end = end2
                i += used
                has_multiplier = True
        # unit: directly, or after "de" for multipliers and approximate nouns ("2,5 millions d'euros")
        unit, unit_factor = "", 1.0
        currency = _currency_before(text, start, atom) if not atom.words else None
        found = _match_unit(text, end, lang)
        if found is None and (has_multiplier or qualifier == "approx"):
            de = _DE_RE.match(text, end + (1 if text[end:end + 1] in " \u00a0\u202f" else 0))
            if de:
                found = _match_unit(text, de.end(), lang, allow_space=False)
        if currency is not None:
            unit = currency
            start -= len(_CURRENCY_PREFIX.search(text[max(0, atom.start - 4):atom.start]).group())
        elif found is not None:
            end, unit, unit_factor = found
            value *= unit_factor
        # the article is a number only before a unit ("un an"), never alone ("un homme")
        if atom.article and qualifier == "exact" and (not unit or _ARTICLE_NOT_UNIT.match(text, atom.end)):
            continue
        if unit == "hour" and _CLOCK_CUE.search(text[max(0, start - 25):start]):
            continue  # "à 21 heures", "vers 23 heures": clock times
        if unit == "hour" and hm:
            value = atom.value + int(hm.group(1)) / 60
            end = hm.end()
            while i < len(atoms) and atoms[i].start < end:
                i += 1
        half = _HALF.match(text, end)
        if half and unit:
            value += 0.5
            end = half.end()
        if not unit and (_is_identifier(text, atom, False) or _continues_identifier(text, atom, dropped_id)):
            dropped_id = atom.end
            continue
        if not unit and not has_multiplier and _is_year(text, atom, False):
            continue
        if qualifier == "exact":
            qualifier = _qualifier(text, start)
        mentions.append(Mention(start, end, value, unit, qualifier, None, atom.start, atom.end))
    mentions.extend(_fractions(text, lang))
    mentions.sort(key=lambda m: m.start)
    return _merge_ranges(text, mentions)


def _fractions(text: str, lang: str) -> list[Mention]:
    out = []
    for m in _FRACTIONS[lang].finditer(text):
        surface = m.group().lower()
        value = 50.0 if ("moitié" in surface or "half" in surface) else (200 / 3 if "deux" in surface or "two" in surface else 100 / 3)
        out.append(Mention(m.start(), m.end(), value, "percent", "exact", None, m.start(), m.end()))
    return out


def _merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """"entre 10 et 15 %", "cinq-six", "18 à 25 ans", "$5 million and $7 million" → one range."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if i + 1 < len(mentions):
            b = mentions[i + 1]
            gap = text[a.end:b.start]
            between = bool(_BETWEEN.search(text[max(0, a.start - 10):a.start]))
            joined = bool(_RANGE_JOIN.match(gap))
            compatible = (not a.unit or a.unit == b.unit) and a.value < b.value
            change = bool(_CHANGE_VERB.search(text[max(0, a.start - 40):a.start]))
            conj = gap.strip(" \u00a0\u202f").lower()
            if joined and compatible and (between or (not a.unit and not change and conj not in ("et", "and"))):
                out.append(Mention(a.start, b.end, a.value if not a.unit or a.unit == b.unit else a.value,
                                   b.unit, "range", b.value, a.num_start, b.num_end))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
