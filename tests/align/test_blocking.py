"""Blocking keys: only claims sharing a key are compared, and the work stays linear."""

from __future__ import annotations

import pytest

from claims import make_claim
from synthetic import synthetic_claims

from factcheck.align import align
from factcheck.align.blocking import candidate_pairs, digit_key, digits_of
from factcheck.align.subjects import SubjectIndex


@pytest.mark.parametrize("value, digits", [(720, "72"), (0.72, "72"), (1.2e9, "12"), (6.12, "612"), (0, "0")])
def test_blocking_digits_of(value, digits):
    assert digits_of(value) == digits


def test_blocking_digit_key_matches_transpositions():
    assert digit_key(6.12) == digit_key(6.21)
    assert digit_key(62) == digit_key(26)


def test_blocking_pairs_only_within_a_story():
    a = make_claim("On a saisi 720 g d'héroïne.", "720 g", 720, "gram", subject="héroïne", path="s1/a.md")
    b = make_claim("On a saisi 720 kg d'héroïne.", "720 kg", 720, "kilogram", subject="héroïne", path="s2/a.md")
    assert candidate_pairs([a, b], SubjectIndex([a, b])) == []


def test_blocking_pairs_need_the_same_dimension():
    a = make_claim("On a saisi 720 g d'héroïne.", "720 g", 720, "gram", subject="héroïne")
    b = make_claim("On a saisi 720 € d'héroïne.", "720 €", 720, "EUR", subject="héroïne", path="story/b.md")
    assert align([a, b]) == []


def test_blocking_synthetic_work_grows_linearly():
    pairs1 = len(align(synthetic_claims(600)))
    pairs2 = len(align(synthetic_claims(6000)))  # ten times the claims
    assert pairs2 < 15 * max(pairs1, 1)


def test_blocking_a_figure_cut_instead_of_rounded_meets_the_exact_one():
    a = make_claim("The haul was worth $250 million.", "$250 million", 2.5e8, "USD", subject="haul")
    b = make_claim("The drugs, worth $258 million, were seized.", "$258 million", 2.58e8, "USD", subject="drug",
                   path="story/b.md")
    assert len(align([a, b])) == 1
