"""Claim context: who states a figure, and the cue words that change what it counts."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.context import attribution, cues


def test_context_attribution_nearest_source_wins():
    sentence = "Le cortège a réuni 12 500 personnes selon la préfecture, 40 000 selon les syndicats."
    assert attribution(sentence, sentence.index("12 500")) == "la préfecture"
    assert attribution(sentence, sentence.index("40 000")) == "les syndicats"


def test_context_attribution_none():
    assert attribution("Trois policiers sont arrivés.", 0) == ""


@pytest.mark.parametrize(("window", "lang", "expected"), [
    ("avec trois nouveaux policiers", "fr", "new"),
    ("cinq autres policiers", "fr", "other"),
    ("le bilan s'est alourdi à trois morts", "fr", "update"),
    ("more than 40 officers", "en", None),
    ("the new toll rose to 12", "en", "update"),
])
def test_context_cues(window, lang, expected):
    found = cues(window, lang)
    assert (expected in found) if expected else "new" not in found


@pytest.mark.parametrize(("text", "figure", "verb"), [
    ("Plus de 400 habitants ont dû être évacués dans la nuit.", "400", "évacuer"),
    ("Les secours ont pu sauver 35 randonneurs.", "35", "sauver"),
    ("Environ 80 familles vont être relogées.", "80", "reloger"),
    ("Les douaniers ont saisi 12 kg de cocaïne.", "12 kg", "saisir"),
])
def test_context_predicate_is_the_verb_a_modal_carries(text, figure, verb):
    from factcheck import api

    [claim] = [c for c in api.extract(text) if c.text == figure]
    assert claim.predicate == verb


@pytest.mark.parametrize(("after", "verb"), [
    (" residents had to be evacuated overnight", "evacuat"),
    (" hikers were able to rescue", "rescue"),
    (" men were arrested", "arrest"),
    (" people died", ""),
])
def test_context_english_predicate_through_a_modal(after, verb):
    from factcheck.align.features import _fallback_predicate

    assert _fallback_predicate(after, "en") == verb


@pytest.mark.parametrize(("text", "expected"), [
    ("Selon la préfecture du Var, 300 personnes ont été évacuées.", "Var"),
    ("[Inondations dans le Var : 300 personnes évacuées]", "Var"),
    ("Direct. Toulon : 300 personnes évacuées", "Toulon"),
    ("À Toulon, 300 personnes ont été évacuées.", "Toulon"),
])
def test_context_place_is_a_place(text, expected):
    from factcheck.extract.context import place
    from factcheck.extract.pipeline import nlp_for

    doc = nlp_for("fr")(text, disable=["factcheck_claims"])
    assert place(doc[:], text, "fr") == expected


def _row_claims(text, figures_with_places):
    from types import SimpleNamespace
    return [SimpleNamespace(start=text.index(fig), place=place) for fig, place in figures_with_places]


def test_table_rows_give_their_town_to_every_figure_of_the_row():
    from factcheck.extract.context import table_row_places
    text = "Ville par ville :\nRennes : 32 000 (CGT) / 9 000 selon la police\nBrest : 90 000 (CGT) / 21 000\n\nFin."
    claims = _row_claims(text, [("32 000", "Rennes"), ("9 000 selon", ""), ("90 000", ""), ("21 000", "")])
    assert table_row_places(text, claims) == {0: "Rennes", 1: "Rennes", 2: "Brest", 3: "Brest"}


def test_table_rows_whose_labels_are_not_places_keep_their_figures_places():
    from factcheck.extract.context import table_row_places
    text = "Bilan :\nMorts : 3 selon la préfecture\nBlessés : 12 dont 4 graves\n"
    claims = _row_claims(text, [("3 selon", ""), ("12 dont", ""), ("4 graves", "")])
    assert table_row_places(text, claims) == {}
    single = "Rennes : 32 000 manifestants selon la CGT.\nLe cortège a défilé dans le calme."
    assert table_row_places(single, _row_claims(single, [("32 000", "Rennes")])) == {}


def test_when_prefers_a_day_in_the_figures_own_clause():
    from factcheck.extract.context import when_for
    from factcheck.extract.dates import find_times
    text = ("Après l'orage de la nuit de lundi à mardi, 41 000 foyers restaient privés de courant "
            "ce mercredi matin.")
    anchor = dt.date(2024, 5, 8)  # a Wednesday
    times = find_times(text, "fr", anchor)
    start = text.index("41 000")
    assert when_for(start, 0, len(text), times, anchor, text, "fr") == anchor
    # with no day in its own clause, the day across the comma still dates it
    text = "Mardi, 41 000 foyers restaient privés de courant."
    times = find_times(text, "fr", anchor)
    assert when_for(text.index("41 000"), 0, len(text), times, anchor, text, "fr") == dt.date(2024, 5, 7)


@pytest.mark.parametrize(("text", "figure", "lang"), [
    ("Le département fait face à deux incendies, dont l'un est le plus important depuis vingt ans.", "deux", "fr"),
    ("Crews fought two fires, one of them the worst in the county in thirty years.", "two", "en"),
])
def test_a_period_after_a_superlative_is_not_the_figures(text, figure, lang):
    from factcheck.extract.context import period_for
    from factcheck.extract.dates import find_times
    times = find_times(text, lang, dt.date(2024, 7, 13))
    start = text.index(figure)
    assert period_for(start, start + len(figure), 0, len(text), times, (), "count", text, lang)[0] == ""
