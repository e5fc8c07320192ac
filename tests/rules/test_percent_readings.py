"""percent_mismatch reads a percentage with the figures it restates, not with a fraction
told beside it about something else."""

from __future__ import annotations

import pytest

from factcheck.extract.pipeline import extract_articles
from factcheck.load import load_text
from factcheck.rules import apply_rules, load_rules

FC110 = [r for r in load_rules() if r.id == "FC110"]

READINGS = [
    # (lang, sentence, whether FC110 reports it)
    ("fr", "Le oui l'emporte avec 53,4 % des votants et 17 des 22 départements consultés.", False),
    ("fr", "Le texte est adopté par 17 des 22 départements, soit 53,4 % des départements.", True),
    ("fr", "Le texte est adopté par 17 des 22 départements, soit 77,3 % des départements.", False),
    ("en", "The measure passed with 53.4% of voters and 17 of the 22 counties.", False),
    ("en", "The measure passed in 17 of the 22 counties, or 53.4% of the counties.", True),
]


@pytest.mark.parametrize("lang, sentence, reported", READINGS, ids=[r[1][:50] for r in READINGS])
def test_percent_is_read_with_what_it_restates(lang, sentence, reported):
    article = load_text(f"---\nlang: {lang}\ndate: 2024-03-02\n---\n{sentence}\n", path="story/a.md")
    assert bool(apply_rules(extract_articles([article]), FC110, articles=[article])) == reported
