"""Surface grammar of quantities: ``scan(text, lang)`` on our own press-like fixtures."""

from __future__ import annotations

import pytest

from factcheck.extract.quantities import scan

NBSP, NNBSP = "\u00a0", "\u202f"


def only(text: str, lang: str = "fr"):
    found = scan(text, lang)
    assert len(found) == 1, [(text[m.start:m.end], m.value, m.unit) for m in found]
    m = found[0]
    return text[m.start:m.end], m.value, m.unit, m.qualifier


def check(text, lang, surface, value, unit, qualifier="exact"):
    got_surface, got_value, got_unit, got_qualifier = only(text, lang)
    assert got_surface == surface
    assert got_value == pytest.approx(value)
    assert got_unit == unit
    assert got_qualifier == qualifier


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Le butin : 8 300 € en liquide.", "8 300 €", 8300, "EUR"),
    ("Le butin : 8 300€ en liquide.", "8 300€", 8300, "EUR"),
    (f"Le butin : 8{NBSP}300 € en liquide.", f"8{NBSP}300 €", 8300, "EUR"),
    (f"Au total 8{NNBSP}300 foyers.", f"8{NNBSP}300", 8300, ""),
    ("Une commune de 26.000 habitants.", "26.000", 26000, ""),
    ("Un loyer de 1.250,50 euros par mois.", "1.250,50 euros", 1250.5, "EUR"),
])
def test_quantities_french_digit_formats(text, surface, value, unit):
    check(text, "fr", surface, value, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Ils ont trouvé 5,4 kg de résine.", "5,4 kg", 5.4, "kilogram"),
    ("Ils ont trouvé 5.4kg de résine.", "5.4kg", 5.4, "kilogram"),
    ("Un sachet de 720g de poudre.", "720g", 720, "gram"),
    ("Il est tombé 35 mm de pluie.", "35 mm", 35, "millimeter"),
    ("Le feu a parcouru 140 ha de garrigue.", "140 ha", 140, "hectare"),
    ("Il faisait 38 °C à l'ombre.", "38 °C", 38, "degree_Celsius"),
    ("Il roulait à 50 km/h en ville.", "50 km/h", 50, "kilometer / hour"),
    ("Une cuve de 10 gallons.", "10 gallons", 10, "gallon"),
    ("Il mesure six pieds.", "six pieds", 6, "foot"),
    ("Il faisait 98,6 degrés fahrenheit.", "98,6 degrés fahrenheit", 98.6, "degree_Fahrenheit"),
])
def test_quantities_french_units(text, surface, value, unit):
    check(text, "fr", surface, value, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("La commune compte 1,2 million d'habitants.", "1,2 million", 1.2e6, ""),
    ("L'État débloque 2 milliards d'euros.", "2 milliards d'euros", 2e9, "EUR"),
    ("Le déficit atteint 12 M€ cette année.", "12 M€", 12e6, "EUR"),
    ("La population est de 3 millions et demi.", "3 millions et demi", 3.5e6, ""),
    ("Un demi-million de personnes ont défilé.", "Un demi-million", 5e5, ""),
])
def test_quantities_french_multipliers(text, surface, value, unit):
    check(text, "fr", surface, value, unit)


@pytest.mark.parametrize("text, surface, value", [
    ("Il a reçu cent cinquante lettres.", "cent cinquante", 150),
    ("L'équipe aligne vingt-deux joueurs.", "vingt-deux", 22),
    ("Ils étaient mille deux cents au départ.", "mille deux cents", 1200),
])
def test_quantities_french_number_words(text, surface, value):
    check(text, "fr", surface, value, "")


@pytest.mark.parametrize("text, surface, value", [
    ("Une vingtaine de pompiers sont intervenus.", "Une vingtaine", 20),
    ("Un millier de foyers privés de courant.", "Un millier", 1000),
])
def test_quantities_approximate_nouns(text, surface, value):
    check(text, "fr", surface, value, "", "approx")


@pytest.mark.parametrize("text, lang, surface, value", [
    ("La moitié des élèves était absente.", "fr", "moitié", 0.5),
    ("Un élève sur trois était absent.", "fr", "", None),  # a noun between: not a written fraction
    ("Les deux tiers des votants ont dit oui.", "fr", "deux tiers", 2 / 3),
    ("A third of the staff left.", "en", "A third", 1 / 3),
    ("Il faut trois quarts d'heure.", "fr", "trois quarts d'heure", 0.75),
])
def test_quantities_fractions(text, lang, surface, value):
    found = scan(text, lang)
    if value is None:
        assert all(m.value == int(m.value) for m in found)
        return
    m = next(m for m in found if surface.lower() in text[m.start:m.end].lower() or text[m.start:m.end].lower() in surface.lower())
    assert m.value == pytest.approx(value * (1 if not m.unit else 1))


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Le taux atteint 87% cette année.", "87%", 87, "percent"),
    ("Le taux atteint 87 % cette année.", "87 %", 87, "percent"),
    ("Le taux atteint 12 pour cent.", "12 pour cent", 12, "percent"),
])
def test_quantities_percent(text, surface, value, unit):
    check(text, "fr", surface, value, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Le vaccin coûte 10 euros la dose.", "10 euros", 10, "EUR"),
    ("Le franc valait 6,5 francs.", "6,5 francs", 6.5, "FRF"),
    ("Le titre a gagné 34 cents.", "34 cents", 0.34, "USD"),
    ("Un bénéfice de 361 millions de livres.", "361 millions de livres", 3.61e8, "GBP"),
    ("Un prêt de 300 millions de $ c.", "300 millions de $ c", 3e8, "CAD"),
    ("Ça coûte 15 dollars et 15 cents.", "15 dollars et 15 cents", 15.15, "USD"),
])
def test_quantities_currencies(text, surface, value, unit):
    check(text, "fr", surface, value, unit)


def test_quantities_amount_and_period_are_two_quantities():
    found = scan("L'agence consacre 258 000 euros sur 3 ans à la prévention.", "fr")
    assert [(m.value, m.unit) for m in found] == [(258000, "EUR"), (3, "year")]


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Il est en poste depuis un an.", "un an", 1, "year"),
    ("Le chantier a duré un an et demi.", "un an et demi", 1.5, "year"),
    ("Ils ont négocié pendant 48 heures.", "48 heures", 48, "hour"),
    ("La course a duré 2 h 15.", "2 h 15", 2.25, "hour"),
])
def test_quantities_durations(text, surface, value, unit):
    check(text, "fr", surface, value, unit)


@pytest.mark.parametrize("text, surface, value", [
    ("Il fera moins 5 °C cette nuit.", "moins 5 °C", -5),
    ("Il fera -7 °C cette nuit.", "-7 °C", -7),
])
def test_quantities_negative_numbers(text, surface, value):
    check(text, "fr", surface, value, "degree_Celsius")


def test_quantities_bound_is_not_a_sign():
    check("Il faisait au moins 5 °C.", "fr", "5 °C", 5, "degree_Celsius", "min")


@pytest.mark.parametrize("text, surface, value, qualifier", [
    ("Plus de 80 policiers étaient présents.", "80", 80, "min"),
    ("Au moins, 12 personnes sont mortes.", "12", 12, "min"),  # the bound survives a comma
    ("Au moins, il reste 12 places.", "12", 12, "exact"),      # but not a clause
    ("Près de 3 000 agents sont en grève.", "3 000", 3000, "approx"),
    ("Moins de 300 pompiers sur place.", "300", 300, "max"),
    ("Il en reste près d'1 million.", "1 million", 1e6, "approx"),  # an elision ends the qualifier
    ("Parmi eux, 3 à Lyon.", "3", 3, "exact"),
])
def test_quantities_qualifiers(text, surface, value, qualifier):
    check(text, "fr", surface, value, "", qualifier)


@pytest.mark.parametrize("text, surface, value, qualifier", [
    ("It holds approx. 40 boats.", "40", 40, "approx"),  # an abbreviation's dot ends the qualifier
    ("They counted at least, 12 boats.", "12", 12, "min"),
    ("Of these, 40 were new.", "40", 40, "exact"),
])
def test_quantities_qualifiers_en(text, surface, value, qualifier):
    check(text, "en", surface, value, "", qualifier)


def test_quantities_range_is_one_item():
    found = scan("Entre 10 et 15 % des votants.", "fr")
    assert len(found) == 1
    assert (found[0].value, found[0].high, found[0].unit, found[0].qualifier) == (10, 15, "percent", "range")


# --- English -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, value, unit", [
    ("Agents seized 1,200lb of cocaine.", "1,200lb", 1200, "pound"),
    ("The club paid £96 million for him.", "£96 million", 96e6, "GBP"),
    ("The city approved a $1.84bn budget.", "$1.84bn", 1.84e9, "USD"),
    ("Unemployment fell to 12 per cent.", "12 per cent", 12, "percent"),
    ("Police arrested a 52-year-old man.", "52-year-old", 52, "year"),
    ("The engine makes 536 hp.", "536 hp", 536, "horsepower"),
    ("The phone has 256GB of storage.", "256GB", 256, "gigabyte"),
    ("The fine is 10.5 million Australian dollars.", "10.5 million Australian dollars", 10.5e6, "AUD"),
    ("Tickets cost HK $216,925 in total.", "HK $216,925", 216925, "HKD"),
    ("Output reached 800,000 barrels a day.", "800,000 barrels a day", 8e5, "oil_barrel / day"),
])
def test_quantities_english_units_and_money(text, surface, value, unit):
    check(text, "en", surface, value, unit)


def test_quantities_english_range_of_money():
    found = scan("The deal is worth between $5 million and $7 million.", "en")
    assert len(found) == 1
    m = found[0]
    assert (m.value, m.high, m.unit, m.qualifier) == (5e6, 7e6, "USD", "range")


def test_quantities_english_dozen():
    check("A dozen officers were injured.", "en", "A dozen", 12, "", "approx")


# --- what is NOT a quantity -----------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("La crue de 1995 reste dans les mémoires.", "fr"),
    ("L'opération a eu lieu mercredi 13 décembre.", "fr"),
    ("Le bilan du 13/12 a été publié.", "fr"),
    ("Rendez-vous le 5 mars prochain.", "fr"),
    ("Les secours sont arrivés à 21 heures.", "fr"),
    ("Le train de 7 h 42 a été supprimé.", "fr"),
    ("Les CRS 82 ont été déployés.", "fr"),
    ("Une collision à Millas (66) ce jeudi matin.", "fr"),
    ("Incendie à Vaulx-en-Velin (69) : les pompiers sur place.", "fr"),
    ("Un accident sur l'A28 ce matin.", "fr"),
    ("La ligne 4 est interrompue.", "fr"),
    ("Le Covid-19 circule encore.", "fr"),
    ("Appelez le 02 33 45 67 89 pour signaler.", "fr"),
    ("Un centre d'appel répond au 081/22.45.90 et au 04/344.21.09.", "fr"),
    ("Temps de lecture : 7 min", "fr"),
    ("Temps de lecture : 3min", "fr"),
    ("Il a terminé deuxième de la course.", "fr"),
    ("C'est sa 3e victoire.", "fr"),
    ("Un homme a été interpellé.", "fr"),
    ("Des centaines de personnes ont manifesté.", "fr"),
    ("Voir https://example.org/page?id=30%25 pour le détail.", "fr"),
    ("The meeting starts at 7 p.m. on May 3.", "en"),
    ("Prices rose on March 12, 2024.", "en"),
    ("He was updated at 10:27 PM EDT.", "en"),
    ("A man was arrested near junction 10.", "en"),
    ("The new iPhone 11 went on sale.", "en"),
    ("Thousands of people marched.", "en"),
    ("4-min read", "en"),
    ("Reading time: 6 minutes", "en"),
])
def test_quantities_not_a_quantity(text, lang):
    assert scan(text, lang) == []


@pytest.mark.parametrize("text, lang, values", [
    ("Le taux atteint 461 pour 100 000 habitants.", "fr", [461]),
    ("Le taux atteint 520/100 000 habitants.", "fr", [520]),
    ("La mortalité infantile est de 3,4 pour 1 000 naissances.", "fr", [3.4]),
    ("The rate rose to 5.2 per 1,000 births.", "en", [5.2]),
    ("La ville compte 100 000 habitants.", "fr", [100000]),   # a count, not a rate's base
])
def test_quantities_the_base_of_a_rate_is_not_a_quantity(text, lang, values):
    assert [m.value for m in scan(text, lang)] == values


def test_quantities_blocked_spans_are_skipped():
    text = "Le 12 mars, 40 agents étaient présents."
    assert [m.value for m in scan(text, "fr", blocked=[(3, 11)])] == [40]


@pytest.mark.parametrize(("text", "expected"), [
    ("Il compte sur une seconde brigade anticriminalité.", []),
    ("Tout a basculé en une seconde.", [("une seconde", 1.0, "second")]),
])
def test_quantities_seconde_after_article(text, expected):
    assert [(text[m.start:m.end], m.value, m.unit) for m in scan(text, "fr")] == expected


@pytest.mark.parametrize("text, lang, expected", [
    # the multiplier of the second number scales the first
    ("La fourchette allait de 3,2 à plus de 4,5 millions de spectateurs.", "fr",
     [(3_200_000, "", "exact"), (4_500_000, "", "min")]),
    ("On attend entre 2 et 2,4 millions de visiteurs.", "fr", [(2_000_000, "", "range")]),
    ("Between £3 and £4 billion was lost.", "en", [(3e9, "GBP", "range")]),
    # the unit of the last number is the unit of the list
    ("Deux randonneurs, de 31 et 34 ans, ont été secourus.", "fr",
     [(2, "", "exact"), (31, "year", "exact"), (34, "year", "exact")]),
    ("Les hausses sont de 4, 6 et 9 %.", "fr",
     [(4, "percent", "exact"), (6, "percent", "exact"), (9, "percent", "exact")]),
    # a noun between the numbers: nothing is shared
    ("On compte 4 morts, 9 blessés.", "fr", [(4, "", "exact"), (9, "", "exact")]),
    # a first number larger than the second as written keeps its own scale
    ("Entre 800 000 et 1,1 million de foyers.", "fr", [(800_000, "", "range")]),
])
def test_coordinated_numbers_share_unit_and_multiplier(text, lang, expected):
    got = [(m.value, m.unit, m.qualifier) for m in scan(text, lang)]
    assert [(pytest.approx(v), u, q) for v, u, q in expected] == got


@pytest.mark.parametrize("text", ["Mise en ligne 2021-11. Trois blessés.", "Archive 1998-04 : trois blessés."])
def test_year_month_dates_are_not_numbers(text):
    assert [m.value for m in scan(text, "fr")] == [3]


@pytest.mark.parametrize("text, lang, unit", [
    ("Pupils aged 11 to 16 were tested.", "en", "year"),
    ("A man aged 34 was arrested.", "en", "year"),
    ("Deux frères âgés de 12 et 15 ans.", "fr", "year"),
    ("Some 34 pupils were tested.", "en", ""),
])
def test_a_number_after_aged_is_an_age(text, lang, unit):
    assert scan(text, lang)[-1].unit == unit


@pytest.mark.parametrize("text, lang, values", [
    ("Les pays les plus touchés : le Brésil 341 000, l'Italie 115 900 et la France.", "fr", [341000, 115900]),
    ("The worst hit were Brazil 341,000 and Italy 115,900.", "en", [341000, 115900]),
    ("Il a acheté un iPhone 11 et la ligne 4 était fermée.", "fr", []),
])
def test_a_name_followed_by_a_grouped_figure_is_a_quantity(text, lang, values):
    assert [m.value for m in scan(text, lang)] == values
