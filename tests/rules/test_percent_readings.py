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
    # two sides set against each other are a split, not a part and its whole
    ("fr", "La réforme est approuvée par 52,3 % des votants mais rejetée par les régions (9 contre 4).", False),
    ("en", "The bill won 52.3% of the popular vote but lost the provinces by 9 to 4.", False),
    # differences in points are no counts: no part, whole, old or new value
    ("fr", "Le taux recule de 2,5 points dans l'industrie (71,4 % de reçus) et de 1,5 point dans le commerce.", False),
    ("en", "Turnout was down 3.5 percentage points on 2019 (61.2%) and over 6 points on 2015.", False),
    # "moins de 8" bounds a mark; it tells no change
    ("fr", "Quelque 41.300 élèves ont obtenu moins de 7 et sont recalés (6,2 %), précise le rectorat.", False),
    ("fr", "Le déficit passe de 8 M€ à 12 M€, soit une hausse de 40 %.", True),
    # "comparé à", "par rapport à", "compared with" name the base, whatever "de" came before
    ("fr", "Un total de 61,2 tonnes de déchets ont été triées en 2024, soit une hausse de 150 % comparé à 2023 "
           "(24,5 tonnes).", False),
    ("fr", "Un total de 61,2 tonnes de déchets ont été triées en 2024, soit une hausse de 60 % par rapport à 2023 "
           "(24,5 tonnes).", True),
    ("en", "A total of 61.2 tonnes of waste was sorted in 2024, an increase of 150% compared with 2023 (24.5 tonnes).",
     False),
    # a percentage of three digits ending in zero keeps two significant digits; a smaller one is read to the point
    ("fr", "Les ventes passent de 23 millions à 53,5 millions, soit une hausse de 130 %.", False),
    ("fr", "Les ventes passent de 24,5 millions à 61,2 millions, soit une hausse de 140 %.", True),
    ("fr", "Les ventes passent de 20 millions à 25,7 millions, soit une hausse de 30 %.", True),
    # a figure fifty times off is not the share's part: "moins de 9 de moyenne" is a mark
    ("fr", "D'après le rectorat, 31.200 candidats ont eu moins de 9 de moyenne et ne peuvent donc pas passer l'oral, "
           "ce qui représente 5,2% des candidats.", False),
]


@pytest.mark.parametrize("lang, sentence, reported", READINGS, ids=[r[1][:50] for r in READINGS])
def test_percent_is_read_with_what_it_restates(lang, sentence, reported):
    article = load_text(f"---\nlang: {lang}\ndate: 2024-03-02\n---\n{sentence}\n", path="story/a.md")
    assert bool(apply_rules(extract_articles([article]), FC110, articles=[article])) == reported
