"""Property tests: every number written in a press format reads back to itself through ``scan``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from factcheck.extract.numbers import parse_digits
from factcheck.extract.quantities import scan

SEPARATORS = [" ", "\u00a0", "\u202f", "'", "\u2019"]  # the apostrophe of Swiss copy too


def group(n: int, sep: str) -> str:
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return sep.join(parts)


def read_back(text: str, lang: str) -> float:
    """The single quantity of "<number> kg" in a neutral sentence frame."""
    found = scan(f"Les douaniers ont saisi {text} kg de marchandises.", lang) if lang == "fr" \
        else scan(f"Customs officers seized {text} kg of goods.", lang)
    assert len(found) == 1, found
    assert found[0].unit == "kilogram"
    return found[0].value


integers = st.integers(min_value=0, max_value=10**12)
decimals = st.tuples(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=999))


@settings(max_examples=200, deadline=None)
@given(n=integers)
def test_french_plain_integer(n):
    assert read_back(str(n), "fr") == n


@settings(max_examples=200, deadline=None)
@given(n=integers, sep=st.sampled_from(SEPARATORS))
def test_french_space_thousands(n, sep):
    assert read_back(group(n, sep), "fr") == n


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1000, max_value=10**12))
def test_french_dot_thousands(n):
    assert read_back(group(n, "."), "fr") == n


@settings(max_examples=200, deadline=None)
@given(parts=decimals, sep=st.sampled_from(["", *SEPARATORS]))
def test_french_decimal_comma(parts, sep):
    whole, frac = parts
    written = f"{group(whole, sep) if sep else whole},{frac:03d}"
    assert read_back(written, "fr") == pytest.approx(whole + frac / 1000)


@settings(max_examples=200, deadline=None)
@given(parts=decimals)
def test_french_decimal_dot(parts):
    whole, frac = parts
    digits = f"{frac:03d}".rstrip("0")
    if whole >= 1000 or (len(digits) == 3 and whole > 0):
        return  # "1.250" is dot thousands in French copy
    assert read_back(f"{whole}.{digits}", "fr") == pytest.approx(float(f"{whole}.{digits}"))


@settings(max_examples=200, deadline=None)
@given(n=integers)
def test_english_comma_thousands(n):
    assert read_back(group(n, ","), "en") == n


@settings(max_examples=200, deadline=None)
@given(parts=decimals, comma=st.booleans())
def test_english_decimal_dot(parts, comma):
    whole, frac = parts
    written = f"{group(whole, ',') if comma else whole}.{frac:03d}"
    assert read_back(written, "en") == pytest.approx(whole + frac / 1000)


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=0, max_value=999_999_999))
def test_french_number_words(n):
    words = num2words(n, lang="fr")
    found = scan(f"Les douaniers ont saisi {words} kg de marchandises.", "fr")
    assert len(found) == 1, (words, found)
    assert found[0].value == n


@pytest.mark.parametrize("surface, lang, value", [
    ("8 300", "fr", 8300), ("245’000", "fr", 245000), ("20'500", "en", 20500), ("26.000", "fr", 26000), ("5,4", "fr", 5.4), ("1.458.000,00", "fr", 1458000),
    ("1,200", "en", 1200), ("1.84", "en", 1.84), ("1e10", "fr", 1e10), ("12,32e+14", "fr", 1.232e15),
])
def test_parse_digits(surface, lang, value):
    assert parse_digits(surface, lang) == pytest.approx(value)


# ---------------------------------------------------------------- extremes: too long, too large, too small

@pytest.mark.parametrize("surface, lang", [
    ("9" * 41, "fr"), ("1" * 5000, "en"), ("1e309", "fr"), ("1,5e400", "fr"), ("2e-400", "en"),
    ("1" + "\u202f000" * 14, "fr"), ("1" + ",000" * 14, "en"), ("1e" + "9" * 50, "fr"),
])
def test_parse_digits_refuses_what_cannot_be_a_press_figure(surface, lang):
    assert parse_digits(surface, lang) is None


def test_parse_digits_keeps_forty_digits():
    assert parse_digits("9" * 40, "fr") == pytest.approx(1e40)


@pytest.mark.parametrize("text", [
    "Une valeur de 1e309 kg a été saisie.", "Le budget est de " + "9" * 400 + " euros.",
    "La valeur est 10^999 kg.", "Soit 1,1^9999 tonnes.", "Et 2e-400 tonnes.", " ".join(["123"] * 200) + " €",
    "Il y a 1" + "0" * 60 + " atomes.", "Soit " + "1" * 30 + "e90 milliards d'euros.",
])
def test_scan_keeps_refused_digits_as_text(text):
    # no claim, and no shorter number read inside the refused digits ("10^999" is not 10 and 999)
    assert scan(text, "fr") == []


@pytest.mark.parametrize("run", [
    " ".join(str(i % 10) for i in range(60)), "-".join(["1"] * 50), ":".join(["12"] * 30), "/".join(["1"] * 50),
    ".".join(["123"] * 20), " ".join(["12"] * 25),
])
def test_scan_long_digit_runs_are_not_numbers(run):
    # digits broken only by single separators, more than MAX_DIGITS of them: a flattened table or noise
    assert scan(f"Les chiffres : {run} kg.", "fr") == []


@pytest.mark.parametrize("text, values", [
    ("Les 12 15 18 21 ans", [12, 15, 18, 21]), ("le 01 23 45 67 89", []), ("entre 2019-2020 et 2021", []),
    ("1 2 3 kg", [1, 2, 3]),
])
def test_scan_short_digit_runs_stay_numbers(text, values):
    assert [m.value for m in scan(text, "fr")] == values


def test_scan_reads_figures_next_to_refused_digits():
    found = scan("La valeur est 10^999 kg, puis 5 kg.", "fr")
    assert [(m.value, m.unit) for m in found] == [(5.0, "kilogram")]
