"""Helpers shared by rule kinds: value intervals, written precision, digits, number formatting."""

from __future__ import annotations

import math
import re

from factcheck.align.features import Features
from factcheck.models import Claim


#: A magnitude word or abbreviation written with the figure ("1,6 million", "£2.6bn", "3 M€").
MAGNITUDE = re.compile(r"milli(?:on|ard)s?|billions?|trillions?|thousand|mille|\d\s*(?:k|m|mn|bn|md|mds|mrds?)\b|"
                       r"\b(?:k|M|Md|Mds|G)(?:€|\$|£)|(?:€|\$|£)\s*\d+(?:[.,]\d+)?\s*(?:k|m|bn)\b", re.IGNORECASE)


def interval(claim: Claim, approx_tol: float, progressive: bool = False) -> tuple[float, float]:
    """The values a claim allows, in base units: exact → a point, "plus de" → [v, ∞), …"""
    v = claim.base_value
    q = claim.qualifier
    if q == "range" and claim.high is not None:
        lo, hi = sorted((v, claim.base_high or v))
        return lo, hi
    if q == "min" or progressive:
        return v, math.inf
    if q == "max":
        return -math.inf, v
    if q == "approx":
        d = abs(v) * approx_tol
        if claim.value:  # "about 243" is hedged to a few units, "about 250" to tens
            d = min(d, APPROX_STEPS * 10.0 ** last_digit(claim.value) * abs(v / claim.value))
        return v - d, v + d
    return v, v


APPROX_STEPS = 5  # an approximate figure is within this many units of its last written digit


def gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return b[0] - a[1]
    if b[1] < a[0]:
        return a[0] - b[1]
    return 0.0


def written_digits(value: float) -> str:
    """All digits of a value as written, decimal point removed: 6.12 → "612", 1200 → "1200"."""
    text = f"{abs(value):.12g}"
    if "e" in text:
        text = f"{abs(value):.0f}"
    return text.replace(".", "")


def significant_digits(value: float) -> str:
    return written_digits(value).strip("0") or "0"


def trailing_zeros(value: float) -> int:
    """How round a number is: 8000 → 3, 8300 → 2, 8310 → 1, 6.12 → 0."""
    if value == 0 or value != int(value):
        return 0
    n, z = int(abs(value)), 0
    while n and n % 10 == 0:
        n //= 10
        z += 1
    return z


def last_digit(value: float) -> int:
    """The power of ten of a written value's last significant digit: 8300 → 2, 2.25 → -2."""
    if value == 0:
        return 0
    text = f"{abs(value):.12g}"
    if "." in text and "e" not in text:
        return -len(text.split(".")[1])
    return trailing_zeros(value)


def half_unit(value: float) -> float:
    """Half the unit of the last significant digit of a written value (8 M → 0.5 M, 4.5 → 0.05)."""
    return 0.5 * 10 ** last_digit(value)


def fmt_number(value: float, lang: str = "fr") -> str:
    """A number for a journalist: 1000 → "1 000" (fr) / "1,000" (en); 2.2 → "2,2" / "2.2"."""
    if value == int(value):
        text = f"{int(value):,}"
        return text.replace(",", "\u202f") if lang == "fr" else text
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def subject_label(claim: Claim) -> str:
    return claim.subject_full or claim.subject


def pair_subject(a: Claim, b: Claim, lang: str) -> str:
    """What the two figures count, for messages: a subject, else the event a duration times."""
    from factcheck.align.subjects import event_verb

    return (subject_label(a) or subject_label(b) or event_verb(a) or event_verb(b)
            or ("même fait" if lang == "fr" else "same fact"))


def ordered(*claims: Claim) -> tuple[Claim, ...]:
    """Claims in reading order: by file, then position."""
    return tuple(sorted(claims, key=lambda c: (c.path, c.start, c.end)))


def lang_of(*claims: Claim) -> str:
    for c in claims:
        if c.lang:
            return c.lang
    return "fr"


__all__ = ["MAGNITUDE", "Features", "interval", "gap", "written_digits", "significant_digits", "trailing_zeros", "last_digit",
           "half_unit", "fmt_number", "subject_label", "pair_subject", "ordered", "lang_of"]
