"""Event moments: clock times tied to the once-only event they date, and what dates nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.moments import clock_minutes, find_moments

DAY = dt.date(2024, 3, 12)  # a Tuesday


@pytest.mark.parametrize("text, lang, expected", [
    ("7h", "fr", (420, True)),
    ("21 h 10", "fr", (1270, False)),
    ("une heure du matin", "fr", (60, True)),
    ("8 heures du soir", "fr", (1200, True)),
    ("7 heures et demie", "fr", (450, False)),
    ("minuit et demi", "fr", (30, False)),
    ("midi", "fr", (720, True)),
    ("9.30pm", "en", (1290, False)),
    ("7:40 a.m.", "en", (460, False)),
    ("12am", "en", (0, True)),
    ("noon", "en", (720, True)),
])
def test_moments_clock_minutes(text, lang, expected):
    assert clock_minutes(text, lang) == expected


@pytest.mark.parametrize("text, approx", [
    ("À approximativement 15 h 30, le train d'essai a déraillé.", True),
    ("Le train d'essai a déraillé à peu près à 15 h 30.", True),
    ("Le train d'essai a déraillé à 15 h 30.", False),
])
def test_moments_words_that_make_a_time_approximate(text, approx):
    [m] = find_moments(text, "fr", DAY)
    assert (m.minutes, m.approx) == (930, approx)


def test_moments_time_dates_the_nearest_event():
    text = "Le feu de l'entrepôt s'est déclaré vers 1 h 20 et a été maîtrisé à 5 h."
    found = [(m.event, m.minutes, m.approx, m.whole_hour) for m in find_moments(text, "fr", DAY)]
    assert found == [("incident", 80, True, False), ("control", 300, False, True)]


def test_moments_day_named_in_the_sentence():
    day, clock = find_moments("La collision s'est produite lundi vers 18 h sur la nationale.", "fr", DAY)
    assert (day.text, day.minutes, day.day) == ("lundi", None, dt.date(2024, 3, 11))
    assert (clock.minutes, clock.day) == (1080, dt.date(2024, 3, 11))


@pytest.mark.parametrize("text", [
    "Au lendemain de l'explosion, mercredi, les enquêteurs étaient sur place.",  # the day after
    "L'incendie s'est déclaré dans la nuit de lundi à mardi.",                   # a night span
    "Le préfet a annoncé mardi que le feu était maîtrisé.",                      # dates the telling
    "La collision, survenue sur la nationale, a été évoquée lundi au conseil.",  # another clause
    "Les fouilles ont cessé ce samedi trois jours après l'effondrement du pont.",  # an interval from it
])
def test_moments_days_that_date_no_event(text):
    assert [m for m in find_moments(text, "fr", DAY) if m.minutes is None] == []


def test_moments_evening_leaves_a_day_of_slack():
    [m] = find_moments("Le feu s'est déclaré mardi soir dans la forêt.", "fr", DAY)
    assert m.night and m.day == dt.date(2024, 3, 12)


@pytest.mark.parametrize("text", [
    "Le feu n'était toujours pas maîtrisé vers 3 heures du matin.",   # negated
    "Les pompiers ont combattu le feu entre 1 h et 6 h avant de le maîtriser.",  # a span
    "Le feu devrait être maîtrisé avant 18 h, espèrent les pompiers.",  # a bound
    "Le maire a pris la parole à 11 h devant la mairie.",  # no event of the table
])
def test_moments_what_dates_nothing(text):
    assert find_moments(text, "fr", DAY) == []


def test_moments_english():
    text = "The blaze broke out at around 1.15am and was under control by 6am."
    assert [(m.event, m.minutes, m.approx) for m in find_moments(text, "en", DAY)] == [("incident", 75, True)]


def test_moments_an_english_day_an_interval_after_the_event_dates_no_event():
    text = "Rescuers called off the search on Saturday three days after the collapse of the bridge."
    assert [m for m in find_moments(text, "en", DAY) if m.minutes is None] == []


@pytest.mark.parametrize("text, lang, moments", [
    ("The 07:12 Leeds to York train derailed near the viaduct.", "en", []),
    ("The 07:12 Newcastle to Edinburgh train derailed near the viaduct.", "en", []),
    ("The 9.05pm sailing to the island collided with a trawler.", "en", []),
    ("The train derailed at 07:12 near the viaduct.", "en", ["07:12"]),
    ("Le TER de 7 h 12 a déraillé près du viaduc.", "fr", []),
    ("Le train a déraillé à 7 h 12 près du viaduc.", "fr", ["7 h 12"]),
])
def test_moments_a_time_that_names_a_scheduled_service_dates_nothing(text, lang, moments):
    assert [m.text for m in find_moments(text, lang, DAY)] == moments


@pytest.mark.parametrize("text, lang", [
    ("Agence – Mardi 12 mars 2024 – Le bilan du déraillement du train s'alourdit.", "fr"),
    ("NEWSDESK — Tuesday 12 March 2024 — The toll of the derailment rose again.", "en"),
])
def test_moments_a_dateline_dates_the_telling(text, lang):
    assert [m for m in find_moments(text, lang, DAY) if m.minutes is None] == []
