"""Time expressions: what each one resolves to, and which numbers are not quantities."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import dates
from factcheck.extract.dates import TimeMention, blocked_spans, find_times

D = dt.date
FRI = D(2023, 12, 15)  # a Friday
THU_JAN = D(2024, 1, 18)  # a Thursday
THU_MAR = D(2024, 3, 14)  # a Thursday

FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


def only(text: str, lang: str = "fr", anchor: dt.date | None = FRI) -> TimeMention:
    """The single time expression in ``text``."""
    found = find_times(text, lang, anchor)
    assert len(found) == 1, [(m.text, m.kind) for m in found]
    return found[0]


def spans_ok(text: str, found: list[TimeMention]) -> None:
    """Offsets are right, in order and disjoint: the quantity extractor relies on it."""
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


# --------------------------------------------------------------------------- calendar days

@pytest.mark.parametrize(("text", "anchor", "expected", "span"), [
    ("mercredi 13 décembre", FRI, D(2023, 12, 13), "mercredi 13 décembre"),
    ("mercredi 13 décembre 2023", FRI, D(2023, 12, 13), "mercredi 13 décembre 2023"),
    ("le 13/12", FRI, D(2023, 12, 13), "13/12"),
    ("13/12/2023", FRI, D(2023, 12, 13), "13/12/2023"),
    ("14/01/2024", FRI, D(2024, 1, 14), "14/01/2024"),
    ("13.12.2023", FRI, D(2023, 12, 13), "13.12.2023"),
    ("le 13/12/23", FRI, D(2023, 12, 13), "13/12/23"),
    ("2023-12-13", FRI, D(2023, 12, 13), "2023-12-13"),
    ("le 4 août", FRI, D(2023, 8, 4), "4 août"),
    ("1er janvier", FRI, D(2024, 1, 1), "1er janvier"),
    ("le 5 mars 2024", FRI, D(2024, 3, 5), "5 mars 2024"),
    ("le 12 déc. 2023", FRI, D(2023, 12, 12), "12 déc. 2023"),
    ("Le 1er Mai 2024", FRI, D(2024, 5, 1), "1er Mai 2024"),
])
def test_dates_french_calendar_days(text: str, anchor: dt.date, expected: dt.date, span: str) -> None:
    m = only(text, "fr", anchor)
    assert (m.kind, m.date, m.text) == ("date", expected, span)


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("13 décembre", D(2023, 12, 15), D(2023, 12, 13)),
    ("16 décembre", D(2024, 1, 18), D(2023, 12, 16)),  # not eleven months ahead
    ("20 décembre", D(2024, 3, 1), D(2023, 12, 20)),  # the nearest one
    ("3 janvier", D(2023, 12, 28), D(2024, 1, 3)),  # next week, not a year ago
    ("20 juin", D(2024, 6, 15), D(2024, 6, 20)),
    ("20 juillet", D(2024, 3, 1), D(2024, 7, 20)),  # nearer ahead than behind
    ("20 juillet", D(2024, 1, 18), D(2023, 7, 20)),  # nearer behind than ahead
])
def test_dates_year_comes_from_anchor(text: str, anchor: dt.date, expected: dt.date) -> None:
    assert only(text, "fr", anchor).date == expected


def test_dates_first_day_of_a_day_range() -> None:
    found = find_times("du 3 au 5 mars 2024", "fr", FRI)
    assert [(m.text, m.kind, m.date) for m in found] == [
        ("3", "date", D(2024, 3, 3)), ("5 mars 2024", "date", D(2024, 3, 5))]


@pytest.mark.parametrize(("text", "span"), [("le procès du 14-Juillet", "14-Juillet"),
                                            ("les otages du 7 -Octobre", "7 -Octobre")])
def test_dates_a_day_joined_to_its_month_names_an_event(text: str, span: str) -> None:
    # "les attentats du 13-Novembre": no count, and no day of this year either
    m = only(text, "fr", FRI)
    assert (m.kind, m.date, m.text) == ("date", None, span)


def test_dates_impossible_day_has_no_date() -> None:
    m = only("le 31 février 2024", "fr")
    assert (m.kind, m.date, m.weekday_ok) == ("date", None, None)


@pytest.mark.parametrize(("text", "anchor", "expected", "span"), [
    ("Tuesday, March 12", THU_MAR, D(2024, 3, 12), "Tuesday, March 12"),
    ("Tuesday March 12, 2024", None, D(2024, 3, 12), "Tuesday March 12, 2024"),
    ("March 12", THU_MAR, D(2024, 3, 12), "March 12"),
    ("12 March 2024", None, D(2024, 3, 12), "12 March 2024"),
    ("May 3", THU_MAR, D(2024, 5, 3), "May 3"),
    ("Oct. 31", THU_MAR, D(2023, 10, 31), "Oct. 31"),
    ("the 5th of November", THU_MAR, D(2023, 11, 5), "the 5th of November"),
    ("on 12/03/2024", None, D(2024, 12, 3), "12/03/2024"),  # month first in English
])
def test_dates_english_calendar_days(text: str, anchor: dt.date | None, expected: dt.date, span: str) -> None:
    m = only(text, "en", anchor)
    assert (m.kind, m.date, m.text) == ("date", expected, span)


# --------------------------------------------------------------------------- weekdays

@pytest.mark.parametrize(("text", "lang", "anchor", "stated", "ok"), [
    ("mercredi 13 décembre", "fr", FRI, 2, True),
    ("mercredi 13 décembre 2023", "fr", None, 2, True),
    ("mercredi 14 décembre 2023", "fr", FRI, 2, False),
    ("lundi 16 janvier", "fr", THU_JAN, 0, False),  # 16 January 2024 is a Tuesday
    ("mardi 16 janvier", "fr", THU_JAN, 1, True),
    ("jeudi 1er février 2024", "fr", None, 3, True),
    ("Mercredi 13/12/2023", "fr", None, 2, True),
    ("vendredi 13/12", "fr", FRI, 4, False),
    ("Tuesday, March 12", "en", THU_MAR, 1, True),
    ("Wednesday, March 12, 2024", "en", None, 2, False),
    ("Monday 20 November 2023", "en", None, 0, True),
    ("mercredi 13 décembre", "fr", None, 2, None),  # no year, no anchor: not checkable
    ("13 décembre 2023", "fr", None, None, None),
])
def test_dates_weekday_is_checked(text: str, lang: str, anchor: dt.date | None,
                                  stated: int | None, ok: bool | None) -> None:
    m = only(text, lang, anchor)
    assert (m.stated_weekday, m.weekday_ok) == (stated, ok)


def test_dates_weekday_with_day_number_only() -> None:
    m = only("mardi 12, la préfecture", "fr", FRI)
    assert (m.text, m.date, m.weekday_ok) == ("mardi 12", D(2023, 12, 12), True)


@settings(max_examples=300, deadline=None)
@given(day=st.dates(D(1990, 1, 1), D(2040, 12, 31)), shift=st.integers(0, 6), premier=st.booleans(),
       anchor=st.none() | st.dates(D(1990, 1, 1), D(2040, 12, 31)))
def test_dates_weekday_ok_french_property(day: dt.date, shift: int, premier: bool, anchor: dt.date | None) -> None:
    weekday = (day.weekday() + shift) % 7
    number = "1er" if day.day == 1 and premier else str(day.day)
    text = f"{FR_WEEKDAYS[weekday]} {number} {FR_MONTHS[day.month - 1]} {day.year}"
    m = only(f"Le drame a eu lieu {text}, selon la police.", "fr", anchor)
    assert (m.kind, m.text, m.date, m.stated_weekday) == ("date", text, day, weekday)
    assert m.weekday_ok is (shift == 0)


@settings(max_examples=300, deadline=None)
@given(day=st.dates(D(1990, 1, 1), D(2040, 12, 31)), shift=st.integers(0, 6))
def test_dates_weekday_ok_english_property(day: dt.date, shift: int) -> None:
    weekday = (day.weekday() + shift) % 7
    text = f"{EN_WEEKDAYS[weekday]}, {EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
    m = only(f"It happened on {text}, police said.", "en", None)
    assert (m.kind, m.text, m.date) == ("date", text, day)
    assert m.weekday_ok is (shift == 0)


# --------------------------------------------------------------------------- months and years

@pytest.mark.parametrize(("text", "lang", "anchor", "first", "last"), [
    ("janvier 1995", "fr", FRI, D(1995, 1, 1), D(1995, 1, 31)),
    ("en janvier", "fr", THU_MAR, D(2024, 1, 1), D(2024, 1, 31)),
    ("janvier dernier", "fr", THU_JAN, D(2023, 1, 1), D(2023, 1, 31)),
    ("janvier dernier", "fr", THU_MAR, D(2024, 1, 1), D(2024, 1, 31)),
    ("le mois dernier", "fr", THU_MAR, D(2024, 2, 1), D(2024, 2, 29)),
    ("fin février", "fr", THU_MAR, D(2024, 2, 1), D(2024, 2, 29)),
    ("à la mi-mars", "fr", THU_MAR, D(2024, 3, 1), D(2024, 3, 31)),
    ("ce mois-ci", "fr", THU_MAR, D(2024, 3, 1), D(2024, 3, 31)),
    ("in March 2023", "en", THU_MAR, D(2023, 3, 1), D(2023, 3, 31)),
    ("last month", "en", THU_MAR, D(2024, 2, 1), D(2024, 2, 29)),
    ("last May", "en", THU_MAR, D(2023, 5, 1), D(2023, 5, 31)),
])
def test_dates_months(text: str, lang: str, anchor: dt.date, first: dt.date, last: dt.date) -> None:
    m = only(text, lang, anchor)
    assert (m.kind, m.date, m.date_end) == ("month", first, last)


@pytest.mark.parametrize(("text", "lang", "first", "last", "span"), [
    ("en 2022", "fr", D(2022, 1, 1), D(2022, 12, 31), "2022"),
    ("l'an dernier", "fr", D(2023, 1, 1), D(2023, 12, 31), "l'an dernier"),
    ("l'année dernière", "fr", D(2023, 1, 1), D(2023, 12, 31), "l'année dernière"),
    ("cette année", "fr", D(2024, 1, 1), D(2024, 12, 31), "cette année"),
    ("l'exercice 2023", "fr", D(2023, 1, 1), D(2023, 12, 31), "2023"),
    ("à l'horizon 2030", "fr", D(2030, 1, 1), D(2030, 12, 31), "2030"),
    ("les élections de 2020.", "fr", D(2020, 1, 1), D(2020, 12, 31), "2020"),
    ("les années 1990", "fr", D(1990, 1, 1), D(1999, 12, 31), "1990"),
    ("(2019)", "fr", D(2019, 1, 1), D(2019, 12, 31), "2019"),
    ("in 2023", "en", D(2023, 1, 1), D(2023, 12, 31), "2023"),
    ("last year", "en", D(2023, 1, 1), D(2023, 12, 31), "last year"),
    ("by 2030", "en", D(2030, 1, 1), D(2030, 12, 31), "2030"),
    ("the 1990s", "en", D(1990, 1, 1), D(1999, 12, 31), "1990s"),
    ("dans les années 80", "fr", D(1980, 1, 1), D(1989, 12, 31), "80"),
    ("in the '70s", "en", D(1970, 1, 1), D(1979, 12, 31), "70s"),
])
def test_dates_years(text: str, lang: str, first: dt.date, last: dt.date, span: str) -> None:
    m = only(text, lang, THU_MAR)
    assert (m.kind, m.date, m.date_end, m.text) == ("year", first, last, span)


@pytest.mark.parametrize(("text", "lang", "years"), [
    ("de 2015 à 2021", "fr", ["2015", "2021"]),
    ("entre 2022 et 2023", "fr", ["2022", "2023"]),
    ("en 2019, 2020 et 2021", "fr", ["2019", "2020", "2021"]),
    ("la saison 2023-2024", "fr", ["2023", "2024"]),
    ("from 2015 to 2021", "en", ["2015", "2021"]),
])
def test_dates_year_lists_and_ranges(text: str, lang: str, years: list[str]) -> None:
    found = find_times(text, lang, FRI)
    assert [(m.text, m.kind) for m in found] == [(y, "year") for y in years]


# --------------------------------------------------------------------------- weeks

JAN_2017 = D(2017, 1, 18)


@pytest.mark.parametrize(("text", "lang", "first", "last"), [
    ("lors de la dernière semaine de décembre", "fr", D(2016, 12, 25), D(2016, 12, 31)),
    ("la première semaine de janvier", "fr", D(2017, 1, 1), D(2017, 1, 7)),
    ("la dernière semaine de 2016", "fr", D(2016, 12, 25), D(2016, 12, 31)),
    ("la deuxième semaine de mars 2020", "fr", D(2020, 3, 8), D(2020, 3, 14)),
    ("la 3e semaine de février", "fr", D(2017, 2, 15), D(2017, 2, 21)),
    ("la dernière semaine de février 2016", "fr", D(2016, 2, 23), D(2016, 2, 29)),
    ("during the last week of December", "en", D(2016, 12, 25), D(2016, 12, 31)),
    ("in the first week of May 2015", "en", D(2015, 5, 1), D(2015, 5, 7)),
])
def test_dates_week_of_a_month_or_year(text: str, lang: str, first: dt.date, last: dt.date) -> None:
    m = only(text, lang, JAN_2017)
    assert (m.kind, m.date, m.date_end) == ("week", first, last)


@pytest.mark.parametrize(("text", "lang", "monday"), [
    ("en semaine 52, le taux", "fr", D(2016, 12, 26)),  # the nearest week 52: last year's
    ("lors de la semaine 2 de 2017", "fr", D(2017, 1, 9)),
    ("in week 3, the rate", "en", D(2017, 1, 16)),
])
def test_dates_numbered_weeks_of_the_year(text: str, lang: str, monday: dt.date) -> None:
    m = only(text, lang, JAN_2017)
    assert (m.kind, m.date, m.date_end) == ("week", monday, monday + dt.timedelta(days=6))


@pytest.mark.parametrize(("text", "lang"), [
    ("la semaine 3 du procès", "fr"),  # a week of something else
    ("in week 3 of the trial", "en"),
    ("la cinquième semaine de grève", "fr"),
])
def test_dates_weeks_of_something_else_are_not_calendar_weeks(text: str, lang: str) -> None:
    assert all(m.kind != "week" for m in find_times(text, lang, JAN_2017))


def test_dates_since_a_week_is_a_period_from_its_first_day() -> None:
    m = only("depuis la première semaine de janvier", "fr", JAN_2017)
    assert (m.kind, m.date, m.date_end) == ("period", D(2017, 1, 1), JAN_2017)


def test_dates_week_numbers_are_not_quantities() -> None:
    text = "en semaine 52 de 2016"
    assert blocked_spans(find_times(text, "fr", JAN_2017)) == [(3, len(text))]


# --------------------------------------------------------------------------- relative days

@pytest.mark.parametrize(("text", "lang", "anchor", "expected", "span"), [
    ("hier", "fr", FRI, D(2023, 12, 14), "hier"),
    ("avant-hier", "fr", FRI, D(2023, 12, 13), "avant-hier"),
    ("aujourd'hui", "fr", FRI, D(2023, 12, 15), "aujourd'hui"),
    ("aujourd’hui", "fr", FRI, D(2023, 12, 15), "aujourd’hui"),
    ("demain", "fr", FRI, D(2023, 12, 16), "demain"),
    ("hier soir", "fr", FRI, D(2023, 12, 14), "hier soir"),
    ("ce matin", "fr", FRI, D(2023, 12, 15), "ce matin"),
    ("mardi", "fr", FRI, D(2023, 12, 12), "mardi"),
    ("vendredi", "fr", FRI, D(2023, 12, 15), "vendredi"),  # the anchor's own weekday
    ("mardi dernier", "fr", FRI, D(2023, 12, 12), "mardi dernier"),
    ("vendredi dernier", "fr", FRI, D(2023, 12, 8), "vendredi dernier"),
    ("mardi prochain", "fr", FRI, D(2023, 12, 19), "mardi prochain"),
    ("Mardi matin", "fr", FRI, D(2023, 12, 12), "Mardi matin"),
    ("yesterday", "en", THU_MAR, D(2024, 3, 13), "yesterday"),
    ("last Tuesday", "en", THU_MAR, D(2024, 3, 12), "last Tuesday"),
    ("last Thursday", "en", THU_MAR, D(2024, 3, 7), "last Thursday"),
    ("on Tuesday", "en", THU_MAR, D(2024, 3, 12), "Tuesday"),
    ("next Tuesday", "en", THU_MAR, D(2024, 3, 19), "next Tuesday"),
    ("Tuesday night", "en", THU_MAR, D(2024, 3, 12), "Tuesday night"),
])
def test_dates_relative_days(text: str, lang: str, anchor: dt.date, expected: dt.date, span: str) -> None:
    m = only(text, lang, anchor)
    assert (m.kind, m.date, m.text) == ("relative_day", expected, span)


# --------------------------------------------------------------------------- ago and periods

@pytest.mark.parametrize(("text", "lang", "days", "expected"), [
    ("il y a neuf ans", "fr", 3287.25, D(2014, 12, 15)),
    ("il y a un an et demi", "fr", 547.875, D(2022, 6, 15)),
    ("il y a deux semaines", "fr", 14.0, D(2023, 12, 1)),
    ("il y a 10 jours", "fr", 10.0, D(2023, 12, 5)),
    ("il y a une dizaine d'années", "fr", 3652.5, D(2013, 12, 15)),
    ("il y a plus d'un an", "fr", 365.25, D(2022, 12, 15)),
    ("two years ago", "en", 730.5, D(2021, 12, 15)),
    ("a year and a half ago", "en", 547.875, D(2022, 6, 15)),
    ("18 months ago", "en", 547.875, D(2022, 6, 15)),
])
def test_dates_ago(text: str, lang: str, days: float, expected: dt.date) -> None:
    m = only(text, lang, FRI)
    assert (m.kind, m.text, m.date) == ("ago", text, expected)
    assert m.days == pytest.approx(days)


def test_dates_year_and_a_half_is_547_9_days() -> None:
    assert only("il y a un an et demi").days == pytest.approx(547.9, abs=0.05)


@pytest.mark.parametrize(("text", "lang", "days", "first", "last"), [
    ("depuis un an", "fr", 365.25, D(2022, 12, 15), FRI),
    ("depuis deux ans", "fr", 730.5, D(2021, 12, 15), FRI),
    ("depuis trois semaines", "fr", 21.0, D(2023, 11, 24), FRI),
    ("depuis 18 mois", "fr", 547.875, D(2022, 6, 15), FRI),
    ("depuis plus de deux ans", "fr", 730.5, D(2021, 12, 15), FRI),
    ("au cours des douze derniers mois", "fr", 365.25, D(2022, 12, 15), FRI),
    ("ces dix dernières années", "fr", 3652.5, D(2013, 12, 15), FRI),
    ("dans trois mois", "fr", 91.3125, FRI, D(2024, 3, 15)),
    ("en un an", "fr", 365.25, None, None),
    ("sur 3 ans", "fr", 1095.75, None, None),
    ("pendant cent cinquante jours", "fr", 150.0, None, None),
    ("pendant deux heures et demie", "fr", 2.5 / 24, None, None),
    ("over the past year", "en", 365.25, D(2022, 12, 15), FRI),
    ("over the last 12 months", "en", 365.25, D(2022, 12, 15), FRI),
    ("in the past two years", "en", 730.5, D(2021, 12, 15), FRI),
    ("for three weeks", "en", 21.0, None, None),
    ("for twelve days", "en", 12.0, None, None),
])
def test_dates_periods(text: str, lang: str, days: float, first: dt.date | None, last: dt.date | None) -> None:
    m = only(text, lang, FRI)
    assert (m.kind, m.text, m.date, m.date_end) == ("period", text, first, last)
    assert m.days == pytest.approx(days)


@pytest.mark.parametrize(("text", "lang", "first", "days"), [
    ("depuis janvier 2022", "fr", D(2022, 1, 1), 713.0),
    ("depuis le début de l'année", "fr", D(2023, 1, 1), 348.0),
    ("depuis mardi", "fr", D(2023, 12, 12), 3.0),
    ("depuis le 5 mars", "fr", D(2023, 3, 5), 285.0),
    ("depuis 2019", "fr", D(2019, 1, 1), 1809.0),
    ("Depuis le début du mois d'août", "fr", D(2023, 8, 1), 136.0),
    ("since January", "en", D(2023, 1, 1), 348.0),
    ("since the start of the year", "en", D(2023, 1, 1), 348.0),
])
def test_dates_since_a_point_runs_to_the_anchor(text: str, lang: str, first: dt.date, days: float) -> None:
    m = only(text, lang, FRI)
    assert (m.kind, m.text, m.date, m.date_end, m.days) == ("period", text, first, FRI, days)


def test_dates_vague_period_has_no_length() -> None:
    m = only("depuis plusieurs années")
    assert (m.kind, m.days, m.date) == ("period", None, None)


# --------------------------------------------------------------------------- clock times

@pytest.mark.parametrize(("text", "lang", "clocks"), [
    ("21h", "fr", ["21h"]),
    ("21 h 30", "fr", ["21 h 30"]),
    ("18 h 30", "fr", ["18 h 30"]),
    ("7 h 42", "fr", ["7 h 42"]),
    ("à 14 heures", "fr", ["14 heures"]),
    ("peu avant 21 heures", "fr", ["21 heures"]),
    ("vers 23 heures", "fr", ["23 heures"]),
    ("dès 8h", "fr", ["8h"]),
    ("jusqu'à 22 heures", "fr", ["22 heures"]),
    ("à 3 heures du matin", "fr", ["3 heures du matin"]),
    ("Il est 21 heures", "fr", ["21 heures"]),
    ("mardi, 21 heures", "fr", ["21 heures"]),
    ("21 heures : la police intervient", "fr", ["21 heures"]),
    ("de 9 heures à 18 heures", "fr", ["9 heures", "18 heures"]),
    ("entre 9 h et 10 h", "fr", ["9 h", "10 h"]),
    ("à 19:30", "fr", ["19:30"]),
    ("à midi", "fr", ["midi"]),
    ("à midi 30, la foule", "fr", ["midi 30"]),
    ("vers minuit 15 000 foyers", "fr", ["minuit"]),
    ("by midnight 41,500 homes", "en", ["midnight"]),
    ("at noon 30 people", "en", ["noon"]),
    ("7 p.m.", "en", ["7 p.m."]),
    ("7pm", "en", ["7pm"]),
    ("7:30 p.m.", "en", ["7:30 p.m."]),
    ("19:30", "en", ["19:30"]),
    ("at 7", "en", ["7"]),
    ("at 7 o'clock", "en", ["7 o'clock"]),
    ("at noon", "en", ["noon"]),
])
def test_dates_clock_times(text: str, lang: str, clocks: list[str]) -> None:
    found = [m for m in find_times(text, lang, FRI) if m.kind != "relative_day"]
    assert [(m.text, m.kind) for m in found] == [(c, "clock") for c in clocks]


@pytest.mark.parametrize(("text", "lang", "kind", "days"), [
    ("pendant 48 heures", "fr", "period", 2.0),
    ("48 heures", "fr", "period", 2.0),
    ("en 48 heures", "fr", "period", 2.0),
    ("depuis 48 heures", "fr", "period", 2.0),
    ("48h", "fr", "period", 2.0),
    ("pendant 2 heures", "fr", "period", 2 / 24),
    ("en 2 h 30", "fr", "period", 2.5 / 24),
    ("à deux heures de route", "fr", "period", 2 / 24),
    ("de 2 à 3 heures", "fr", "period", 3 / 24),
    ("il y a deux heures", "fr", "ago", 2 / 24),
    ("for 48 hours", "en", "period", 2.0),
    ("48 hours", "en", "period", 2.0),
])
def test_dates_durations_are_not_clock_times(text: str, lang: str, kind: str, days: float) -> None:
    m = only(text, lang, FRI)
    assert m.kind == kind
    assert m.days == pytest.approx(days)


# --------------------------------------------------------------------------- what is not a time

@pytest.mark.parametrize(("text", "lang"), [
    ("une hausse de 2000 euros", "fr"),
    ("plus de 2000.", "fr"),
    ("en 2000 exemplaires", "fr"),
    ("la planète Mars", "fr"),
    ("un homme de 45 ans", "fr"),
    ("âgé de 45 ans, il", "fr"),
    ("une peine de deux ans", "fr"),
    ("sur une seconde brigade", "fr"),
    ("les 3/4 des habitants", "fr"),
    ("chacun annonce 3 hommes", "fr"),
    ("you may go", "en"),
    ("rates at 7.5%", "en"),
    ("a 45-year-old man", "en"),
    ("2000 people", "en"),
    ("the March on Washington", "en"),
])
def test_dates_not_time_expressions(text: str, lang: str) -> None:
    assert find_times(text, lang, FRI) == []


# --------------------------------------------------------------------------- blocked spans

@pytest.mark.parametrize(("text", "blocked"), [
    ("Le 13 décembre 2023, 450 personnes", ["13 décembre 2023"]),
    ("à 21 heures, 30 policiers", ["21 heures"]),
    ("en 2022, 12 % de plus", ["2022"]),
    ("depuis janvier 2022, 12 % de plus", ["2022"]),
    ("depuis le 5 mars", ["5"]),
    ("depuis deux ans", []),
    ("depuis 2 ans", []),
    ("il y a 2000 ans", []),
    ("pendant 2 h 30", []),
    ("mardi 12 décembre à 18 h 30", ["mardi 12 décembre", "18 h 30"]),
])
def test_dates_blocked_spans(text: str, blocked: list[str]) -> None:
    spans = blocked_spans(find_times(text, "fr", None))
    assert [text[a:b] for a, b in spans] == blocked


def test_dates_blocked_spans_keep_kinds_that_count() -> None:
    """Periods and "ago" stay quantities: "deux ans" in "depuis deux ans" is 2 years."""
    assert dates.BLOCKING_KINDS == {"date", "week", "month", "year", "clock", "relative_day"}


# --------------------------------------------------------------------------- without an anchor

@pytest.mark.parametrize(("text", "kind", "days"), [
    ("mercredi 13 décembre", "date", None),
    ("hier", "relative_day", None),
    ("en janvier", "month", None),
    ("depuis deux ans", "period", 730.5),
    ("il y a neuf ans", "ago", 3287.25),
    ("à 21 heures", "clock", None),
])
def test_dates_without_anchor_keep_kind_but_no_date(text: str, kind: str, days: float | None) -> None:
    m = only(text, "fr", None)
    assert (m.kind, m.date, m.days) == (kind, None, days)


def test_dates_in_a_paragraph() -> None:
    text = ("Peu avant 21 heures, mercredi 13 décembre, une cinquantaine de policiers sont "
            "intervenus. Le trafic a bondi de 87 % depuis janvier, et les saisies ont doublé "
            "en un an. Vendredi, la préfecture a annoncé 258 000 euros sur trois ans.")
    found = find_times(text, "fr", FRI)
    spans_ok(text, found)
    assert [(m.text, m.kind) for m in found] == [
        ("21 heures", "clock"), ("mercredi 13 décembre", "date"), ("depuis janvier", "period"),
        ("en un an", "period"), ("Vendredi", "relative_day"), ("sur trois ans", "period")]


# --------------------------------------------------------------------------- robustness

PIECES = [
    "mercredi 13 décembre", "le 13/12", "14/01/2024", "1er janvier", "janvier 1995", "en 2022",
    "janvier dernier", "hier", "mardi", "il y a un an et demi", "depuis deux ans", "à 21 heures",
    "18 h 30", "pendant 48 heures", "de 2015 à 2021", "Tuesday, March 12", "7 p.m.", "at 7",
    "two years ago", "over the past year", "since January", "2 000 euros", "87 %", "du 3 au 5 mars",
    " ", ", ", ". ", " et ", "\n", "depuis ", "il y a ", "à ", "de ", "12", "2023", "h", "ans",
    "la dernière semaine de décembre", "en semaine 52", "the first week of May", "in week 3",
    " " * 8,  # markup the loader blanked out
]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=12), lang=st.sampled_from(["fr", "en"]),
       anchor=st.none() | st.dates(D(1990, 1, 1), D(2040, 12, 31)))
def test_dates_spans_are_consistent(parts: list[str], lang: str, anchor: dt.date | None) -> None:
    text = "".join(parts)
    found = find_times(text, lang, anchor)
    spans_ok(text, found)
    for a, b in blocked_spans(found):
        assert 0 <= a < b <= len(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), lang=st.sampled_from(["fr", "en"]))
def test_dates_any_text_is_safe(text: str, lang: str) -> None:
    spans_ok(text, find_times(text, lang, D(2024, 1, 18)))


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=12), lang=st.sampled_from(["fr", "en"]))
def test_dates_windowed_scan_equals_full_scan(parts: list[str], lang: str) -> None:
    """Patterns run only near their trigger words; that must not change what is found."""
    text = "".join(parts)
    windowed = find_times(text, lang, THU_JAN)
    original = dates._matches
    dates._matches = lambda rule, low, cache: rule.pattern.finditer(low)
    try:
        full = find_times(text, lang, THU_JAN)
    finally:
        dates._matches = original
    assert windowed == full


def test_dates_long_runs_of_number_words_stay_linear() -> None:
    """Nested repetitions could backtrack quadratically on "un un un …"; they are bounded."""
    for text in ("un " * 3000, "deux-" * 3000, "vingt et " * 2000):
        assert find_times(text, "fr", None) == []


# ---------------------------------------------------------------- the ends of the calendar

EVERY_RELATIVE = {
    "fr": "Hier, avant-hier et demain ; mardi dernier, jeudi prochain, ce lundi ; le mois dernier, l'an prochain, "
          "cette semaine, la semaine prochaine ; il y a deux ans, dans trois mois, depuis 9999 ans, "
          "depuis le début de l'année, en mars, mars prochain, le 13 décembre, mardi 12, depuis janvier.",
    "en": "Yesterday, today and tomorrow; last Tuesday, next Friday; last year, next month, this week; two years "
          "ago, over the next 9999 years, since the start of the year, in March, on March 3, since Monday.",
}


@pytest.mark.parametrize("anchor", [D(1, 1, 1), D(1, 1, 3), D(9999, 12, 31), D(9999, 12, 28), D.min, D.max])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_find_times_at_the_ends_of_the_calendar(anchor, lang):
    # the publication date may be year 1 or 9999: what falls off the calendar has no date, and nothing raises
    found = find_times(EVERY_RELATIVE[lang], lang, anchor)
    assert len(found) >= 8
    assert {m.kind for m in found} >= {"relative_day", "period"}
    for m in found:
        for day in (m.date, m.date_end):
            assert day is None or isinstance(day, dt.date)


@pytest.mark.parametrize("text", ["depuis " + "9" * 400 + " ans", "il y a 1e309 ans", "over the past " + "9" * 50 + " years"])
def test_find_times_refuses_durations_beyond_any_calendar(text):
    for m in find_times(text, "en" if "over" in text else "fr", D(2023, 12, 13)):
        assert m.days is None or m.days < 1e100


@pytest.mark.parametrize(("text", "lang"), [
    ("Une heure plus tard, deux incendies démarrent.", "fr"),
    ("Trois jours auparavant, la digue avait cédé.", "fr"),
    ("An hour later, two fires broke out.", "en"),
    ("Two days earlier, the dam had failed.", "en"),
])
def test_dates_a_step_in_the_storys_time_is_not_a_window(text: str, lang: str) -> None:
    assert [m for m in find_times(text, lang, FRI) if m.kind == "period"] == []


@pytest.mark.parametrize(("text", "lang"), [
    ("les années 80 %", "fr"),          # not a decade: a share
    ("80 people in their 80s", "en"),   # an age, not the 1980s
])
def test_dates_two_digits_that_are_no_decade(text: str, lang: str) -> None:
    assert [m for m in find_times(text, lang, FRI) if m.kind == "year"] == []
