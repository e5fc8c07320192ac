"""From numbers to quantities: multipliers, units, ranges, qualifiers, and what is not a quantity.

``scan(text, lang)`` is the whole surface grammar of a quantity, without any parse:
it is pure, fast, and testable without a spaCy model. The spaCy component adds what
needs syntax (the subject, the predicate) on top of its output.

What is deliberately *not* a quantity, and why:

- calendar dates ("13 décembre", "le 13/12", "May 3", "Oct. 31") and years ("en 2022",
  a bare four-digit number between 1800 and 2100): they locate an event, they do not
  count or measure anything, and comparing them is the dates module's job;
- clock times ("à 21 heures", "18 h 30", "7 p.m.", "10:27"): a point in the day, not a
  duration ("pendant 48 heures" is one);
- identifiers and names ("CRS 82", "ligne 4", "A28", "Covid-19", "iPhone 11", "S&P 500",
  "Section 427", a town's département "Millas (66)"): the number names a thing, two
  different values never contradict;
- phone numbers and numbers inside URLs;
- the base of a rate ("461 pour 100 000 habitants", "5 per 1,000 births"): a convention,
  not a count;
- ordinals ("deuxième", "2e", "3rd"): a rank, not an amount ("trois cinquièmes" is a
  fraction, "un troisième suspect" is an ordinal);
- the bare article ("un homme", "a man") and pronouns ("each one"): it is 1 only before
  a unit of measure ("un an");
- vague plurals ("des centaines", "des dizaines", "thousands of", "tens of"): no value
  can be asserted, so no contradiction can be proved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from factcheck.extract.numbers import Atom, find_atoms, in_range
from factcheck.extract.spans import SpanSet
from factcheck.lang import language_tables
from factcheck.units import CURRENCIES, SURFACES, lookup

_SP = r"[ \u00a0\u202f]"
_SP_OPT = re.compile(_SP + r"?")
_SP_ANY = re.compile(_SP + r"*")
_SP_PLUS = re.compile(_SP + r"+")
_APPROX_GAP = re.compile(_SP + r"+|-")  # "deux centaines", "une demi-douzaine"
_ID_JOIN = re.compile(_SP + r"*(?:et|and|à|to|ou|or|,|-)" + _SP + r"*")

MULTIPLIERS: dict[str, dict[str, float]] = {
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "billion": 1e12, "billions": 1e12, "trillion": 1e18, "trillions": 1e18,
           "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7},
    "en": {"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
           "billions": 1e9, "trillion": 1e12, "trillions": 1e12, "hundred": 1e2, "lakh": 1e5, "crore": 1e7},
}
_MULT_WORD_RE = {
    lang: re.compile(r"(?:" + _SP + r"*|-)(?:(?:de|d'|d’|of)" + _SP + r"+)?(" + "|".join(sorted(words, key=len, reverse=True))
                     + r")(?![\w-])", re.IGNORECASE)
    for lang, words in MULTIPLIERS.items()
}
# "of" / "de" between a number and its multiplier only after a fraction ("quart de million").
_MULT_OF = re.compile(r"(?:de|d'|d’|of)" + _SP, re.IGNORECASE)
# Abbreviated multipliers glued to a number: "£96m", "$1.84bn", "12 Md", "3,5 Mds", "25k", "10M".
_ABBREV_MULT = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
                "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9}
_ABBREV_RE = re.compile(r"(?:k|m|mn|mln|mil|bn|b|tn|Md|Mds|Mrds?)(?![\w€$£])", re.IGNORECASE)
# Currency written before the number: "$5", "US$5", "US $5", "$US5", "HK $3.7", "£96m", "EUR 1000", "cad$ 15".
_CURRENCY_PREFIX = re.compile(
    # "A $45 million" is the article: one-letter prefixes are glued ("A$45"), but for "C $" (French wires)
    r"(?:(?<![\w$])(?:US|HK|NZ|AU|C)" + _SP + r"?\$|(?<![\w$])(?:A|S)\$|(?<![\w$])(?:usd|cad|aud|nzd|hkd|mxn|sgd)\$|"
    r"\$(?:US|A|C|NZ)?|£|€|¥|(?<![\w])(?:PS|RM|Rs\.?|R\$|EUR|USD|GBP|CHF|JPY|CAD|AUD)" + _SP + r"?)" + _SP + r"?$")
_PREFIX_CODES = {"US$": "USD", "C$": "CAD", "A$": "AUD", "AU$": "AUD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD",
                 "$": "USD", "$US": "USD", "$A": "AUD", "$C": "CAD", "$NZ": "NZD", "£": "GBP", "€": "EUR", "¥": "JPY",
                 "PS": "GBP", "RM": "MYR", "RS": "INR", "RS.": "INR", "R$": "BRL",
                 "USD$": "USD", "CAD$": "CAD", "AUD$": "AUD", "NZD$": "NZD", "HKD$": "HKD", "MXN$": "MXN", "SGD$": "SGD",
                 "EUR": "EUR", "USD": "USD", "GBP": "GBP", "CHF": "CHF", "JPY": "JPY", "CAD": "CAD", "AUD": "AUD"}


def _unit_regex(exact: bool) -> re.Pattern[str]:
    parts = []
    for surface in SURFACES:
        body = re.escape(surface).replace(r"\ ", _SP + "+")
        if surface[-1:].isalnum():
            # plural -s only on words: "kms" is not written, "has" is not "hectares"
            body += (r"s?" if len(surface) > 2 else "") + r"(?![\w])"
        parts.append(body)
    return re.compile("|".join(parts), 0 if exact else re.IGNORECASE)


_UNIT_RE = _unit_regex(exact=False)
_DE_RE = re.compile(r"(?:d'|d’|de" + _SP + r"+|des" + _SP + r"+|of" + _SP + r"+)", re.IGNORECASE)

# Looking back from a number: bounds and approximation markers.
_QUALIFIERS: list[tuple[str, re.Pattern[str]]] = [
    ("min", re.compile(r"(?:pas moins d(?:e|'|’)|plus d(?:e|'|’)|au moins(?:\s*,)?|au minimum|au-delà d(?:e|'|’)|"
                       r"supérieure? à|dépass\w* (?:les |la |le )?|excéd\w* (?:les )?|"
                       r"more than|at least(?:\s*,)?|over|upwards of|in excess of|exceeding|above|"
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
_QUALIFIER_ENDS = ("'", "’", ",", ".")  # besides a letter, the last character a qualifier can end on
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
_PHONE = re.compile(r"(?<![\d,.])(?:\+\d{2,3}[ .]?\(?0?\)?\d|0\d)(?:[ .]?\d{2}){4}(?![\d,])|(?<!\d)0\d{3}[ ]\d{3}[ ]\d{4}(?!\d)"
                    r"|(?<!\d)\(?\d{3}\)?[ -]\d{3}-\d{4}(?!\d)|\+\d{1,3}(?:[-. ]\d{2,4}){2,}(?:/\d+)?"
                    r"|(?<![\d,.])0\d{1,3}/\d{2,3}(?:[ .]?\d{2}){2,3}(?![\d,])")  # Belgium: 016/39.80.73
# A bare domain is tried only where a run of non-space characters starts (its leftmost
# match starts there anyway), so a long run is read once, not once per character.
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S+\.(?:com|org|net|fr)/\S*", re.IGNORECASE)
# Dates and clock times (a minimal guard; the dates module passes its own spans as ``blocked``).
_FR_MONTHS = r"(?i:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|avr|juil|sept|oct|nov|déc)\.?"
_EN_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_WEEKDAYS = r"(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE_CLOCK = re.compile(
    r"\b\d{1,2}(?:er|st|nd|rd|th)?" + _SP + r"+(?:of" + _SP + r"+)?(?:" + _FR_MONTHS + "|" + _EN_MONTHS + r")(?![\w])"
    r"|(?<![\w])" + _EN_MONTHS + _SP + r"+\d{1,2}(?:st|nd|rd|th)?(?![\d,.]\d)"
    r"|(?<![\w])" + _WEEKDAYS + _SP + r"+\d{1,2}(?![\d,.]\d)"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])"
    r"|(?:\b(?:le|du|au|depuis|on|since)" + _SP + r"+)\d{1,2}/\d{1,2}(?![\d/])"
    r"|\b(?!(?:1/[2-8]|[1-3]/4|[2-4]/5|[1-7]/8|[1-9]/10|\d{1,2}/16)(?![\d/]))\d{1,2}/\d{1,2}(?![\d/])"
    r"|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?"
    r"|\b(?:1[89]|20)\d{2}-(?:0[1-9]|1[0-2])(?![\d-])"
    r"|\b\d{1,2}[:.h]\d{2}" + _SP + r"?(?:[ap]\.?m\.?|AM|PM)(?![\w])"
    r"|\b\d{1,2}" + _SP + r"?(?:[ap]\.m\.|[ap]m\b|AM\b|PM\b)"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?!\d)"
)
_FRACTIONS = {
    "fr": re.compile(r"\bmoitié\b", re.IGNORECASE),
    "en": re.compile(r"\bhalf\b(?=\s+(?:of|the)\b)", re.IGNORECASE),
}
_CAP_BEFORE = re.compile(r"(\S*)" + _SP + r"+([A-Z][\w&'’-]*)" + _SP + r"*$")
# After the article, "année" is rarely a duration, and "seconde" before a noun is the ordinal
# ("une seconde brigade"); "en une seconde", "une seconde de plus" stay durations.
_ARTICLE_NOT_UNIT = re.compile(_SP + r"+(?:année|year)\b|" + _SP + r"+seconde" + _SP
                               + r"+(?!de\b|d'|d’|à\b|et\b|plus\b|pour\b|près\b|avant\b|après\b)[a-zà-ÿ]",
                               re.IGNORECASE)
# A fraction after a multiplier or a unit: "un million et demi", "cinq milliards et trois quarts", "un an et demi".
_HALF = re.compile(_SP + r"+(?:et" + _SP + r"+(demie?|un" + _SP + r"+quart|trois" + _SP + r"+quarts|un" + _SP
                   + r"+tiers|deux" + _SP + r"+tiers)|and" + _SP + r"+(a" + _SP + r"+half|a" + _SP + r"+quarter))(?![\w])",
                   re.IGNORECASE)
_HALF_VALUES = {"demi": 0.5, "demie": 0.5, "a half": 0.5, "un quart": 0.25, "trois quarts": 0.75, "un tiers": 1 / 3,
                "deux tiers": 2 / 3, "a quarter": 0.25}
_HOUR_MINUTES = re.compile(_SP + r"?h" + _SP + r"?(\d{2})(?!\d)")
_CLOCK_CUE = re.compile(r"(?:\bà|\bvers|\bdès|\bavant|\baprès|\bjusqu'à|\btrain de|\bpeu avant|\bpeu après|"
                        r"\baux alentours de|\bsur le coup de|\bat|\bby|\buntil|\bbefore|\bafter)"
                        + _SP + r"+$", re.IGNORECASE)
_PREV_WORD = re.compile(r"([\w°'&]+)([.!?:;]?)" + _SP + r"*$")
_LETTER_BEFORE = re.compile(r"[A-Za-zÀ-ÿ]-?$")
_LETTER_DIGIT_AFTER = re.compile(r"[A-Za-z]\d")
_UPPER_ID = re.compile(r"[A-Z][A-Z&]{0,4}")
_RANGE_TO_UNIT = re.compile(_SP + r"*(?:-|–|to|à|and|et)" + _SP + r"*\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
_ARTICLE_BEFORE = re.compile(r"\b(une?|a|one)" + _SP + r"+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“«(\r\n]|\b(?:and|or|et|ou))" + _SP + r"*$")
# Angles rather than temperatures: "tourner à 45 degrés", "an angle of 30 degrees".
_ANGLE_CUE = re.compile(r"\b(?:angle|tourn|pivot|virage|incli|pente|rotat|turn|slope|tilt|latitude|longitude)", re.IGNORECASE)
# A rate: "800,000 barrels a day", "400 metres per second", "188 miles à l'heure".
_PER = re.compile(_SP + r"*(?:per|a|an|/|par|à l'|à l’|a l'|a l’)" + _SP + r"*", re.IGNORECASE)
_RATE_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month",
               "year": "year"}
_QUALIFIER_WORD = re.compile(r"About|Around|Some|Nearly|Almost|Over|Under|Roughly|Approximately|Just|Only|At|By|To|From|In|On|With|And|Or|Than|Of|For|Up|Down|Top|Bottom|Plus", re.IGNORECASE)
_PRONOUN_ONE = re.compile(r"\b(?:each|the|same|this|that|every|any|no|which|another|other|only|favourite|favorite|new|old)"
                          + _SP + r"+$", re.IGNORECASE)
# Plural multipliers and nouns of approximate quantity without a number: vague ("thousands of", "des centaines").
_VAGUE = frozenset({"tens", "hundreds", "thousands", "millions", "billions", "dizaines", "centaines", "milliers",
                    "millions", "milliards", "dozens", "scores"})
_CENT_HUNDREDS = re.compile(_SP + r"+cent(?![\w-])", re.IGNORECASE)
_DOLLAR_CENTS = re.compile(_SP + r"+(?:et|and)" + _SP + r"+", re.IGNORECASE)


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
    scale: float = 1.0     # value / the number as written: a multiplier or a unit factor applied

    @property
    def approximate(self) -> bool:
        return self.qualifier != "exact"


_ABBREV_DOT = re.compile(r"\.\w")
_UNIT_GAP = re.compile(r"-(?=[a-zμµ])|" + _SP + r"{0,2}")
_COMPOUND_TAIL = re.compile(r"-(?:old|long|wide|high|tall|deep)\b")


def _match_unit(text: str, pos: int, lang: str, allow_space: bool = True) -> tuple[int, str, float] | None:
    """A unit starting at ``pos`` (after optional space): (end, unit, factor)."""
    m = _UNIT_GAP.match(text, pos) if allow_space else None
    start = m.end() if m else pos
    if start >= len(text):
        return None
    limit = len(text)
    um = _UNIT_RE.match(text, start)
    while um:
        surface = um.group()
        found = lookup(surface, lang)
        if found is not None and len(surface) == 1 and _ABBREV_DOT.match(text, um.end()):
            found = None
        if found is not None:
            end = um.end()
            if text[pos:start] == "-":
                compound = _COMPOUND_TAIL.match(text, end)
                end = compound.end() if compound else end
            return end, found.unit, found.factor
        # the longest alternative was not a unit in this language: try shorter ones
        limit = start + len(surface) - 1
        um = _UNIT_RE.match(text, start, limit) if limit > start else None
    return None


def _multiplier(text: str, end: int, atom: Atom, lang: str) -> tuple[int, float]:
    """A multiplier after a number ("1,2 million", "£96m", "2millions"): (end, factor)."""
    m = _MULT_WORD_RE[lang].match(text, end)
    if m and (atom.fraction or not _MULT_OF.match(text, end + (1 if text[end:end + 1].isspace() else 0))):
        factor = MULTIPLIERS[lang][m.group(1).lower()]
        # "4 hundred million", "deux cent mille" read by digits
        m2 = _MULT_WORD_RE[lang].match(text, m.end())
        if m2 and factor < 1e6 and MULTIPLIERS[lang][m2.group(1).lower()] > factor and not _MULT_OF.match(text, m.end() + 1):
            return m2.end(), factor * MULTIPLIERS[lang][m2.group(1).lower()]
        return m.end(), factor
    if atom.words:
        return end, 1.0
    sp = _SP_OPT.match(text, end)
    am = _ABBREV_RE.match(text, sp.end())
    if am:
        abbrev = am.group()
        low = abbrev.lower()
        after = text[am.end():am.end() + 1]
        glued = am.start() == end
        currency = _currency_before(text, atom) is not None
        if after in ("€", "$", "£"):
            return am.end(), _ABBREV_MULT[low]
        if low in ("bn", "mn", "mln", "md", "mds", "mrd", "mrds", "tn") and (glued or currency or low in ("md", "mds", "mrd", "mrds")):
            return am.end(), _ABBREV_MULT[low]
        if glued and (currency or (abbrev in ("M", "k", "K", "b", "B") and lang == "en") or abbrev in ("M", "b")):
            if low == "mil" and not currency:
                return end, 1.0
            return am.end(), _ABBREV_MULT[low]
    return end, 1.0


def _currency_before(text: str, atom: Atom) -> str | None:
    m = _CURRENCY_PREFIX.search(text, max(0, atom.start - 6), atom.start)
    if not m:
        return None
    key = m.group().replace(" ", "").replace("\u00a0", "").replace("\u202f", "").upper()
    return _PREFIX_CODES.get(key) or _PREFIX_CODES.get(key.rstrip("."))


def _qualifier(text: str, start: int) -> str:
    window = text[max(0, start - 40):start]
    last = window.rstrip()[-1:]
    if not (last.isalpha() or last in _QUALIFIER_ENDS):
        return "exact"  # every qualifier ends on a word, an elision or "au moins,": not read for nothing
    for name, pattern in _QUALIFIERS:
        if pattern.search(window):
            return name
    return "exact"


def _prev_word(text: str, pos: int) -> tuple[str, str]:
    m = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return (m.group(1), m.group(2)) if m else ("", "")


_GROUPED = re.compile(r"\d[ \u00a0\u202f.,]\d{3}(?!\d)")


# "Millas (66)", "Vaulx-en-Velin (69)": a French town and its département's number.
_TOWN_AND_DEPARTEMENT = re.compile(r"[A-ZÀ-Ý][\w'’-]*\s\((?:0[1-9]|[1-8]\d|9[0-5]|97[1-6])\)")


def _is_identifier(text: str, atom: Atom, lang: str) -> bool:
    if atom.words or _GROUPED.search(text, atom.start, atom.end):
        return False  # "l'Italie 115 900": thousands groups make a quantity, never a name
    if lang == "fr" and text[atom.start - 1:atom.start] == "(" and text[atom.end:atom.end + 1] == ")":
        m = _TOWN_AND_DEPARTEMENT.search(text, max(0, atom.start - 40), atom.end + 1)
        if m and m.end() == atom.end + 1:
            return True
    before = text[max(0, atom.start - 2):atom.start]
    if _LETTER_BEFORE.search(before):
        return True  # Covid-19, A28
    word, punct = _prev_word(text, atom.start)
    if word.lower() in _ID_WORDS:
        return True
    if not punct and _UPPER_ID.fullmatch(word) and len(word) >= 1 and (len(word) >= 2 or lang == "en"):
        return True  # CRS 82, RN 12, S&P 500
    if lang == "en" and not punct and word[:1].isupper():
        cap = _CAP_BEFORE.search(text, max(0, atom.start - 40), atom.start)
        if cap and cap.group(1) and cap.group(1)[-1] not in ".!?:;\"“«(" and not _QUALIFIER_WORD.fullmatch(word):
            return True  # Section 427, Game 2, Apple Watch 5: a capitalised name inside a sentence
    bare = re.split(r"['’]", word)[-1]  # "l'Italie 4" is not "iPhone 11"
    if bare[:1].islower() and any(c.isupper() for c in bare[1:]) and not punct:
        return True  # iPhone 11
    return bool(_LETTER_DIGIT_AFTER.match(text, atom.end))


def _continues_identifier(text: str, atom: Atom, dropped_end: int) -> bool:
    """"sorties 17 et 18", "junctions 10 and 11": the second number names something too."""
    return dropped_end >= 0 and bool(_ID_JOIN.fullmatch(text, dropped_end, atom.start))


def _is_year(text: str, atom: Atom) -> bool:
    if atom.words or atom.value != int(atom.value) or not 1800 <= atom.value <= 2100:
        return False
    if not _FOUR_DIGITS.fullmatch(text, atom.start, atom.end):
        return False
    return True


# The page around an article, not the article: "Temps de lecture : 4 min", "5-min read"
# (each language's ``page_furniture`` in its extract.yaml).
# The base of a rate ("461 pour 100 000 habitants", "5 per 1,000 births", "520/100 000"):
# a conventional power of ten after another figure, not a count of anything. After a
# slash, only a figure of two digits or more has a base: "1/1000" is a fraction.
_THOUSANDS = r"1(?:0{0,2})(?:(?:" + _SP + r"|[.,])?000)+(?!\d|[.,]\d)"
_RATE_BASE = re.compile(r"(?<=\d)" + _SP + r"*(?:(?:pour|per)" + _SP + r"+(?P<base>" + _THOUSANDS + r"|100(?!\d|[.,]\d))"
                        r"|(?<=\d\d)/(?P<slash>" + _THOUSANDS + r"))", re.IGNORECASE)  # 1/1000 is a fraction
_FURNITURE = {lang: re.compile("|".join(t["page_furniture"]), re.IGNORECASE)
              for lang, t in language_tables("extract.yaml").items() if t.get("page_furniture")}


def _guards(text: str, blocked: Iterable[tuple[int, int]], lang: str) -> SpanSet:
    spans = list(blocked)
    furniture = _FURNITURE.get(lang)
    for pattern in (_PHONE, _URL, _DATE_CLOCK, *((furniture,) if furniture is not None else ())):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    spans.extend(m.span(m.lastgroup) for m in _RATE_BASE.finditer(text))
    return SpanSet(spans)


def scan(text: str, lang: str = "fr", blocked: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Every quantity in ``text``, in order. ``blocked`` spans (dates, clock times) are skipped."""
    blocked_spans = _guards(text, blocked, lang)
    atoms = find_atoms(text, lang)
    mentions: list[Mention] = []
    dropped_id = -1
    consumed = -1
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        i += 1
        if atom.start < consumed or atom.ordinal or blocked_spans.covers(atom.start) \
                or blocked_spans.covers(atom.end - 1):
            continue
        if not atom.words and not atom.fraction and _ORDINAL_SUFFIX.match(text, atom.end):
            continue
        start, value, qualifier = atom.start, atom.value, "exact"
        end = atom.end
        # "18 h 30", "7h42": a clock time after a cue ("à", "vers"), else a duration ("2 h 15")
        hm = _HOUR_MINUTES.match(text, atom.end) if not atom.words else None
        if hm and _CLOCK_CUE.search(text, max(0, start - 25), start):
            consumed = hm.end()
            continue
        surface = text[atom.start:atom.end]
        # "une vingtaine", "deux centaines", "a dozen"
        if atom.approx_noun:
            art = _ARTICLE_BEFORE.search(text, max(0, atom.start - 5), atom.start)
            if art is None:
                continue  # "des centaines", "dozens": vague
            start = art.start()
            qualifier = "approx"
        elif atom.words and surface.lower() in _VAGUE:
            continue  # "thousands of", "des milliers"
        elif i < len(atoms) and atoms[i].approx_noun and _APPROX_GAP.fullmatch(text, atom.end, atoms[i].start):
            value *= atoms[i].value
            end = atoms[i].end
            qualifier = "approx"
            i += 1
        # multiplier: "1,2 million"; text2num already folded "deux milliards"
        has_multiplier = atom.words and surface.lower().rsplit(" ", 1)[-1] in MULTIPLIERS[lang]
        factor = 1.0
        if qualifier == "exact":
            end2, factor = _multiplier(text, end, atom, lang)
            if factor != 1.0:
                value *= factor
                end = end2
                has_multiplier = True
        if lang == "fr" and not atom.words and not has_multiplier:
            ch = _CENT_HUNDREDS.match(text, end)
            if ch:  # "322 cent", "3 cent un": hundreds, as in "trois cent un"
                value *= 100
                end = ch.end()
                nxt = atoms[i] if i < len(atoms) and atoms[i].start <= end + 1 else None
                if nxt is not None and nxt.words and nxt.start >= end:
                    value += nxt.value
                    end = nxt.end
                has_multiplier = True
        if has_multiplier:
            half = _HALF.match(text, end)
            if half:
                value += _HALF_VALUES[" ".join((half.group(1) or half.group(2)).lower().split())] * (factor if factor != 1.0 else 1e6)
                end = half.end()
        # unit: directly, or after "de" for multipliers and approximate nouns ("2,5 millions d'euros")
        unit, unit_factor = "", 1.0
        currency = _currency_before(text, atom) if not atom.words else None
        found = _match_unit(text, end, lang)
        if found is None and (has_multiplier or qualifier == "approx" or atom.fraction):
            de = _DE_RE.match(text, end + (1 if text[end:end + 1] in " \u00a0\u202f" else 0))
            if de:
                found = _match_unit(text, de.end(), lang, allow_space=False)
        if currency is not None:
            unit = currency
            start = _CURRENCY_PREFIX.search(text, max(0, atom.start - 6), atom.start).start()
            if found is not None and found[1] in CURRENCIES:  # "$ 5 US", "15 $ c"
                end = found[0]
        elif found is not None and atom.words and found[2] == 0.01 and found[1] == "USD" \
                and (atom.value >= 100 or not text[end:found[0]].rstrip().lower().endswith("cents")):
            found = None  # "deux cent", "trois cents" are numbers, not money
        if currency is None and found is not None:
            end, unit, unit_factor = found
            if unit == "pound" and has_multiplier and lang == "fr":
                unit = "GBP"  # "361 millions de livres" is money
            elif unit == "degree_Celsius" and lang == "fr" and _ANGLE_CUE.search(text, max(0, start - 60), start) \
                    and text[start:end].lower().rstrip("s").endswith("degré"):
                unit = "degree"
            elif unit == "degree" and lang == "en" and not _ANGLE_CUE.search(text, max(0, start - 60), end + 30):
                unit = "degree"
            value *= unit_factor
            # a rate: "800,000 barrels a day", "188 miles à l'heure"
            if unit and unit not in CURRENCIES and unit != "percent":
                per = _PER.match(text, end)
                if per:
                    rate = _match_unit(text, per.end(), lang, allow_space=False)
                    if rate is not None and rate[1] in _RATE_UNITS and (lang == "en" or rate[1] == "hour"):
                        unit = f"{unit} / {rate[1]}"
                        end = rate[0]
        # "15 dollars et 15 cents", "treize euros et quarante-cinq cents", "15 dollars 50"
        if unit in CURRENCIES and not has_multiplier and i < len(atoms):
            nxt = atoms[i]
            gap = text[end:nxt.start]
            if unit_factor == 1.0 and not nxt.article and not nxt.fraction \
                    and (_DOLLAR_CENTS.fullmatch(gap) or (_SP_PLUS.fullmatch(gap) and not nxt.words)) \
                    and nxt.value == int(nxt.value) and 0 < nxt.value < 100:
                sub = _match_unit(text, nxt.end, lang)
                if sub is not None and sub[1] == unit and sub[2] == 0.01:
                    value += nxt.value / 100
                    end = sub[0]
                    i += 1
                elif sub is None and (gap.strip() == "" or text[nxt.end:nxt.end + 1] in ".,;" ):
                    value += nxt.value / 100
                    end = nxt.end
                    i += 1
        if atom.fraction and not unit and not has_multiplier and qualifier == "exact" \
                and (atom.bare or text[atom.end:atom.end + 1] == "-"):
            continue  # "demi-finale", "une demi-journée" without a unit we know
        # the article is a number only before a unit ("un an"), never alone ("un homme")
        if atom.article and qualifier == "exact" and (not unit or _ARTICLE_NOT_UNIT.match(text, atom.end)):
            continue
        if lang == "en" and atom.words and surface.lower() == "one" and not unit and _PRONOUN_ONE.search(text, max(0, start - 12), start):
            continue  # "each one", "the same one"
        if unit == "hour" and _CLOCK_CUE.search(text, max(0, start - 25), start):
            continue  # "à 21 heures", "vers 23 heures": clock times
        if unit == "hour" and hm:
            value = atom.value + int(hm.group(1)) / 60
            end = hm.end()
        if unit and not has_multiplier:
            half = _HALF.match(text, end)
            if half:
                value += _HALF_VALUES[" ".join((half.group(1) or half.group(2)).lower().split())]
                end = half.end()
        if not unit and not has_multiplier and (_is_identifier(text, atom, lang) or _continues_identifier(text, atom, dropped_id)):
            dropped_id = atom.end
            continue
        if not unit and not has_multiplier and _is_year(text, atom):
            continue
        if not in_range(value):
            continue  # "1e99 milliards": beyond what can be computed with, so not a claim
        if qualifier == "exact":
            qualifier = _qualifier(text, start)
        consumed = end
        mentions.append(Mention(start, end, value, unit, qualifier, None, atom.start, atom.end,
                                value / atom.value if atom.value else 1.0))
    taken = SpanSet((m.start, m.end) for m in mentions)
    mentions.extend(m for m in _fractions(text, lang) if not taken.overlaps(m.start, m.end))
    mentions.sort(key=lambda m: m.start)
    return _ages(text, _share_scale(text, _merge_ranges(text, mentions)))


def _fractions(text: str, lang: str) -> list[Mention]:
    out = []
    for m in _FRACTIONS[lang].finditer(text):
        value = 0.5
        out.append(Mention(m.start(), m.end(), value, "", "exact", None, m.start(), m.end()))
    return out


_SHARED_GAP = re.compile(_SP + r"*(?:,|-|–|à|et|ou|to|and|or)" + _SP + r"*(?:(?:plus|moins|près)" + _SP
                         + r"+d[e'’]" + _SP + r"*|(?:more|less|fewer)" + _SP + r"+than" + _SP + r"+|nearly" + _SP
                         + r"+|almost" + _SP + r"+|about" + _SP + r"+|over" + _SP + r"+)?", re.IGNORECASE)


def _times(value: float, scale: float) -> float:
    """``value * scale`` without binary noise (1,1 × 10⁶ is 1 100 000, not 1 100 000.0000000002)."""
    return float(f"{value * scale:.12g}")


def _share_scale(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare number coordinated with the next one takes its unit and multiplier:
    "de 1,27 à plus de 2,5 millions" is 1,27 million, "de 27 et 28 ans" two ages,
    "$5 and $7 million" five million dollars. Right to left, so lists chain ("10, 20 et 30 %")."""
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        if a.scale != 1.0 or a.end != a.num_end or a.qualifier == "range" or not b.value:
            continue
        if not _SHARED_GAP.fullmatch(text, a.end, b.start):
            continue
        if b.scale >= 1000 and a.value > b.value / b.scale:
            continue  # "entre 800 000 et 1,1 million": the first is written in full
        if a.unit in ("", b.unit) and (b.unit or b.scale >= 1000):
            mentions[i] = replace(a, unit=b.unit, value=_times(a.value, b.scale), scale=b.scale)
    return mentions


_AGED = re.compile(r"\b(?:aged|ages|âgée?s?\s+de)" + _SP + r"+(?:between" + _SP + r"+|entre" + _SP + r"+)?$",
                   re.IGNORECASE)


def _ages(text: str, mentions: list[Mention]) -> list[Mention]:
    """"children aged 5 to 19": a bare number after "aged" is an age in years."""
    return [replace(m, unit="year") if not m.unit and _AGED.search(text, max(0, m.start - 20), m.start) else m
            for m in mentions]


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
                low = a.value
                if a.unit in ("", b.unit) and a.scale == 1.0 and b.scale >= 1000 and a.value <= b.value / b.scale:
                    low = _times(a.value, b.scale)  # "entre 1 et 1,2 million": one million
                out.append(Mention(a.start, b.end, low, b.unit, "range", b.value, a.num_start, b.num_end,
                                   b.scale))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
