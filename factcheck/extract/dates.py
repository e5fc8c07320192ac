"""Time expressions in press text: calendar days, months, years, clock times, periods.

Regex-only on purpose: it runs on every article, before and without spaCy. It serves
two consumers. The quantity extractor must not read "13 décembre", "en 2022" or
"à 21 heures" as quantities, so ``blocked_spans`` tells it where calendar numbers are.
The rules need to know which day a claim is about ("mercredi 13 décembre", "hier")
and over which window it is counted ("depuis deux ans", "over the past year"), and
whether a written weekday matches its date (a frequent, checkable slip).

Partial dates ("13 décembre", "mardi", "il y a neuf ans") are resolved against the
publication date (``anchor``); without one they keep their kind and span but no date.
"""

from __future__ import annotations

import bisect
import dataclasses
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from text_to_num import text2num

from factcheck.extract.numbers import MAX_DIGITS, in_range

__all__ = ["TimeMention", "find_times", "blocked_spans", "named_weekday", "BLOCKING_KINDS", "NAMES_A_MONTH_OR_WEEK"]


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression, with offsets into the text it was found in.

    ``kind`` is one of "date" (a calendar day), "week" (a week of a month or year: la
    dernière semaine de décembre, the first week of May, semaine 52), "month", "year",
    "clock" (a time of day), "relative_day" (hier, mardi dernier, last Tuesday), "period"
    (depuis deux ans, over the past year) or "ago" (il y a un an, two years ago).
    """

    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None = None
    date_end: dt.date | None = None
    stated_weekday: int | None = None
    weekday_ok: bool | None = None
    days: float | None = None


#: Kinds whose numbers locate a moment and so are not quantities.
BLOCKING_KINDS = frozenset({"date", "week", "month", "year", "clock", "relative_day"})

# --------------------------------------------------------------------------- words

_FR_WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_FR_MONTHS_FULL = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
# Abbreviations only with their dot, and only next to a day number: "sept" is also seven.
_FR_MONTHS_ABBR = {
    "janv": 1, "jan": 1, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7,
    "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12,
}
_EN_MONTHS_FULL = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_EN_MONTHS_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

_DAYS_PER_YEAR = 365.25
_DAYS_PER_MONTH = _DAYS_PER_YEAR / 12

# unit word → (length in days, length in months when it is a calendar unit)
_FR_UNITS: dict[str, tuple[float, int | None]] = {
    "seconde": (1 / 86400, None), "minute": (1 / 1440, None), "min": (1 / 1440, None),
    "heure": (1 / 24, None), "h": (1 / 24, None), "jour": (1.0, None), "journée": (1.0, None),
    "semaine": (7.0, None), "mois": (_DAYS_PER_MONTH, 1), "an": (_DAYS_PER_YEAR, 12),
    "année": (_DAYS_PER_YEAR, 12), "trimestre": (3 * _DAYS_PER_MONTH, 3),
    "semestre": (6 * _DAYS_PER_MONTH, 6), "décennie": (10 * _DAYS_PER_YEAR, 120),
    "decennie": (10 * _DAYS_PER_YEAR, 120), "siècle": (100 * _DAYS_PER_YEAR, 1200),
    "siecle": (100 * _DAYS_PER_YEAR, 1200),
}
_EN_UNITS: dict[str, tuple[float, int | None]] = {
    "second": (1 / 86400, None), "minute": (1 / 1440, None), "hour": (1 / 24, None),
    "day": (1.0, None), "week": (7.0, None), "fortnight": (14.0, None),
    "month": (_DAYS_PER_MONTH, 1), "year": (_DAYS_PER_YEAR, 12),
    "decade": (10 * _DAYS_PER_YEAR, 120), "century": (100 * _DAYS_PER_YEAR, 1200),
}
_APPROX_NOUNS = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
}
_EN_SMALL = {
    "a": 1, "an": 1, "one": 1, "a couple of": 2, "a dozen": 12, "half a": 0.5, "half an": 0.5,
}
_EN_VAGUE = {"a few", "few", "several", "some", "many", "dozens of", "a number of"}
_FR_VAGUE = {"quelques", "plusieurs", "des", "de nombreux", "de nombreuses", "nombreux", "nombreuses"}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that "avant-hier" beats "hier"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_AP = r"['’]"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_YEAR_END = r"(?!\d|[.,]\d)"
_FR_WD = _alt(_FR_WEEKDAYS)
_EN_WD = _alt(_EN_WEEKDAYS)
_FR_MONTH_FULL = rf"(?:{_alt(_FR_MONTHS_FULL)})\b"
_FR_MONTH_ANY = rf"(?:(?:{_alt(_FR_MONTHS_FULL)})\b|(?:{_alt(_FR_MONTHS_ABBR)})\.)"
_EN_MONTH_FULL = rf"(?:{_alt(_EN_MONTHS_FULL)})\b"
_EN_MONTH_ANY = rf"(?:(?:{_alt(_EN_MONTHS_FULL)})\b|(?:{_alt(_EN_MONTHS_ABBR)})\b\.?)"
# A month or a week named in full, in French or English: a text naming none holds no month,
# week or date for ``find_times`` to read, and callers on a hot path may skip it.
NAMES_A_MONTH_OR_WEEK = re.compile(rf"\b(?:{_alt(_FR_MONTHS_FULL)}|{_alt(_EN_MONTHS_FULL)}|semaines?|weeks?)\b",
                                   re.IGNORECASE)
_FR_DAY = r"(?P<day>1er|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
_EN_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"

_FR_NUMWORD = (
    r"(?:zéro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    r"quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille)"
)
_FR_NUM = rf"{_FR_NUMWORD}(?:[\s-]+(?:et[\s-]+(?=(?:une?|onze)\b))?{_FR_NUMWORD}){{0,6}}\b"
_EN_NUMWORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand)"
)
_EN_NUM = rf"{_EN_NUMWORD}(?:[\s-]+(?:and\s+)?{_EN_NUMWORD}){{0,6}}\b"
_DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:[\u00a0\u202f ]\d{3})+|\d+)(?:[.,]\d+)?(?!\d)"

_FR_UNIT_WORDS = (
    r"ans?|années?|mois|jours?|journées?|semaines?|trimestres?|semestres?|décennies?|"
    r"decennies?|siècles?|siecles?|minutes?|min|secondes"  # not "une seconde": an ordinal
)
_EN_UNIT_WORDS = r"years?|months?|weeks?|days?|hours?|minutes?|seconds|decades?|centur(?:y|ies)|fortnights?"

# --------------------------------------------------------------------------- regexes

# Every pattern is lower case and runs on the lower-cased text (see _lower): case-folding
# alternations in the regex engine costs about three times as much.

# "mercredi 13 décembre 2023", "1er janvier", "le 5 mars 2024"
_FR_DATE = re.compile(
    rf"\b(?:(?P<wd>{_FR_WD})\s+)?{_FR_DAY}\s*(?:-\s*)?(?P<month>{_FR_MONTH_ANY})"
    rf"(?:\s+(?P<year>{_YEAR}){_YEAR_END}|\s+(?P<rel>dernier|passé|prochain)\b)?")
# the first day of "du 3 au 5 mars", "les 3 et 4 mars", "3-5 mars"
_FR_DAY_RANGE = re.compile(
    rf"\b{_FR_DAY}(?:\s+(?:au|et|à)\s+|\s*[-–]\s*)"
    rf"(?=(?:1er|[12]\d|3[01]|0?[1-9])(?!\d)\s*(?P<month>{_FR_MONTH_ANY})(?:\s+(?P<year>{_YEAR}){_YEAR_END})?)")
# "mardi 12" (no month): resolved to the nearest month whose 12th is that weekday
_FR_WD_DAY = re.compile(
    rf"\b(?P<wd>{_FR_WD})\s+{_FR_DAY}"
    r"(?=\s*(?:[,.;:!?)\]»\"]|$)|\s+(?:au|à|et|dans|de|en|soir|matin|midi|après-midi)\b)")
# "Tuesday, March 12, 2024", "March 12", "Oct. 31", "March 12-14"
_EN_DATE_MD = re.compile(
    rf"\b(?:(?P<wd>{_EN_WD})\.?,?\s+)?(?P<month>{_EN_MONTH_ANY})\s+{_EN_DAY}"
    r"(?:(?:\s*[-–]\s*|\s+(?:and|to|through)\s+)(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d))?"
    rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?")
# "12 March 2024", "Tuesday 12 March", "the 12th of March"
_EN_DATE_DM = re.compile(
    rf"\b(?:(?P<wd>{_EN_WD})\.?,?\s+)?(?:the\s+)?{_EN_DAY}\s+(?:of\s+)?(?P<month>{_EN_MONTH_ANY})"
    rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?")
# "13/12/2023", "13.12.2023", "13-12-23"
_NUM_DATE_Y = re.compile(
    rf"(?<![\d/.,-])(?:(?P<wd>{_FR_WD}|{_EN_WD}),?\s+)?"
    r"(?P<a>[12]\d|3[01]|0?[1-9])(?P<sep>[/.-])(?P<b>[12]\d|3[01]|0?[1-9])"
    r"(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/]|[.,]\d)")
# "le 13/12", "13/12"
_NUM_DATE = re.compile(
    rf"(?:\b(?P<cue>le|du|au|dès\s+le|depuis\s+le|jusqu{_AP}au|avant\s+le|après\s+le|ce|(?P<wd>{_FR_WD}))\s+)?"
    r"(?<![\d/.,])(?P<a>[12]\d|3[01]|0?[1-9])/(?P<b>1[0-2]|0?[1-9])(?![\d/]|[.,]\d)")
# "2023-12-13"
_ISO_DATE = re.compile(rf"(?<![\d-])(?P<year>{_YEAR})-(?P<b>0[1-9]|1[0-2])-(?P<a>0[1-9]|[12]\d|3[01])(?![\d-])")

# "en janvier", "janvier 1995", "janvier dernier", "mi-mars"
_FR_MONTH = re.compile(
    r"\b(?:(?P<cue>en|de|d['’]|dès|depuis|début|fin|mi-|courant|jusqu['’]en|jusqu['’]à|d['’]ici|"
    r"avant|après|entre|et|ou|à|au\s+mois\s+d(?:e|['’])|le\s+mois\s+d(?:e|['’])|à\s+partir\s+de|"
    r"à\s+compter\s+de)(?:\s+|(?<=[-'’])))?"
    rf"(?P<month>{_FR_MONTH_FULL})"
    rf"(?:\s+(?P<year>{_YEAR}){_YEAR_END}|\s+(?P<rel>dernier|prochain|passé)\b)?")
_EN_MONTH = re.compile(
    r"\b(?:(?P<cue>in|since|until|till|by|from|to|through|early|late|mid-|last|next|this|between|"
    r"before|after|during|of|and|or)(?:\s+|(?<=-)))?"
    rf"(?P<month>{_EN_MONTH_FULL})(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?")
# "May" is also a modal verb and a name: only these cues make it a month
_EN_MAY_CUES = {
    "in", "since", "until", "till", "early", "late", "mid-", "last", "next", "this", "during",
    "through", "before", "after",
}

# "la dernière semaine de décembre", "la première semaine de 2017", "the last week of May"
_FR_WEEK_ORD = {
    "première": 1, "premiere": 1, "1re": 1, "1ère": 1, "1ere": 1, "deuxième": 2, "deuxieme": 2,
    "2e": 2, "2ème": 2, "seconde": 2, "troisième": 3, "troisieme": 3, "3e": 3, "3ème": 3,
    "quatrième": 4, "quatrieme": 4, "4e": 4, "4ème": 4, "cinquième": 5, "cinquieme": 5, "5e": 5,
    "5ème": 5, "dernière": -1, "derniere": -1,
}
_EN_WEEK_ORD = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "last": -1, "final": -1,
}
_FR_WEEK_OF = re.compile(
    rf"\b(?P<ord>{_alt(_FR_WEEK_ORD)})\s+semaine\s+(?:de\s+|d{_AP}\s*)"
    rf"(?:(?:l{_AP}(?:année|an)\s+)?(?P<year0>{_YEAR}){_YEAR_END}|(?P<month>{_FR_MONTH_FULL})"
    rf"(?:\s+(?P<year>{_YEAR}){_YEAR_END})?)")
_EN_WEEK_OF = re.compile(
    rf"\b(?P<ord>{_alt(_EN_WEEK_ORD)})\s+week\s+of\s+(?:(?:the\s+year\s+)?(?P<year0>{_YEAR}){_YEAR_END}|"
    rf"(?P<month>{_EN_MONTH_FULL})(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?)")
# numbered weeks of the year, as health agencies count them: "en semaine 52", "in week 3 of
# 2017"; not "la semaine 3 du procès", a week of something else
_FR_ISO_WEEK = re.compile(
    r"\b(?:en|la|de\s+la|lors\s+de\s+la|pendant\s+la|pour\s+la|durant\s+la|au\s+cours\s+de\s+la)\s+"
    r"(?P<w>semaine\s+(?:n°\s*)?(?P<iso>5[0-3]|[1-4]\d|0?[1-9])(?!\d|[.,]\d))"
    rf"(?:\s+(?:de\s+|d{_AP}\s*)?(?P<year>{_YEAR}){_YEAR_END})?(?!\s+(?:de|du|des|d{_AP})\b)")
_EN_ISO_WEEK = re.compile(
    r"\b(?:in|during|for|by)\s+(?P<w>week\s+(?:no\.?\s*)?(?P<iso>5[0-3]|[1-4]\d|0?[1-9])(?!\d|[.,]\d))"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR}){_YEAR_END})?(?!\s+of\b)")

# "en 2022", "de 2015 à 2021", "depuis 2019", "les années 1990"
_FR_YEAR_CUES = (
    r"en|depuis|dès|jusqu['’]en|jusqu['’]à|d['’]ici|avant|après|l['’]an|l['’]année|années?|fin|"
    r"début|mi-|courant|printemps|été|automne|hiver|saison|horizon|de|entre|à\s+partir\s+de|"
    r"à\s+compter\s+de|au\s+cours\s+de|pour|exercice"
)
_EN_YEAR_CUES = (
    r"in|since|by|until|till|before|after|from|between|through|during|early|late|mid-|spring|"
    r"summer|autumn|fall|winter|the\s+year|year|of|for|season|fiscal"
)
_YEAR_CHAIN = rf"(?:\s*(?:,|et|ou|à|au|and|or|to|through|-|–)\s*{_YEAR}(?!\d|[.,]\d)){{0,8}}"
_FR_YEAR = re.compile(
    rf"\b(?P<cue>{_FR_YEAR_CUES})(?:\s+|(?<=[-'’]))(?P<year>{_YEAR})(?!\d|[.,]\d)(?P<chain>{_YEAR_CHAIN})")
_EN_YEAR = re.compile(
    rf"\b(?P<cue>{_EN_YEAR_CUES})(?:\s+|(?<=-))(?:the\s+)?(?P<year>{_YEAR})(?P<s>['’]?s\b)?(?!\d|[.,]\d)"
    rf"(?P<chain>{_YEAR_CHAIN})")
_YEAR_IN_CHAIN = re.compile(_YEAR)
# "2023-2024", "2023/24": seasons and ranges
_YEAR_RANGE = re.compile(rf"(?<![\w.,/-])(?P<year>{_YEAR})\s*[-–/]\s*(?P<y2>{_YEAR}|\d\d)(?![\w/-]|[.,]\d)")
# "the 1990s"
_DECADE = re.compile(r"(?<![\w.,])(?P<year>1[89]\d0|20\d0)['’]?s\b")
# a decade by its two digits: "les années 80", "the '80s" (not "in their 80s", an age)
_FR_SHORT_DECADE = re.compile(r"\bann[ée]es\s+(?P<yy>[1-9]0)(?![\d%]|[.,]\d|\s*%)")
_EN_SHORT_DECADE = re.compile(r"\bthe\s+['’]?(?P<yy>[1-9]0)['’]?s\b")
# "(2019)", "Le Monde, 2023." — a bare year where nothing makes it a count
_BARE_YEAR = re.compile(rf"(?<![\w.,/-])(?P<year>{_YEAR})(?!\d|[.,]\d)(?=\s*(?:[.;!?)\]»\"]|,(?!\d)|$))")
_QUANTITY_WORD_BEFORE = re.compile(
    r"(?:\b(?:de|d|à|a|sur|plus|moins|environ|quelque|près|soit|total|of|than|to|about|around|"
    r"nearly|some|over|under|almost|by|up|jusqu['’]à|et|and|or|ou)|[-+×x*/=<>≈~$€£])\s*['’]?\s*$")
_YEAR_THEN_UNIT = re.compile(
    r"\s*(?:%|‰|€|\$|£|¥|(?:k|m|md|mds)?€|(?:euros?|dollars?|francs?|livres?|pounds?|yens?|"
    r"personnes?|people|habitants?|salariés?|emplois?|jobs?|employés?|employees?|morts?|"
    r"victimes?|blessés?|km|kilomètres?|kilometres?|miles?|mètres?|meters?|metres?|kg|kilos?|"
    r"tonnes?|tons?|litres?|liters?|hectares?|ha|m2|m²|mots?|words?|pages?|exemplaires?|"
    r"copies|voitures?|cars?|logements?|homes?|points?|fois|times|ans|years?|mois|months?|"
    r"jours?|days?|heures?|hours?|minutes?|unités?|units?)\b)")
_COUNT_BEFORE_DE = re.compile(
    r"\b(?:plus|moins|près|autour|environ|hausse|baisse|augmentation|diminution|total|totale|"
    r"somme|montant|nombre|chiffre|bilan|more|less|fewer|rise|increase|drop|fall|decline|"
    r"sum|number|count|amount|toll)\s*$")
_FR_YEAR_FOLLOW_OK = re.compile(
    r"\s*(?:[,.;:!?)»\]\"]|$|(?:le|la|les|l['’]|un|une|des|du|a|ont|est|sont|était|avait|"
    r"avaient|étaient|fut|qui|que|qu['’]|où|dans|en|pour|par|sur|avec|ne|n['’]|se|s['’]|il|"
    r"elle|ils|elles|on|ce|cette|lors|puis|mais|contre|the|a|an|was|were|had|has|have|which|"
    r"that|when|in|for|with|by|on|at|is|are)\b)")

# "hier", "avant-hier", "aujourd'hui", "ce soir"
_FR_REL_DAY = re.compile(
    rf"\b(?:(?P<word>avant-hier|après-demain|hier|aujourd{_AP}hui|demain)"
    r"(?:\s+(?:matin|midi|après-midi|soir))?|(?P<this>ce\s+(?:matin|midi|soir)|cet\s+après-midi|cette\s+nuit))\b")
_EN_REL_DAY = re.compile(
    r"\b(?:(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
    r"tomorrow|tonight|last\s+night)(?:\s+(?:morning|afternoon|evening))?|"
    r"(?P<this>this\s+(?:morning|afternoon|evening)))\b")
_FR_REL_WORDS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2}
_EN_REL_WORDS = {
    "the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "last night": -1,
    "tomorrow": 1, "the day after tomorrow": 2,
}

# "mardi", "mardi dernier", "ce mardi", "last Tuesday"
_FR_WEEKDAY = re.compile(
    rf"\b(?:(?P<rel1>ce)\s+)?(?P<wd>{_FR_WD})(?:\s+(?:matin|midi|après-midi|soir))?"
    r"(?:\s+(?P<rel>dernier|prochain|passé))?\b")
_EN_WEEKDAY = re.compile(
    rf"\b(?:(?P<rel1>last|next|this|past|on)\s+)?(?P<wd>{_EN_WD})(?:\s+(?:morning|afternoon|evening|night))?\b")

# "l'an dernier", "le mois dernier", "cette année", "last year"
_FR_CAL_REL = re.compile(
    rf"\b(?:l{_AP}an(?:née)?\s+(?P<y>dernière|dernier|passée|passé|prochaine|prochain)|"
    r"(?P<y0>cette\s+année)(?:-ci)?|"
    r"le\s+mois\s+(?P<m>dernier|passé|prochain)|(?P<m0>ce\s+mois)(?:-ci)?|"
    r"la\s+semaine\s+(?P<w>dernière|passée|prochaine)|(?P<w0>cette\s+semaine))\b")
_EN_CAL_REL = re.compile(r"\b(?P<rel>last|this|next)\s+(?P<unit>year|month|week)\b")
# "depuis le début de l'année", "since the start of the year", "so far this year"
_SINCE_START = re.compile(
    rf"\b(?:(?:depuis|dès)\s+(?:le\s+)?début\s+(?:(?P<y>de\s+l{_AP}année|d{_AP}année)|"
    r"(?P<m>du\s+mois(?!\s+d(?:e\s|['’])))|"
    r"(?P<w>de\s+la\s+semaine))|since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?(?:(?P<y2>year)|"
    r"(?P<m2>month)|(?P<w2>week))|(?P<y3>so\s+far\s+this\s+year|year\s+to\s+date))\b")

# amount + unit: "depuis deux ans", "il y a un an et demi", "pendant 48 heures", "à 21 heures"
_FR_CUES = (
    r"il\s+y\s+a|il\s+est|il\s+était|voilà|voici|cela\s+fait|ça\s+fait|depuis|pendant|durant|"
    r"en\s+l['’]espace\s+d(?:e|['’])|"
    r"en|sur|sous|dans|pour|d['’]ici|au\s+cours\s+d(?:es|e|['’])|lors\s+des|toutes\s+les|tous\s+les|"
    r"chaque|ces|les|au\s+bout\s+d(?:e|['’])|après|avant|aux\s+alentours\s+de|autour\s+de|"
    r"à\s+partir\s+de|jusqu['’]à|jusqu['’]aux|dès|vers|de|entre|et|à"
)
_FR_QUALS = (
    r"(?:(?:un\s+peu\s+)?(?:plus|moins)|près|pas\s+loin)\s+d(?:e\s+|['’]\s*)|"
    r"(?:presque|environ|quelque|à\s+peine|seulement|déjà|tout\s+juste|exactement|bientôt|pile|"
    r"quasiment|au\s+moins|au\s+plus|plus\s+que)\s+"
)
_FR_AMOUNT = (
    rf"{_DIGITS}|{_FR_NUM}|quelques|plusieurs|de\s+nombreu(?:x|ses)|des|"
    rf"une\s+(?:{_alt(_APPROX_NOUNS)})\s+d(?:e\s+|['’]\s*)"
)
# The cue and qualifier are read backwards from the amount (``_FR_PRE``): an optional
# alternation of forty cue words at the head of a pattern would be tried at every position.
_FR_PRE = re.compile(rf"(?:\b(?P<cue>{_FR_CUES})(?:\s+|(?<=['’])))?(?P<qual>{_FR_QUALS})?\Z")
_FR_AMOUNT_UNIT = re.compile(
    rf"\b(?P<amount>{_FR_AMOUNT})\s*"
    r"(?:(?P<last>derni(?:er|ère)s|prochain(?:e)?s|premi(?:er|ère)s)\s+)?(?P<demi>demi-)?"
    r"(?:(?P<hunit>heures?|h)(?:\s*(?P<min>[0-5]\d)(?!\d)(?:\s*(?:minutes|minute|min)\b)?)?"
    rf"|(?P<unit>{_FR_UNIT_WORDS}))(?![^\W\d_])"
    r"(?P<half>\s+et\s+demie?\b)?"
    rf"(?P<tail>\s+(?:du\s+matin|du\s+soir|de\s+l{_AP}après-midi|de\s+la\s+nuit))?"
    r"(?:\s+(?P<after>derniers|dernières|écoulés|écoulées|passés|passées|prochains|prochaines|à\s+venir)\b)?")
_EN_PRE = re.compile(
    r"(?:\b(?P<cue>for|over|in|during|within|throughout|after|before|every|each|since)\s+)?(?:(?P<the>the)\s+)?"
    r"(?:(?P<last>past|last|next|coming|previous|first|final)\s+)?"
    r"(?:(?P<qual>about|around|nearly|almost|more\s+than|less\s+than|fewer\s+than|over|under|just|only|"
    r"roughly|some|at\s+least|at\s+most|up\s+to|approximately)\s+)?\Z")
_EN_AMOUNT_UNIT = re.compile(
    rf"\b(?:(?P<amount>{_DIGITS}|{_EN_NUM}|a\s+couple\s+of|a\s+dozen|a\s+few|a\s+number\s+of|few|"
    r"several|some|many|dozens\s+of|half\s+an?|an?)(?P<half1>\s+and\s+a\s+half)?\s*)?"
    rf"\b(?P<unit>{_EN_UNIT_WORDS})\b(?P<half>\s+and\s+a\s+half)?(?P<ago>\s+ago\b)?")

# After an amount of time, a word that makes it a step from another moment of the story
# ("une heure plus tard", "two days later"), not a window a figure is counted over.
_SHIFT_AFTER = {
    "fr": re.compile(r"\s+(?:plus\s+(?:tard|tôt)|auparavant)\b"),
    "en": re.compile(r"\s+(?:later|earlier|afterwards|beforehand)\b"),
}
_FR_AGO_CUES = {"il y a", "voilà", "voici", "cela fait", "ça fait"}
_FR_SPAN_CUES = {
    "depuis", "pendant", "durant", "en", "sur", "sous", "dans", "pour", "d'ici", "au cours des",
    "au cours de", "au cours d'", "lors des", "toutes les", "tous les", "chaque", "ces", "les",
    "au bout de", "au bout d'", "après", "avant", "en l'espace de", "en l'espace d'",
} | _FR_AGO_CUES
_FR_DURATION_CUES = {
    "pendant", "durant", "en", "sur", "sous", "dans", "pour", "au cours des", "au cours de",
    "au cours d'", "lors des", "toutes les", "tous les", "chaque", "ces", "les", "au bout de",
    "au bout d'", "en l'espace de", "en l'espace d'", "d'ici",
}
_FR_CLOCK_CUES = {
    "à", "vers", "avant", "après", "dès", "jusqu'à", "jusqu'aux", "aux alentours de",
    "autour de", "à partir de",
}
_FR_BACKWARD = {"depuis", "au cours des", "au cours de", "au cours d'", "ces", "les", "lors des"}

# clock times
_HHMM = re.compile(r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:]|[.,]\d)")
_EN_AMPM = re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\b\.?|[ap]m\b)")
_EN_AT = re.compile(
    r"\b(?:(?P<cue>at|around|until|till|by|from|before|after)\s+)?(?P<h>1\d|2[0-3]|0?\d)(?![\d.,:]\d?)"
    r"(?:(?P<oc>\s+o['’]clock\b)|(?=\s*(?:[,;!?)]|\.(?!\d)|$)|\s+(?:in\s+the\s+(?:morning|afternoon|evening)|"
    r"tonight|this\s+(?:morning|afternoon|evening)|on|local|sharp|and|to|or|that|when)\b))")
_NOON = re.compile(
    r"\b(?:à|vers|avant|après|dès|jusqu['’]à|de|entre|et|autour\s+de|aux\s+alentours\s+de|at|by|before|"
    r"after|until|till|around|from|about|past)\s+(?P<w>midi|minuit|noon|midnight)"
    # minutes only in French ("midi 30"), and never the first digits of a count ("midnight 41,500")
    r"(?:(?<=midi|nuit)\s+(?:[0-5]\d(?![.,\u00a0\u202f ]?\d)|et\s+demie?|et\s+quart|moins\s+le\s+quart)\b)?")

# context tests
_FR_RANGE_AFTER = re.compile(r"\s*(?:à|au|-|–|et|jusqu['’]à)\s*(?:\d{1,2}\s*(?:h|heures?)\b|midi|minuit)")
_FR_ENTRE_BEFORE = re.compile(r"\bentre\s+\d{1,2}\s*(?:h|heures?)(?:\s*[0-5]\d)?\s+$")
_FR_NUM_RANGE_BEFORE = re.compile(rf"\b(?:de|entre)\s+(?:\d+|{_FR_NUM})\s+$")
_FR_DISTANCE_AFTER = re.compile(r"\s+d(?:e\s+(?!\d)|['’])")
_FR_DATE_BEFORE = re.compile(
    rf"(?:\b(?:{_FR_WD}|{_alt(_FR_MONTHS_FULL)}|hier|demain|aujourd{_AP}hui|soir|matin)|\d{{4}})\s*,?\s*$")
_TIMELINE_AFTER = re.compile(r"[ \u00a0\u202f]*[:–—]\s")
_PARAGRAPH_BEFORE = re.compile(r"(?:^|[\r\n])[ \t\u00a0\u202f\-–—•*]*\Z")
_AGE_AFTER_EN = re.compile(r"[\s-]*old\b")
_AGE_BEFORE_EN = re.compile(r"\baged\s+$")
_AGE_BEFORE = re.compile(rf"(?:âgée?s?\s+d(?:e\s+|{_AP})|l{_AP}âge\s+d(?:e\s+|{_AP}))\s*$")
_SINCE_BEFORE = re.compile(
    rf"\b(?:depuis|since)\s+(?:(?:le|la|l{_AP}|the)\s*)?(?:(?:début|fin|mi-|early|late|mid-)\s*"
    rf"(?:de\s+|d{_AP}|du\s+)?)?(?:(?:le\s+)?mois\s+d(?:e\s+|{_AP}))?\Z")
_CAL_NUMBER = re.compile(
    rf"(?<![\d.,])(?<!h)(?<!h )(?<!\d )\d+(?:er)?(?!\d|[.,]\d|\s\d{{3}})"
    rf"(?!\s*(?:{_FR_UNIT_WORDS}|{_EN_UNIT_WORDS}|heures?|h)(?![^\W\d_]))", re.IGNORECASE)

_HAS_YEAR = re.compile(r"\d{4}")
_FUTURE_LIMIT = dt.timedelta(days=304)  # ~10 months: beyond that a day-month is last year's


# --------------------------------------------------------------------------- helpers

def _norm(s: str | None) -> str:
    """Lower case, one space, straight apostrophe: the key used in the word tables."""
    return re.sub(r"\s+", " ", s or "").replace("’", "'").lower().strip()


def _lower(text: str) -> str:
    """Lower case with the same offsets ("İ" lowers to two characters and is kept as is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_en(lang: str) -> bool:
    return (lang or "").lower().startswith("en")


def _month_of(word: str) -> int:
    w = _norm(word).rstrip(".")
    return (_FR_MONTHS_FULL.get(w) or _FR_MONTHS_ABBR.get(w) or _EN_MONTHS_FULL.get(w)
            or _EN_MONTHS_ABBR.get(w) or 0)


def _weekday_of(word: str | None) -> int | None:
    if not word:
        return None
    w = _norm(word)
    return _FR_WEEKDAYS.get(w, _EN_WEEKDAYS.get(w))


_ANY_WEEKDAY = re.compile(rf"\b(?:{_FR_WD}|{_EN_WD})\b", re.IGNORECASE)


def named_weekday(text: str) -> int:
    """The weekday (0 = Monday) the text names first ("Vendredi soir, 847 personnes"),
    -1 when none: in an article dated only to the month it is all that says which day."""
    m = _ANY_WEEKDAY.search(text)
    return _weekday_of(m.group(0)) if m else -1


# A weekday written a few words after its date ("le 7 novembre 2018 pour le premier samedi"):
# same clause and line, no other figure between, and not the start of another date
# ("le 31 janvier. Publié le vendredi 20 janvier": the weekday is the 20th's).
_WEEKDAY_AFTER = {
    "fr": re.compile(rf"[^.;!?\d«»\n]{{0,30}}?\b({_FR_WD})\b(?!,?\s+(?:\d|1er\b|premier\b))", re.IGNORECASE),
    "en": re.compile(rf"[^.;!?\d\n]{{0,30}}?\b({_EN_WD})\b(?!,?\s+(?:\d|the\s+\d|{_EN_MONTH_ANY}))", re.IGNORECASE),
}


# Words between a date and a weekday that make the weekday another day ("from November 20
# until Monday", "du 3 au lundi 9", "avant samedi").
_OTHER_DAY_GAP = {
    "fr": re.compile(r"\b(?:jusqu|au|aux|avant|après|depuis|dès|et|ou|puis|entre)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:until|till|to|through|before|after|since|from|and|or|then|by|between)\b", re.IGNORECASE),
}


def weekday_after(text: str, end: int, lang: str) -> int | None:
    """The weekday (0 = Monday) named just after a date ending at ``end`` as that date's
    own ("le 7 novembre, un samedi", "on May 4 (a Saturday)"); not one that starts
    another time ("from November 20 until Monday")."""
    key = "en" if _is_en(lang) else "fr"
    m = _WEEKDAY_AFTER[key].match(text, end)
    if not m or _OTHER_DAY_GAP[key].search(text, end, m.start(1)):
        return None
    return _weekday_of(m.group(1))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic, clamping the day (31 March − 1 month → 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _infer_year(anchor: dt.date | None, month: int, day: int) -> dt.date | None:
    """The nearest such day to the anchor, at most ~10 months after it (past wins ties)."""
    if anchor is None:
        return None
    best: dt.date | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is None or candidate - anchor > _FUTURE_LIMIT:
            continue
        if best is None or abs((candidate - anchor).days) < abs((best - anchor).days):
            best = candidate
    return best


def _infer_month_year(anchor: dt.date, month: int) -> int:
    """The year of the nearest such month, at most ~10 months after the anchor."""
    best_year, best_dist = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        first, last = dt.date(year, month, 1), _month_end(year, month)
        if first - anchor > _FUTURE_LIMIT:
            continue
        dist = 0 if first <= anchor <= last else min(abs((first - anchor).days), abs((last - anchor).days))
        if best_dist is None or dist < best_dist:
            best_year, best_dist = year, dist
    return best_year


def _full_year(text: str, anchor: dt.date | None) -> int:
    """"23" → 2023, "95" → 1995: a two-digit year is at most ten years ahead of the anchor."""
    year = int(text)
    if len(text) == 4:
        return year
    pivot = (anchor.year % 100 + 10) % 100 if anchor else 50
    return 2000 + year if year <= pivot else 1900 + year


def _weekday_check(stated: int | None, day: dt.date | None) -> bool | None:
    return None if stated is None or day is None else stated == day.weekday()


def _shift(anchor: dt.date | None, value: float | None, unit: tuple[float, int | None], sign: int) -> dt.date | None:
    """The anchor moved by an amount of a unit: whole months by the calendar, else by days."""
    if anchor is None or value is None:
        return None
    days, months = unit
    try:
        if months is not None and float(value * months).is_integer():
            return _add_months(anchor, sign * int(value * months))
        return anchor + dt.timedelta(days=sign * round(value * days))
    except (OverflowError, ValueError):
        return None


def _parse_number(s: str, lang: str) -> float | None:
    """Digits ("1,5", "2 000") or number words ("douze", "twenty-five"); ``None`` when it is
    not a number factcheck reads (see ``numbers.MAX_DIGITS`` and ``numbers.in_range``)."""
    t = _norm(s)
    if t and t[0].isdigit():
        t = re.sub(r"[\s\u00a0\u202f]", "", t).replace(",", ".")
        if sum(c.isdigit() for c in t) > MAX_DIGITS:
            return None
        try:
            value = float(t)
        except ValueError:
            return None
        return value if in_range(value) else None
    if t in _EN_SMALL:
        return float(_EN_SMALL[t])
    m = re.fullmatch(r"une (\w+) d(?:e|')\s*", t)
    if m:
        return float(_APPROX_NOUNS[m.group(1)])
    try:
        value = float(text2num(t, "en" if _is_en(lang) else "fr"))
    except (ValueError, OverflowError):
        return None
    return value if in_range(value) else None


def _unit_of(word: str, table: dict[str, tuple[float, int | None]]) -> tuple[float, int | None]:
    """A unit word's entry, singular or plural ("ans", "mois", "centuries")."""
    w = _norm(word)
    for key in (w, w[:-1], w[:-3] + "y"):
        if key in table:
            return table[key]
    raise KeyError(word)  # the unit patterns and tables disagree


# --------------------------------------------------------------------------- handlers

_Candidate = tuple[TimeMention, int]


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    low: str
    lang: str
    anchor: dt.date | None
    day_anchor: dt.date | None  # the anchor when it is a day: relative days need one


def _mention(ctx: _Ctx, start: int, end: int, kind: str, **fields) -> TimeMention:
    return TimeMention(start, end, ctx.text[start:end], kind, **fields)


def _calendar_day(ctx: _Ctx, m: re.Match, month: int, day: int, year_text: str | None,
                  start: int | None = None, end: int | None = None, wd: str | None = None) -> TimeMention:
    if year_text:
        date = _safe_date(_full_year(year_text, ctx.anchor), month, day)
    else:
        date = _infer_year(ctx.anchor, month, day)
    stated = _weekday_of(wd)
    return _mention(ctx, m.start() if start is None else start, m.end() if end is None else end, "date",
                    date=date, stated_weekday=stated, weekday_ok=_weekday_check(stated, date))


def _day_number(s: str) -> int:
    s = _norm(s)
    return 1 if s in ("1er", "premier") else int(s)


def _h_fr_date(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    """"5 mars 2024", "le 2 mai dernier" (the last 2 May before the anchor), "le 9 juin prochain"."""
    mention = _calendar_day(ctx, m, _month_of(m["month"]), _day_number(m["day"]), m["year"], wd=m["wd"])
    if "-" in m.string[m.end("day"):m.start("month")]:
        # "les attentats du 13-Novembre": the name of an event, of a year the text does not
        # give; its numbers are no count, and it says nothing of the day a figure is about
        yield dataclasses.replace(mention, date=None, weekday_ok=None), 0
        return
    date, anchor = mention.date, ctx.anchor
    if date is not None and anchor is not None and m["rel"]:
        step = -1 if m["rel"] != "prochain" else 1
        if (date - anchor).days * step < 0:
            shifted = _safe_date(date.year + step, date.month, date.day)
            if shifted is not None:
                mention = dataclasses.replace(mention, date=shifted, weekday_ok=_weekday_check(mention.stated_weekday, shifted))
    yield mention, 0


def _h_fr_day_range(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    yield _calendar_day(ctx, m, _month_of(m["month"]), _day_number(m["day"]), m["year"],
                        start=m.start("day"), end=m.end("day")), 0


def _h_wd_day(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    """"mardi 12": the nearby month whose 12th is a Tuesday, else the nearest 12th."""
    stated, day = _weekday_of(m["wd"]), _day_number(m["day"])
    date = None
    anchor = ctx.day_anchor
    if anchor is not None:
        near = [d for k in range(-2, 2) if (d := _safe_date(*_month_at(anchor, k), day))]
        near = [d for d in near if -45 <= (d - anchor).days <= 20] or near
        matching = [d for d in near if d.weekday() == stated]
        pool = matching or near
        date = min(pool, key=lambda d: (abs((d - anchor).days), d > anchor)) if pool else None
    yield _mention(ctx, m.start(), m.end(), "date", date=date, stated_weekday=stated,
                   weekday_ok=_weekday_check(stated, date)), -1


def _month_at(anchor: dt.date, k: int) -> tuple[int, int]:
    """(year, month) k months from the anchor's month."""
    year, month = divmod(anchor.year * 12 + anchor.month - 1 + k, 12)
    return year, month + 1


def _h_en_date_md(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    if not ctx.text[m.start("month")].isupper():
        return  # "may 3": the modal verb
    month = _month_of(m["month"])
    if m["day2"]:
        yield _calendar_day(ctx, m, month, int(m["day"]), m["year"], end=m.end("day") + _suffix_len(m, "day"),
                            wd=m["wd"]), 0
        yield _calendar_day(ctx, m, month, int(m["day2"]), m["year"], start=m.start("day2")), 0
    else:
        yield _calendar_day(ctx, m, month, int(m["day"]), m["year"], wd=m["wd"]), 0


def _suffix_len(m: re.Match, group: str) -> int:
    suffix = re.match(r"st|nd|rd|th", m.string[m.end(group):m.end(group) + 2])
    return 2 if suffix else 0


def _h_en_date_dm(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    if not ctx.text[m.start("month")].isupper():
        return
    yield _calendar_day(ctx, m, _month_of(m["month"]), int(m["day"]), m["year"], wd=m["wd"]), 0


def _h_num_date_y(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    a, b = int(m["a"]), int(m["b"])
    if _is_en(ctx.lang) and a <= 12 and m["sep"] == "/":
        a, b = b, a  # US order, month first, unless the first number cannot be a month
    if b > 12:
        return
    yield _calendar_day(ctx, m, b, a, m["year"], wd=m["wd"]), 0


def _h_num_date(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    """"le 13/12": needs a cue, or two two-digit parts, to be more than a fraction."""
    if _is_en(ctx.lang):
        return
    if not m["cue"] and (len(m["a"]) < 2 or len(m["b"]) < 2):
        return
    start = m.start("wd") if m["wd"] else m.start("a")
    yield _calendar_day(ctx, m, int(m["b"]), int(m["a"]), None, start=start, wd=m["wd"]), 0


def _h_iso_date(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    yield _calendar_day(ctx, m, int(m["b"]), int(m["a"]), m["year"]), 0


def _month_mention(ctx: _Ctx, start: int, end: int, month: int, year: int | None, rel: str | None) -> TimeMention:
    anchor = ctx.anchor
    if year is None and anchor is not None:
        if rel in ("dernier", "passé", "last"):
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif rel in ("prochain", "next"):
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif rel == "this":
            year = anchor.year
        else:
            year = _infer_month_year(anchor, month)
    if year is None:
        return _mention(ctx, start, end, "month")
    return _mention(ctx, start, end, "month", date=dt.date(year, month, 1), date_end=_month_end(year, month))


def _h_fr_month(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    cue, year = _norm(m["cue"]), m["year"]
    if not (cue or year or m["rel"]):
        return
    if ctx.text[m.start("month")] == "M" and _norm(m["month"]) == "mars" and not year:
        return  # the planet
    start = m.start("month")
    yield _month_mention(ctx, start, m.end(), _month_of(m["month"]), int(year) if year else None, _norm(m["rel"])), 0


def _h_en_month(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    month_word = m["month"]
    if not ctx.text[m.start("month")].isupper():
        return
    cue, year = _norm(m["cue"]), m["year"]
    if not (cue or year) or (_norm(month_word) == "may" and not year and cue not in _EN_MAY_CUES):
        return
    rel = cue if cue in ("last", "next", "this") else None
    start = m.start() if rel else m.start("month")
    yield _month_mention(ctx, start, m.end(), _month_of(month_word), int(year) if year else None, rel), 0


def _week_mention(ctx: _Ctx, start: int, end: int, first: dt.date | None) -> TimeMention:
    last = first + dt.timedelta(days=6) if first is not None else None
    return _mention(ctx, start, end, "week", date=first, date_end=last)


def _h_week_of(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    """"la dernière semaine de décembre" (its last seven days), "la deuxième semaine de
    2017" (8–14 January): the n-th seven days of the month or year."""
    table = _EN_WEEK_ORD if _is_en(ctx.lang) else _FR_WEEK_ORD
    nth = table[_norm(m["ord"])]
    if m["year0"]:
        year, first_month, last_month = int(m["year0"]), 1, 12
    else:
        month = _month_of(m["month"])
        year_text = m["year"]
        if year_text:
            year = int(year_text)
        elif ctx.anchor is not None:
            year = _infer_month_year(ctx.anchor, month)
        else:
            yield _week_mention(ctx, m.start(), m.end(), None), 0
            return
        first_month = last_month = month
    if nth > 0:
        first = dt.date(year, first_month, 1) + dt.timedelta(days=7 * (nth - 1))
        if first > _month_end(year, last_month):
            return  # "la cinquième semaine de février"
    else:
        first = _month_end(year, last_month) - dt.timedelta(days=6)
    yield _week_mention(ctx, m.start(), m.end(), first), 0


def _h_iso_week(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    """"en semaine 52": the ISO week of the year given, else the one nearest the anchor."""
    week = int(m["iso"])
    years = [int(m["year"])] if m["year"] else (
        [ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1] if ctx.anchor else [])
    mondays = []
    for year in years:
        try:
            mondays.append(dt.date.fromisocalendar(year, week, 1))
        except ValueError:  # week 53 of a year of 52
            continue
    if ctx.anchor is not None and not m["year"]:
        mondays = [d for d in mondays if d - ctx.anchor <= _FUTURE_LIMIT]
    first = min(mondays, key=lambda d: abs((d - ctx.anchor).days)) if mondays and ctx.anchor else (
        mondays[0] if mondays else None)
    yield _week_mention(ctx, m.start("w"), m.end(), first), 0


def _year_mention(ctx: _Ctx, start: int, end: int, year: int, decade: bool = False) -> TimeMention:
    last = year + 9 if decade else year
    return _mention(ctx, start, end, "year", date=dt.date(year, 1, 1), date_end=dt.date(last, 12, 31))


def _years(m: re.Match, ctx: _Ctx, follow_ok: bool) -> Iterator[_Candidate]:
    cue = _norm(m["cue"])
    chain = m["chain"]
    if _YEAR_THEN_UNIT.match(ctx.low, m.end()):
        return  # "en 2000 exemplaires", "de 1900 à 2000 euros"
    if cue in ("de", "of", "for", "from", "between", "entre") and not chain and not follow_ok:
        return  # "de 2000 personnes" is a count, "de 2015 à 2021" a span of years
    if cue in ("from", "between", "entre") and not chain:
        return
    if cue in ("de", "of") and not chain and _COUNT_BEFORE_DE.search(ctx.low, max(0, m.start() - 25), m.start()):
        return  # "plus de 2000.", "a rise of 2000."
    year = int(m["year"])
    decade = bool(m.groupdict().get("s")) or (cue == "années" and year % 10 == 0)
    end = m.end("s") if m.groupdict().get("s") else m.end("year")
    yield _year_mention(ctx, m.start("year"), end, year, decade), 0
    offset = m.start("chain")
    for y in _YEAR_IN_CHAIN.finditer(chain):
        yield _year_mention(ctx, offset + y.start(), offset + y.end(), int(y.group()), decade), 0


def _h_fr_year(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    yield from _years(m, ctx, bool(_FR_YEAR_FOLLOW_OK.match(ctx.low, m.end())))


_h_en_year = _h_fr_year


def _h_year_range(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    y1 = int(m["year"])
    y2_text = m["y2"]
    y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
    if not 0 < y2 - y1 <= 50 or _YEAR_THEN_UNIT.match(ctx.low, m.end()):
        return
    yield _year_mention(ctx, m.start("year"), m.end("year"), y1), 0
    yield _year_mention(ctx, m.start("y2"), m.end("y2"), y2), 0


def _h_decade(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    yield _year_mention(ctx, m.start(), m.end(), int(m["year"]), decade=True), 0


def _h_short_decade(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    yield _year_mention(ctx, m.start("yy"), m.end(), 1900 + int(m["yy"]), decade=True), 0


def _h_bare_year(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    if _QUANTITY_WORD_BEFORE.search(ctx.low, max(0, m.start() - 20), m.start()):
        return  # "plus de 2000." is a count
    yield _year_mention(ctx, m.start(), m.end(), int(m["year"])), -1


def _relative_day(ctx: _Ctx, start: int, end: int, offset: int) -> TimeMention:
    date = ctx.day_anchor + dt.timedelta(days=offset) if ctx.day_anchor else None
    return _mention(ctx, start, end, "relative_day", date=date)


def _h_fr_rel_day(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    offset = _FR_REL_WORDS[_norm(m["word"])] if m["word"] else 0
    yield _relative_day(ctx, m.start(), m.end(), offset), 0


def _h_en_rel_day(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    offset = _EN_REL_WORDS[_norm(m["word"])] if m["word"] else 0
    yield _relative_day(ctx, m.start(), m.end(), offset), 0


def _weekday_offset(anchor: dt.date, weekday: int, rel: str) -> int:
    """Days from the anchor to the named weekday: bare = latest on or before the anchor."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in ("dernier", "passé", "last", "past"):
        return -(back or 7)
    if rel in ("prochain", "next"):
        return ahead or 7
    if rel in ("ce", "this"):
        return -back if back <= ahead else ahead
    return -back


def _h_weekday(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    weekday = _weekday_of(m["wd"])
    rel = _norm(m.groupdict().get("rel") or m["rel1"])
    start = m.start() if m["rel1"] and _norm(m["rel1"]) != "on" else m.start("wd")
    offset = _weekday_offset(ctx.day_anchor, weekday, rel) if ctx.day_anchor else 0
    yield _relative_day(ctx, start, m.end(), offset), 0


def _calendar_unit(ctx: _Ctx, start: int, end: int, unit: str, rel: int) -> TimeMention:
    """This/last/next year, month or week, as the calendar span it names."""
    a = ctx.anchor
    if unit == "year":
        if a is None:
            return _mention(ctx, start, end, "year")
        return _year_mention(ctx, start, end, a.year + rel)
    if unit == "month":
        if a is None:
            return _mention(ctx, start, end, "month")
        first = _add_months(a.replace(day=1), rel)
        return _mention(ctx, start, end, "month", date=first, date_end=_month_end(first.year, first.month))
    if a is None:
        return _mention(ctx, start, end, "period", days=7.0)
    monday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(weeks=rel)
    return _mention(ctx, start, end, "period", date=monday, date_end=monday + dt.timedelta(days=6), days=7.0)


def _rel_sign(word: str) -> int:
    w = _norm(word)
    if w.startswith(("dern", "pass", "last")):
        return -1
    return 1 if w.startswith(("proch", "next")) else 0


def _h_fr_cal_rel(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    for unit, a, b in (("year", "y", "y0"), ("month", "m", "m0"), ("week", "w", "w0")):
        if m[a] or m[b]:
            yield _calendar_unit(ctx, m.start(), m.end(), unit, _rel_sign(m[a]) if m[a] else 0), 0


def _h_en_cal_rel(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    yield _calendar_unit(ctx, m.start(), m.end(), _norm(m["unit"]), _rel_sign(m["rel"])), 0


def _h_since_start(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    a = ctx.anchor
    start = None
    if a is not None:
        if m["y"] or m["y2"] or m["y3"]:
            start = a.replace(month=1, day=1)
        elif m["m"] or m["m2"]:
            start = a.replace(day=1)
        else:
            start = a - dt.timedelta(days=a.weekday())
    yield _mention(ctx, m.start(), m.end(), "period", date=start, date_end=a,
                   days=float((a - start).days) if start else None), 0


def _prefix(pattern: re.Pattern[str], ctx: _Ctx, pos: int) -> re.Match[str]:
    """The cue and qualifier just before ``pos`` ("depuis plus de", "over the past").

    Every group of the pattern is optional, so it always matches, if only at ``pos``.
    """
    pre = pattern.search(ctx.low, max(0, pos - 70), pos) or pattern.search(ctx.low, pos, pos)
    assert pre is not None
    return pre


def _fr_is_clock(m: re.Match, pre: re.Match, ctx: _Ctx, cue: str, hours: float | None) -> bool:
    """A time of day needs a cue ("à", "vers", "18 h 30"); otherwise "48 heures" is a duration."""
    text = ctx.low
    if hours is None or m["last"] or m["after"] or m["demi"] or pre["qual"]:
        return False
    if hours > 24 or not float(hours).is_integer() or cue in _FR_AGO_CUES:
        return False
    words = not m["amount"][0].isdigit()
    if cue in _FR_DURATION_CUES:
        return bool(cue == "d'ici" and (m["min"] or m["tail"]))
    if m["tail"]:
        return True
    if _FR_DISTANCE_AFTER.match(text, m.end()):
        return False  # "à deux heures de route"
    if cue == "depuis":
        return bool(m["min"])
    if m["min"]:
        return True
    if cue in _FR_CLOCK_CUES:
        if cue == "à" and _FR_NUM_RANGE_BEFORE.search(text, max(0, pre.start() - 30), pre.start()):
            return False  # "de 2 à 3 heures"
        return not (words and cue in ("avant", "après", "jusqu'à", "jusqu'aux", "à partir de"))
    if cue in ("de", "entre"):
        return bool(_FR_RANGE_AFTER.match(text, m.end()))
    if cue == "et":
        return bool(_FR_ENTRE_BEFORE.search(text, max(0, pre.start() - 30), pre.start()))
    if cue == "il est" or cue == "il était":
        return True
    if words or hours > 23:
        return False
    compact = m.end("amount") == m.start("hunit") and _norm(m["hunit"]) == "h"
    if compact:
        return True  # "21h": a duration is written with a cue ("en 3h", "pendant 48h")
    if _TIMELINE_AFTER.match(text, m.end()) or _PARAGRAPH_BEFORE.search(text, max(0, pre.start() - 10), pre.start()):
        return True  # "21 heures : la police intervient", a timeline entry
    return bool(_FR_DATE_BEFORE.search(text, max(0, pre.start() - 40), pre.start()))


def _period(ctx: _Ctx, start: int, end: int, kind: str, value: float | None,
            unit: tuple[float, int | None], direction: int) -> TimeMention:
    days = None if value is None else value * unit[0]
    date = date_end = None
    if kind == "ago":
        date = _shift(ctx.anchor, value, unit, -1)
    elif direction < 0:
        date, date_end = _shift(ctx.anchor, value, unit, -1), ctx.anchor if value is not None else None
    elif direction > 0:
        date, date_end = (ctx.anchor if value is not None else None), _shift(ctx.anchor, value, unit, 1)
    return _mention(ctx, start, end, kind, date=date, date_end=date_end, days=days)


def _h_fr_amount_unit(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    pre = _prefix(_FR_PRE, ctx, m.start())
    cue = _norm(pre["cue"])
    vague = _norm(m["amount"]) in _FR_VAGUE
    count = None if vague else _parse_number(m["amount"], "fr")
    if count is None and not vague:
        return
    is_hour = m["hunit"] is not None
    if is_hour and not vague and _fr_is_clock(m, pre, ctx, cue, count):
        yield _mention(ctx, m.start(), m.end(), "clock"), 1
        return
    unit = _FR_UNITS["heure"] if is_hour else _unit_of(m["unit"], _FR_UNITS)
    value = count
    if value is not None:
        value *= 0.5 if m["demi"] else 1
        value += 0.5 if m["half"] else 0
        value += int(m["min"]) / 60 if m["min"] else 0
    last, after = _norm(m["last"]), _norm(m["after"])
    if _SHIFT_AFTER["fr"].match(ctx.low, m.end()):
        return  # "une heure plus tard": a step in the story's time, not a window
    if cue in _FR_AGO_CUES:
        kind = "ago"
    elif cue in _FR_SPAN_CUES or last or after or (is_hour and not vague):
        kind = "period"
    else:
        return  # "une peine de deux ans", "45 ans": a plain quantity, not a time window
    if vague and cue not in _FR_SPAN_CUES:
        return
    if _AGE_BEFORE.search(ctx.low, max(0, pre.start() - 20), m.start()):
        return
    span_cue = cue in _FR_SPAN_CUES and (cue not in ("les", "ces") or last or after)
    start = pre.start("cue") if span_cue else (pre.start("qual") if pre["qual"] else m.start())
    end = m.start("tail") if m["tail"] and not after else m.end()
    forward = last.startswith("proch") or after.startswith("proch") or after == "à venir" or cue in ("dans", "d'ici")
    backward = cue in _FR_BACKWARD and (cue not in ("les", "ces", "lors des") or last.startswith("dern") or bool(after))
    backward = backward or last.startswith("dern") or after.startswith(("dern", "écoul", "pass"))
    direction = 1 if forward else (-1 if backward else 0)
    yield _period(ctx, start, end, kind, value, unit, direction), 0


def _h_en_amount_unit(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    pre = _prefix(_EN_PRE, ctx, m.start())
    cue, last = _norm(pre["cue"]), _norm(pre["last"])
    amount = _norm(m["amount"])
    if not amount and not last:
        return  # "the year", "a long year"
    if not amount and not (cue or pre["the"]) and last in ("last", "next"):
        return  # "last year" is the calendar year (see _EN_CAL_REL)
    vague = amount in _EN_VAGUE
    value = 1.0 if not amount else (None if vague else _parse_number(m["amount"], "en"))
    if value is None and not vague:
        return
    if value is not None and (m["half1"] or m["half"]):
        value += 0.5
    unit = _unit_of(m["unit"], _EN_UNITS)
    if _SHIFT_AFTER["en"].match(ctx.low, m.end()):
        return  # "an hour later": a step in the story's time, not a window
    if m["ago"]:
        kind = "ago"
    elif cue or last or pre["the"]:
        kind = "period"
    elif unit[0] == _EN_UNITS["hour"][0] and not vague:
        kind = "period"  # "48 hours": a duration, as in French
    else:
        return
    if _AGE_AFTER_EN.match(ctx.low, m.end()) or _AGE_BEFORE_EN.search(ctx.low, max(0, pre.start() - 6), pre.start()):
        return  # ages
    if cue == "since" and not last:
        return
    start = pre.start() if pre.group() else m.start()
    direction = 0
    if last in ("past", "last", "previous"):
        direction = -1
    elif last in ("next", "coming"):
        direction = 1
    yield _period(ctx, start, m.end(), kind, value, unit, direction), 0


def _h_clock(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    yield _mention(ctx, m.start(), m.end(), "clock"), 1


def _h_en_at(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    if not (m["cue"] or m["oc"]):
        return
    h = int(m["h"])
    if not m["oc"] and (_norm(m["cue"]) != "at" or h > 23):
        return  # "by 7" and "from 7" are too often counts; "at 7" is the common clock form
    yield _mention(ctx, m.start("h"), m.end(), "clock"), 1


def _h_noon(m: re.Match, ctx: _Ctx) -> Iterator[_Candidate]:
    yield _mention(ctx, m.start("w"), m.end(), "clock"), 1


_Handler = Callable[[re.Match, _Ctx], Iterator[_Candidate]]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern, what to make of its matches, and where it can match at all.

    Scanning a whole article with a pattern that opens on optional words costs a try at
    every position. Every match of ``pattern`` starts at most ``before`` characters
    ahead of a match of ``trigger`` (a unit word, a month name, a digit…), which is cheap
    to find, and ends at most ``after`` past it; so the pattern only runs in those windows.
    (An expression broken by a long blank run, where the loader blanked out markup, may
    therefore be cut there, which is what such a run usually means anyway.)
    """

    pattern: re.Pattern[str]
    handler: _Handler
    trigger: re.Pattern[str] | None = None
    before: int = 0
    after: int = 0


_BLANKS = re.compile(r"\s*")
_T_DIGIT_SEP = re.compile(r"\d[/.-]\d")
_T_COLON = re.compile(r"\d:\d")
_T_YEAR = re.compile(r"\d\d\d\d")
_T_SHORT_DECADE = re.compile(r"[1-9]0(?:['’]?s\b|(?![\d%]|[.,]\d))")
_T_DIGIT = re.compile(r"\d+")
# Word triggers open on the words themselves, not on "\b": a pattern that starts with
# literals lets the engine skip ahead, seven times faster. Their left edge is checked after.
_T_FR_MONTH = re.compile(rf"(?:{_alt(_FR_MONTHS_FULL)}|{_alt(_FR_MONTHS_ABBR)})\b")
_T_EN_MONTH = re.compile(rf"(?:{_alt(_EN_MONTHS_FULL)}|{_alt(_EN_MONTHS_ABBR)})\b")
_T_FR_WD = re.compile(rf"(?:{_FR_WD})\b")
_T_EN_WD = re.compile(rf"(?:{_EN_WD})\b")
_T_FR_UNIT = re.compile(rf"(?:{_FR_UNIT_WORDS}|heures?|h)(?![^\W\d_])")
_T_EN_UNIT = re.compile(rf"(?:{_EN_UNIT_WORDS})\b")
_T_FR_REL = re.compile(r"(?:hier|demain|aujourd|matin|midi|soir|nuit|après-midi)")
_T_EN_REL = re.compile(r"(?:yesterday|today|tomorrow|tonight|night|morning|afternoon|evening)")
_T_FR_CAL = re.compile(r"(?:an|année|mois|semaine)\b")
_T_EN_CAL = re.compile(r"(?:year|month|week)\b")
_T_SINCE = re.compile(r"(?:début|start|beginning|so far|to date)")
_T_NOON = re.compile(r"(?:midi|minuit|noon|midnight)")
_T_FR_WEEK = re.compile(r"semaine\b")
_T_EN_WEEK = re.compile(r"week\b")
_WORD_TRIGGERS = frozenset({
    _T_FR_MONTH, _T_EN_MONTH, _T_FR_WD, _T_EN_WD, _T_FR_UNIT, _T_EN_UNIT, _T_FR_REL,
    _T_EN_REL, _T_FR_CAL, _T_EN_CAL, _T_SINCE, _T_NOON, _T_FR_WEEK, _T_EN_WEEK,
})
_T_AMPM = re.compile(r"[ap]\.?\s?m\b")

_SHARED = [
    _Rule(_NUM_DATE_Y, _h_num_date_y, _T_DIGIT_SEP, 30, 12),
    _Rule(_ISO_DATE, _h_iso_date, _T_DIGIT_SEP, 8, 8),
    _Rule(_HHMM, _h_clock, _T_COLON, 3, 4),
    _Rule(_YEAR_RANGE, _h_year_range, _T_YEAR, 10, 16),
    _Rule(_BARE_YEAR, _h_bare_year, _T_YEAR, 2, 6),
]
_FRENCH = _SHARED + [
    _Rule(_FR_DATE, _h_fr_date, _T_FR_MONTH, 20, 16),
    _Rule(_FR_DAY_RANGE, _h_fr_day_range, _T_FR_MONTH, 20, 16),
    _Rule(_FR_WD_DAY, _h_wd_day, _T_FR_WD, 2, 24),
    _Rule(_NUM_DATE, _h_num_date, _T_DIGIT_SEP, 30, 12),
    _Rule(_FR_MONTH, _h_fr_month, _T_FR_MONTH, 30, 16),
    _Rule(_FR_WEEK_OF, _h_week_of, _T_FR_WEEK, 14, 40),
    _Rule(_FR_ISO_WEEK, _h_iso_week, _T_FR_WEEK, 30, 24),
    _Rule(_FR_YEAR, _h_fr_year, _T_YEAR, 30, 80),
    _Rule(_FR_REL_DAY, _h_fr_rel_day, _T_FR_REL, 16, 24),
    _Rule(_FR_WEEKDAY, _h_weekday, _T_FR_WD, 8, 24),
    _Rule(_FR_CAL_REL, _h_fr_cal_rel, _T_FR_CAL, 10, 24),
    _Rule(_SINCE_START, _h_since_start, _T_SINCE, 24, 40),
    _Rule(_FR_AMOUNT_UNIT, _h_fr_amount_unit, _T_FR_UNIT, 60, 48),
    _Rule(_NOON, _h_noon, _T_NOON, 24, 24),
    _Rule(_FR_SHORT_DECADE, _h_short_decade, _T_SHORT_DECADE, 12, 4),
]
_ENGLISH = _SHARED + [
    _Rule(_EN_DATE_MD, _h_en_date_md, _T_EN_MONTH, 16, 32),
    _Rule(_EN_DATE_DM, _h_en_date_dm, _T_EN_MONTH, 30, 16),
    _Rule(_EN_MONTH, _h_en_month, _T_EN_MONTH, 12, 16),
    _Rule(_EN_WEEK_OF, _h_week_of, _T_EN_WEEK, 10, 40),
    _Rule(_EN_ISO_WEEK, _h_iso_week, _T_EN_WEEK, 10, 24),
    _Rule(_EN_YEAR, _h_en_year, _T_YEAR, 20, 80),
    _Rule(_DECADE, _h_decade, _T_YEAR, 2, 6),
    _Rule(_EN_SHORT_DECADE, _h_short_decade, _T_SHORT_DECADE, 8, 6),
    _Rule(_EN_REL_DAY, _h_en_rel_day, _T_EN_REL, 30, 24),
    _Rule(_EN_WEEKDAY, _h_weekday, _T_EN_WD, 8, 24),
    _Rule(_EN_CAL_REL, _h_en_cal_rel, _T_EN_CAL, 8, 8),
    _Rule(_SINCE_START, _h_since_start, _T_SINCE, 24, 40),
    _Rule(_EN_AMOUNT_UNIT, _h_en_amount_unit, _T_EN_UNIT, 50, 32),
    _Rule(_EN_AMPM, _h_clock, _T_AMPM, 12, 6),
    _Rule(_EN_AT, _h_en_at, _T_DIGIT, 10, 48),
    _Rule(_NOON, _h_noon, _T_NOON, 24, 24),
]


def _windows(trigger: re.Pattern[str], low: str, before: int, after: int,
             cache: dict[re.Pattern[str], list[tuple[int, int]]]) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """Merged scan windows around the trigger's hits, each with the hits it holds."""
    hits = cache.get(trigger)
    if hits is None:
        found = trigger.finditer(low)
        if trigger in _WORD_TRIGGERS:  # a word starts there, or a number runs into it ("21h")
            found = (t for t in found if not (t.start() and low[t.start() - 1].isalpha()))
        hits = cache[trigger] = [t.span() for t in found]
    window: list[tuple[int, int]] = []
    ws = we = 0
    for a, b in hits:
        # past a run of blanks (the loader blanks markup out), so that a lookahead such as
        # "followed by a comma or the end" never sees the window's edge as the text's end
        lo, hi = max(0, a - before), min(len(low), _BLANKS.match(low, b + after).end() + 1)
        if window and lo <= we:
            we = max(we, hi)
            window.append((a, b))
            continue
        if window:
            yield ws, we, window
        ws, we, window = lo, hi, [(a, b)]
    if window:
        yield ws, we, window


def _matches(rule: _Rule, low: str, cache: dict[re.Pattern[str], list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
    if rule.trigger is None:
        yield from rule.pattern.finditer(low)
        return
    for ws, we, hits in _windows(rule.trigger, low, rule.before, rule.after, cache):
        ends = [b for _, b in hits]  # hits are disjoint and in order: their ends are sorted too
        for m in rule.pattern.finditer(low, ws, we):
            # a match must start near a hit; anything else is an artefact of the window's edge
            if we == len(low):
                yield m
                continue
            k = bisect.bisect_left(ends, m.start())  # the first hit ending at or after the match start
            if k < len(hits) and hits[k][0] - rule.before <= m.start():
                yield m


# --------------------------------------------------------------------------- public API

def _select(candidates: list[_Candidate]) -> list[TimeMention]:
    """Non-overlapping mentions, longest first ("mercredi 13 décembre" over "mercredi")."""
    if not candidates:
        return []
    taken = bytearray(max(c[0].end for c in candidates) + 1)  # 1 where a chosen mention lies
    chosen: list[TimeMention] = []
    for mention, _prio in sorted(candidates, key=lambda c: (c[0].start - c[0].end, -c[1], c[0].start)):
        if mention.end <= mention.start or taken.find(1, mention.start, mention.end) != -1:
            continue
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        chosen.append(mention)
    chosen.sort(key=lambda t: t.start)
    return chosen


def _since(mention: TimeMention, ctx: _Ctx) -> TimeMention:
    """"depuis janvier 2022", "since Tuesday": the window from that point to the anchor."""
    if mention.kind not in ("date", "week", "month", "year", "relative_day"):
        return mention
    cue = _SINCE_BEFORE.search(ctx.low, max(0, mention.start - 40), mention.start)
    if cue is None:
        return mention
    start_day, anchor = mention.date, ctx.anchor
    if start_day is not None and anchor is not None and start_day > anchor and not _HAS_YEAR.search(mention.text):
        start_day = _safe_date(start_day.year - 1, start_day.month, start_day.day)  # a past point
    days = float((anchor - start_day).days) if start_day is not None and anchor is not None else None
    return _mention(ctx, cue.start(), mention.end, "period", date=start_day, date_end=anchor, days=days,
                    stated_weekday=mention.stated_weekday,
                    weekday_ok=_weekday_check(mention.stated_weekday, start_day))


def find_times(text: str, lang: str, anchor: dt.date | None, precision: str = "day") -> list[TimeMention]:
    """Every time expression in ``text``, in order, without overlaps.

    ``anchor`` (the publication date) resolves partial and relative expressions; with
    ``None`` they keep their kind and span, which is all ``blocked_spans`` needs. An
    anchor known only to the month or year (``precision``) still places "13 décembre"
    in its year, but resolves no "mardi" or "hier": those need the day.
    """
    low = _lower(text)
    ctx = _Ctx(text, low, lang, anchor, anchor if precision == "day" else None)
    undated = _Ctx(text, low, lang, None, None)
    candidates: list[_Candidate] = []
    cache: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for rule in _ENGLISH if _is_en(lang) else _FRENCH:
        for m in _matches(rule, low, cache):
            try:
                candidates.extend(rule.handler(m, ctx))
            except (OverflowError, ValueError):
                # the calendar ends at years 1 and 9999: "l'an prochain" written on 9999-12-31
                # has no date; it keeps its kind and span, as without a publication date
                candidates.extend(rule.handler(m, undated))
    out = []
    for t in _select(candidates):
        try:
            out.append(_since(t, ctx))
        except (OverflowError, ValueError):
            out.append(t)
    return out


def blocked_spans(mentions: Iterable[TimeMention]) -> list[tuple[int, int]]:
    """Where numbers are calendar references, not quantities, for the quantity extractor.

    Dates, months, years, clock times and named days are blocked whole. Periods and
    "ago" stay quantities ("deux ans" in "depuis deux ans" is 2 years), except for the
    calendar numbers inside them (the 2022 of "depuis janvier 2022").
    """
    spans: list[tuple[int, int]] = []
    for t in mentions:
        if t.kind in BLOCKING_KINDS:
            spans.append((t.start, t.end))
        else:
            spans.extend((t.start + n.start(), t.start + n.end()) for n in _CAL_NUMBER.finditer(t.text))
    return sorted(spans)
