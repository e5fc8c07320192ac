"""The fact frame of a claim (scope, role, time, modifiers) and how it keeps different
facts apart; sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from claims import make_claim

from factcheck.align.features import (clause_around, features, frame_clock, frame_daypart, frame_modifier, frame_role,
                                      frame_scope, frame_year, local_attribution)


def _clauses(sentence: str, number: str) -> tuple[str, str, str]:
    """(before, after, lead) around the first occurrence of ``number``."""
    off = sentence.index(number)
    return clause_around(sentence, off, len(number))


def _frame(sentence: str, number: str, lang: str = "fr", date: dt.date | None = dt.date(2024, 5, 2)):
    before, after, lead = _clauses(sentence, number)
    off = sentence.index(number)
    near = sentence[max(0, off - 30):off]
    return (frame_scope(before, after, lead, lang), frame_role(before, after, lead, near, lang),
            frame_year(before, after, lead, date), frame_modifier(after[:40], lang))


@pytest.mark.parametrize("sentence, number, scope", [
    ("Les préfectures ont compté 12.000 personnes à Nantes, 9.000 à Angers et 4.000 à Laval.", "9.000", "anger"),
    ("À Lorient, le syndicat revendiquait 7 000 grévistes, deux fois plus que la police.", "7 000", "lorient"),
    ("Près de 300 hectares ont brûlé à Saint-Jean, selon les pompiers.", "300", "saint-jean"),
    ("Across the region, in Kent, 42 homes were flooded overnight.", "42", "kent"),
    ("Rankings: the Netherlands 8 400, the Belgium 7 900.", "7 900", "belgium"),
    ("Les écarts étaient grands - à Toulon, le syndicat comptait 9 000 grévistes - selon nos informations.",
     "9 000", "toulon"),
    # a place named with its kind
    ("Dans la région Bretagne, la participation s'élève à 41,2 %.", "41,2 %", "bretagne"),
    ("Dans la commune de Villeurbanne, 800 foyers restaient sans courant.", "800", "villeurbanne"),
    ("In the state of Oregon, 120 homes were evacuated.", "120", "oregon"),
    # after a possessive, or with the kind of place after the name
    ("In the town's Riverside district, 65% of the shops stayed shut.", "65%", "riverside"),
    ("Crews lost 40% of the houses in the Oak Ridge neighbourhood overnight.", "40%", "oak ridge"),
])
def test_frames_scope_is_the_place_bound_to_the_number(sentence, number, scope):
    lang = "en" if sentence.startswith(("Across", "Rankings", "In the", "Crews")) else "fr"
    assert _frame(sentence, number, lang)[0] == scope


@pytest.mark.parametrize("sentence, number, role", [
    ("Le cortège a réuni 40 000 personnes, dont 9 000 à Lille.", "9 000", "part"),
    ("The flood forced 2,000 people out, including 300 children.", "300", "part"),
    ("La veille, le bilan provisoire était de 17 morts.", "17", "previous"),
    ("The toll rose to 31, up from 26 on Monday.", "26", "previous"),
    ("Sur les 800 logements du quartier, 120 restent inondés.", "800", "whole"),
    ("Le pays a franchi la barre des 50.000 cas jeudi.", "50.000", "threshold"),
    ("The country passed the 50,000 mark on Thursday.", "50,000", "threshold"),
    ("Le cortège a réuni 40 000 personnes, dont 9 000 à Lille.", "40 000", ""),
])
def test_frames_role(sentence, number, role):
    lang = "en" if sentence.startswith("The") else "fr"
    assert _frame(sentence, number, lang)[1] == role


def test_frames_year_of_another_year_and_modifiers():
    assert _frame("En 2019, 140 kg d'héroïne avaient été saisis au même endroit.", "140 kg")[2] == 2019
    assert _frame("Les douaniers ont saisi 140 kg d'héroïne mardi.", "140 kg")[2] is None
    assert _frame("L'accident a fait trois blessés graves et cinq blessés légers.", "trois")[3] == "grave"
    assert _frame("L'accident a fait trois blessés graves et cinq blessés légers.", "cinq")[3] == "leger"


def test_frames_passive_agent_is_a_source_only_when_it_names_one():
    s = "On a compté 90 000 manifestants par les syndicats et 31 000 par la préfecture."
    assert local_attribution(s, s.index("31 000"), 6, "fr") == "autorite"
    assert local_attribution(s, s.index("90 000"), 6, "fr") == "syndicat"
    s2 = "Les pompiers interviennent 40 fois par jour."
    assert local_attribution(s2, s2.index("40"), 2, "fr") == ""


@pytest.mark.parametrize("sentence, number, new", [
    ("La brigade recevra quatre nouveaux agents en juin.", "quatre", True),
    ("La brigade recevra quatre agents supplémentaires.", "quatre", True),
    ("The force will get an extra 40 officers.", "40", True),
    ("Selon ce nouveau bilan, neuf personnes sont mortes.", "neuf", False),
    ("À New York, 40 policiers patrouillent.", "40", False),
    ("Un nouveau bilan fait état de neuf morts et de douze blessés.", "douze", False),
    ("Le parti obtient 12 sièges, soit cinq de plus qu'en 2014.", "cinq", True),
    ("Le bilan compte deux morts de plus que la veille.", "deux", True),
    ("Le parti obtient 12 sièges. De plus, il progresse en voix.", "12", False),
    ("Police said two more bodies were found overnight.", "two", True),
    ("Police said 30 more than expected had gathered.", "30", True),
    ("More than 30 vehicles fell.", "30", False),
])
def test_frames_increment_is_next_to_the_number(sentence, number, new):
    from factcheck.align.features import frame_new

    lang = "en" if any(w in sentence for w in ("Police", "More")) else "fr"
    before, after, _ = _clauses(sentence, number)
    assert frame_new(before, after, lang) is new


@pytest.mark.parametrize("source, family", [
    ("la préfecture", "autorite"),
    ("Le Courrier de l'Ouest", "courrier ouest"),
    ("ce nouveau bilan", ""),
    ("l'éboulement", ""),
    ("les enfants", ""),
])
def test_frames_a_source_is_a_known_family_or_a_name(source, family):
    from factcheck.align.features import source_family

    assert source_family(source) == family


@pytest.mark.parametrize("sentence, number, lang, role", [
    ("Les organisateurs espèrent 3 000 participants attendus dimanche.", "3 000", "fr", "forecast"),
    ("La dette devrait atteindre 4,2 milliards d'euros fin 2025.", "4,2", "fr", "forecast"),
    ("About 2,000 runners are expected on Sunday.", "2,000", "en", "forecast"),
    ("Cette nuit, on s'attend à des vagues de 8 mètres sur la côte est.", "8", "fr", "forecast"),
    ("Les crues pourront possiblement monter jusqu'à 4 mètres demain.", "4", "fr", "forecast"),
    ("Gusts could possibly top 140 km/h overnight.", "140", "en", "forecast"),
    ("Des vagues de 8 mètres ont frappé la côte est cette nuit.", "8", "fr", ""),
    ("Dimanche, 2 870 coureurs ont pris le départ.", "2 870", "fr", ""),
])
def test_frames_forecast_is_a_role(sentence, number, lang, role):
    assert _frame(sentence, number, lang)[1] == role


@pytest.mark.parametrize("sentence, number, lang, phase", [
    ("La participation atteignait 41 % au second tour.", "41", "fr", (2, "tour")),
    ("Au premier tour, la liste a obtenu 18 % des voix.", "18", "fr", (1, "tour")),
    ("On the third day of the strike, 40% of trains ran.", "40%", "en", (3, "day")),
    ("Le second chalutier, arraisonné samedi, transportait 310 kg.", "310", "fr", (2, "chalutier")),
    ("Le taux atteint 41 % dans le premier degré.", "41", "fr", (0, "")),
    ("Le taux atteint 41 % dans le second degré.", "41", "fr", (0, "")),
    ("Prices rose 4% for the second year in a row.", "4%", "en", (0, "")),
    ("La participation atteignait 41 % dimanche.", "41", "fr", (0, "")),
    # a rank, not a round: "came second with"
    ("The challenger came second with 44.2% of the vote.", "44.2%", "en", (0, "")),
    ("La challengeuse arrive deuxième avec 44,2 % des voix.", "44,2", "fr", (0, "")),
])
def test_frames_phase_of_a_repeated_event(sentence, number, lang, phase):
    from factcheck.align.features import frame_phase

    before, after, lead = _clauses(sentence, number)
    assert frame_phase(before, after, lead, lang) == phase


@pytest.mark.parametrize("sentence, number, lang, scope", [
    ("Deux régions dépassent le seuil : la Normandie (612 cas) et la Bretagne (540 cas).", "540", "fr", "bretagne"),
    ("Deux régions dépassent le seuil : la Normandie (612 cas) et la Bretagne (540 cas).", "612", "fr", "normandie"),
    ("Two counties were worst hit, Kent (1,200 homes) and Surrey (900 homes).", "900", "en", "surrey"),
    ("La manifestation a réuni 8 000 personnes (CGT) et 3 000 selon la police.", "8 000", "fr", ""),
])
def test_frames_a_figure_in_parentheses_belongs_to_the_name_before(sentence, number, lang, scope):
    before, after, lead = _clauses(sentence, number)
    opening = sentence[:sentence.index(number)][-60:]
    assert frame_scope(before, after, lead, lang, opening) == scope


def test_frames_a_source_that_opens_the_next_figure_is_not_this_ones():
    s = "Selon la préfecture, 14 000 personnes ont défilé ; pour les syndicats, 31 000."
    assert local_attribution(s, s.index("14 000"), 6, "fr") == "autorite"
    assert local_attribution(s, s.index("31 000"), 6, "fr") == "syndicat"


@pytest.mark.parametrize("sentence, number, lang, change", [
    ("Le nombre de chômeurs est en baisse de 2,4 % sur un an.", "2,4", "fr", (-1, "year")),
    ("Les inscriptions ont augmenté de 1,1 % au deuxième trimestre.", "1,1", "fr", (1, "quarter")),
    ("Le chômage recule (-0,8 %) ce mois-ci.", "0,8", "fr", (-1, "")),
    ("Sales rose 3% year on year.", "3%", "en", (1, "year")),
    ("Le taux de chômage atteint 7,4 %.", "7,4", "fr", (0, "")),
])
def test_frames_a_change_has_a_direction_and_a_span(sentence, number, lang, change):
    from factcheck.align.features import frame_change

    before, after, _ = _clauses(sentence, number)
    assert frame_change(" ".join((before, after)), before, lang) == change


@pytest.mark.parametrize("sentence, number, lang, clock", [
    ("À 7 h 30, 412 000 foyers étaient privés d'électricité.", "412 000", "fr", 450),
    ("Vers 18h, 300 000 foyers restaient sans courant.", "300 000", "fr", 1080),
    ("As of 6 p.m., 12,000 homes had no power.", "12,000", "en", 1080),
    ("As of 6 PM, 12,000 homes had no power.", "12,000", "en", 1080),
    ("Au total, 412 000 foyers étaient privés d'électricité.", "412 000", "fr", -1),
    ("À 17 heures, la participation atteignait 38,2 %.", "38,2 %", "fr", 1020),
    ("À 2 heures de route, 300 foyers restaient sans courant.", "300", "fr", -1),  # a distance in time
])
def test_frames_time_of_day(sentence, number, lang, clock):
    from factcheck.align.features import frame_clock

    before, after, lead = _clauses(sentence, number)
    assert frame_clock(" ".join((lead, before, after)), lang) == clock


def test_frames_one_of_several_is_a_part():
    s = "Au total, 180 kg ont notamment été saisis dans un garage."
    assert _frame(s, "180 kg")[1] == "part"


@pytest.mark.parametrize("sentence, number, lang, role", [
    ("En 2019, 140 kg avaient été saisis au même endroit.", "140 kg", "fr", "previous"),
    ("Le directeur a indiqué que neuf voitures avaient déraillé.", "neuf", "fr", ""),
    ("Officials said that 12 homes had been destroyed.", "12", "en", ""),
    ("Before the storm, 12 homes had been destroyed by floods.", "12", "en", "previous"),
])
def test_frames_pluperfect_is_previous_unless_reported_speech(sentence, number, lang, role):
    assert _frame(sentence, number, lang)[1] == role


@pytest.mark.parametrize("sentence, number, role, outcome", [
    ("L'explosion a fait une vingtaine de blessés, dont quatre gendarmes.", "quatre", "part", "blesse"),
    ("Trois gendarmes ont été blessés pendant l'intervention.", "Trois", "", "blesse"),
    ("Onze randonneurs ont trouvé la mort dans l'avalanche.", "Onze", "", "mort"),
    ("Trois gendarmes ont été appelés en renfort.", "Trois", "", ""),
])
def test_frames_outcome_of_a_figure_and_of_a_part(sentence, number, role, outcome):
    from factcheck.align.features import frame_outcome

    before, after, lead = _clauses(sentence, number)
    off = sentence.index(number)
    assert frame_outcome(sentence, off, len(number), after, role, "fr") == outcome


def test_frames_the_unharmed_are_another_measure():
    assert _frame("Quatre passagers sont sortis indemnes de la cabine.", "Quatre")[3] == "indemne"
    assert _frame("Two climbers walked away unharmed.", "Two", "en")[3] == "indemne"
    # one measure whatever the word: "graves", "grièvement", "en urgence absolue", "seriously"
    assert {_frame(t, "douze", "fr")[3] for t in ("douze blessés graves.", "douze personnes grièvement blessées.",
                                                   "douze personnes en urgence absolue.")} == {"grave"}
    assert _frame("Twelve people were seriously injured.", "Twelve", "en")[3] == "grave"
    assert _frame("Quatre passagers sont sortis de la cabine.", "Quatre")[3] == ""


@pytest.mark.parametrize("text, lang, aggregate", [
    ("les douaniers ont saisi au total sur trois voiliers", "fr", "voilier"),
    ("saisies en deux opérations distinctes", "fr", "operation"),
    ("des inondations dans 12 communes", "fr", "commune"),
    ("une enquête menée sur deux ans", "fr", ""),          # a span of time
    ("un bouchon sur 15 kilomètres", "fr", ""),            # a length
    ("found aboard two trawlers", "en", "trawler"),
    ("seized on three occasions", "en", ""),
])
def test_frames_a_total_over_several_things(text, lang, aggregate):
    from factcheck.align.features import frame_aggregate

    assert frame_aggregate(text, lang) == aggregate


@pytest.mark.parametrize("sentence, figure, source", [
    ("The train was carrying about 243 passengers when it crashed, Amtrak spokeswoman Kimberly Woods said.", "243",
     "amtrak"),
    ("The train with 243 passengers hit the truck near the town, Amtrak, the U.S. national passenger carrier, said.",
     "243", "amtrak"),
    ("Approximately 275 passengers were on board, Amtrak said in its statement.", "275", "amtrak"),
])
def test_frames_a_spokesperson_or_an_apposition_speaks_for_the_organisation(sentence, figure, source):
    from factcheck.align.features import local_attribution

    assert local_attribution(sentence, sentence.find(figure), len(figure), "en") == source


@pytest.mark.parametrize("before, after, date, year", [
    ("", " lors de la dernière semaine de 2016", (2017, 1, 18), 2016),   # a year does not end the clause
    ("", " fin 2021 (contre 6,4 milliards", (2020, 12, 15), 2021),
    ("a atteint ", " lors de la dernière semaine de décembre", (2017, 1, 26), 2016),  # December, read in January
    ("", " en mars", (2017, 1, 18), None),
    ("le taux dépasse celui des années 2019 (", "), 2018 (88,3 %)", (2023, 7, 7), 2019),  # in parentheses
    ("le record de 2002 (une abstention de ", ") n'est pas atteint", (2022, 4, 11), 2002),
    ("une dette de 7,05 milliards fin 2021 (contre ", " fin 2020)", (2020, 12, 15), None),  # its own year first
])
def test_frames_the_year_a_figure_is_about(before, after, date, year):
    import datetime as dt

    from factcheck.align.features import clause_around, frame_year

    sentence = f"{before}42 %{after}"
    b, a, lead = clause_around(sentence, len(before), 4)
    assert frame_year(b, a, lead, dt.date(*date), "fr") == year


@pytest.mark.parametrize("text, lang, clock, daypart", [
    ("À 7 h 30, 780 000 foyers restaient privés de courant", "fr", 450, ""),
    ("Ce dimanche soir, quatre blessés étaient toujours hospitalisés", "fr", -1, "soir"),
    ("Dans la matinée, la préfecture comptait 12 évacués", "fr", -1, "matin"),
    ("Vers midi, 30 % des votants s'étaient déplacés", "fr", -1, "midi"),
    ("Dans l'après-midi, le feu avait parcouru 300 hectares", "fr", -1, "après-midi"),
    ("Selon Le Soir, 400 personnes ont défilé", "fr", -1, ""),  # a newspaper, not the evening
    ("By Sunday evening, four people were still in hospital", "en", -1, "evening"),
    ("At noon, 30 homes had been evacuated", "en", -1, "noon"),
    ("As of 6 p.m., 42 homes were flooded", "en", 1080, ""),
])
def test_frames_the_time_of_day_a_figure_is_given_at(text, lang, clock, daypart):
    assert (frame_clock(text, lang), frame_daypart(text, lang)) == (clock, daypart)


@pytest.mark.parametrize("sentence, number, lang, step", [
    ("Police said two more bodies were found overnight.", "two", "en", True),
    ("The yes side won 19,526 more votes than the no side.", "19,526", "en", False),
    ("Les plongeurs ont retrouvé deux corps de plus dans la nuit.", "deux", "fr", True),
    ("Le oui a réuni 19 526 voix de plus que le non.", "19 526", "fr", False),
])
def test_frames_a_step_is_an_increment_not_a_difference(sentence, number, lang, step):
    from factcheck.align.features import frame_new, frame_step

    before, after, _ = _clauses(sentence, number)
    assert frame_new(before, after, lang) and frame_step(after, lang) is step


def _features_of(sentence: str, figure: str, lang: str):
    """The frame of ``figure`` (a share when written with %, else a bare count) in ``sentence``."""
    value = float(figure.rstrip(" %").replace(",", "."))
    return features(make_claim(sentence, figure, value, "percent" if "%" in figure else "", lang=lang))


@pytest.mark.parametrize("sentence, figure, lang, other", [
    ("Le non l'emporte avec 59,7 % des voix contre 40,3 % pour le oui.", "40,3 %", "fr", True),
    ("Le non l'emporte avec 59,7 % des voix contre 40,3 % pour le oui.", "59,7 %", "fr", False),
    ("Le chômage touche 7,1 % des actifs, contre 7,4 % un an plus tôt.", "7,4 %", "fr", False),
    ("No won with 59.7% against 40.3% for Yes, officials said.", "40.3%", "en", True),
    ("No won with 59.7% against 40.3% for Yes, officials said.", "59.7%", "en", False),
])
def test_frames_the_other_sides_figure_set_against_the_first(sentence, figure, lang, other):
    assert _features_of(sentence, figure, lang).other is other


@pytest.mark.parametrize("sentence, figure, lang, average", [
    ("Dans les sondages, le parti obtient une moyenne de 31,6 % des intentions de vote.", "31,6 %", "fr", True),
    ("Les élèves ont obtenu 12,5 sur 20 en moyenne à l'épreuve.", "12,5", "fr", True),
    ("Le parti obtient 37,5 % des votes exprimés.", "37,5 %", "fr", False),
    ("The party polled an average of 31.6% in the last week.", "31.6%", "en", True),
    ("The party won 37.5% of the vote.", "37.5%", "en", False),
])
def test_frames_an_average_is_not_one_value(sentence, figure, lang, average):
    assert _features_of(sentence, figure, lang).attribute is average


@pytest.mark.parametrize("subject, lang, counted", [
    ("foyers", "fr", "household"),
    ("clients", "fr", "household"),
    ("habitants", "fr", "person"),
    ("personnes", "fr", "person"),
    ("voitures", "fr", ""),
    ("customers", "en", "household"),
    ("residents", "en", "person"),
    ("arrests", "en", ""),
])
def test_frames_what_a_count_counts(subject, lang, counted):
    sentence = f"Au plus fort de la tempête, 12 400 {subject} étaient touchés."
    claim = make_claim(sentence, "12 400", 12400, subject=subject, lang=lang)
    assert features(claim).counted == counted


def test_frames_a_unit_is_not_a_counted_noun():
    sentence = "Au plus fort de la tempête, 12 400 km de lignes étaient coupés."
    assert features(make_claim(sentence, "12 400", 12400, "km", subject="ligne")).counted == ""


@pytest.mark.parametrize("sentence, figure, weekday", [
    ("Vendredi soir, 847 personnes étaient hébergées dans les gymnases.", "847", 4),
    ("847 personnes étaient hébergées dans les gymnases dimanche.", "847", 6),
    ("On Tuesday, 847 people were in shelters.", "847", 1),
    ("847 personnes étaient hébergées dans les gymnases.", "847", -1),
])
def test_frames_the_weekday_of_a_figure_whose_day_is_unknown(sentence, figure, weekday):
    claim = make_claim(sentence, figure, float(figure), lang="en" if "people" in sentence else "fr")
    assert features(claim).weekday == weekday


def test_frames_a_noun_carried_over_from_another_figure_is_not_what_it_counts():
    sentence = "Vendredi, 52 300 personnes étaient sans électricité, 17 100 sans eau potable."
    assert features(make_claim(sentence, "52 300", 52300, subject="personnes")).counted == "person"
    assert features(make_claim(sentence, "17 100", 17100, subject="personnes")).counted == ""


@pytest.mark.parametrize("sentence, number, role", [
    ("Officers said specialists had determined that the haul weighed 2,353 kilos.", "2,353", ""),
    ("The haul had weighed 2,353 kilos before it was split.", "2,353", "previous"),
])
def test_frames_a_pluperfect_of_reported_speech_is_no_earlier_value(sentence, number, role):
    assert _frame(sentence, number, "en")[1] == role


@pytest.mark.parametrize("lang, sentence, number, field, value", [
    # a time of day after the figure, past another figure of its clause; "A" for "À"
    ("fr", "Municipales : 38,2 % de participation à 17 h, en recul.", "38,2 %", "clock", 1020),
    ("en", "Turnout stood at 41% at 5 p.m. on Sunday.", "41%", "clock", 1020),
    ("fr", "A midi, la participation s'élevait à 17,4 %.", "17,4 %", "daypart", "midi"),
    # a live page's entry opens on the time it was posted
    ("en", "6:00 pm death toll rises to 10", "10", "clock", 1080),
    ("en", "12:00 am seven people confirmed dead", "seven", "clock", 0),
    ("fr", "18 h Le bilan s'alourdit à 12 morts.", "12", "clock", 1080),
    # who holds the seats or the share
    ("fr", "Au terme du dépouillement, le Bloc citoyen obtient 31 sièges.", "31", "modifier", "holder:bloc citoyen"),
    ("en", "Final results: the Harbour Party won 41 seats, the Valley Alliance with 12 seats.", "12", "modifier",
     "holder:valley alliance"),
    ("fr", "C'est le naufrage le plus meurtrier dans la Manche avec 31 migrants décédés.", "31", "modifier", ""),
    ("en", "Police took 12 people into custody.", "12", "modifier", ""),
    # named after the figure ("for his rival …"), or by the rank the figure gave them
    ("en", "He won 7.2 million votes, against 6.9 million for his rival Paul Adeyemi.", "6.9 million", "modifier",
     "holder:paul adeyemi"),
    ("fr", "Il l'emporte avec 7,2 millions de voix, contre 6,9 millions de voix pour son rival Paul Adeyemi.",
     "6,9 millions", "modifier", "holder:paul adeyemi"),
    ("en", "The Harbour Party came third with just 35 seats.", "35", "modifier", "holder:harbour party"),
    ("en", "The Harbour Party lost 12 seats to come third with just 35.", "35", "modifier", "holder:harbour party"),
    ("fr", "Le Bloc citoyen est arrivé deuxième avec 31 sièges.", "31", "modifier", "holder:bloc citoyen"),
    # a flattened table of results: the seats after a name's share are that name's
    ("fr", "Résultats : RN 23,3 % et 23 sièges, LRM 22,4 % et 23 sièges.", "23", "modifier", "holder:rn"),
    ("en", "Results: SNP 45.0% and 48 seats, Labour 24.1% and 18 seats.", "18", "modifier", "holder:labour"),
    # a share among one group
    ("fr", "Le syndicat annonce 85 % de grévistes chez les surveillants.", "85 %", "modifier", "group:surveillant"),
    # one item's figure in a list given "respectivement"
    ("fr", "Les filières A, B et C atteignent respectivement 81,3 %, 74,6 % et 88,9 % de réussite.", "88,9 %",
     "attribute", True),
    ("fr", "Le taux atteint 77,7 % et douze séries sont concernées, respectivement.", "77,7 %", "attribute", False),
    # a place named by its adjective, in lower case only ("Le Parisien" is a newspaper)
    ("fr", "Dans les rues brestoises, on comptait 9 000 manifestants.", "9 000", "scope", "brest"),
    ("fr", "Selon Le Parisien, 9 000 personnes ont défilé.", "9 000", "scope", ""),
    # a figure for the whole country
    ("fr", "Dans tout le pays, 1,2 million de personnes ont manifesté.", "1,2 million", "national", True),
    ("en", "Nationwide, 1.2 million people marched.", "1.2 million", "national", True),
    ("fr", "À Pau, 1 200 personnes ont manifesté.", "1 200", "national", False),
    # the ages of a list, after the first
    ("en", "Late on Friday, three men, aged 19, 23 and 31, were arrested.", "23", "attribute", True),
    ("en", "Late on Friday, three men, aged 19, 23 and 31, were arrested.", "31", "attribute", True),
    ("fr", "Trois hommes âgés de 19, 23 et 31 ans ont été interpellés.", "23", "attribute", True),
    ("en", "Late on Friday, three men, aged 19, 23 and 31, were arrested.", "three", "attribute", False),
    # the age group a share is of, with its figures
    ("en", "The poll found 71% of voters aged 18 to 29 backed it, and 40% of those aged 65 or over.", "71%",
     "restriction", "aged to 18 29"),
    ("fr", "Selon l'étude, 71 % des électeurs âgés de 18 à 29 ans l'approuvent.", "71 %", "restriction",
     "age de a ans 18 29"),
    # a part told after its whole, and the first step of a count
    ("fr", "Selon le rectorat, sur 18 400 candidats, 15 900 sont reçus.", "15 900", "role", "part"),
    ("en", "Of the 18,400 candidates, 15,900 passed.", "15,900", "role", "part"),
    ("fr", "Deux hommes ont d'abord été interpellés dimanche.", "Deux", "role", "part"),
    ("fr", "Tout d'abord, trois hommes ont été interpellés.", "trois", "role", ""),
    # a modifier after the participle
    ("fr", "Le préfet a dit que deux personnes avaient été blessées légèrement.", "deux", "modifier", "leger"),
    # a span counted back from the day of writing
    ("en", "The bridge reopened four days ago after repairs.", "four days", "ago", True),
    ("fr", "Le pont a rouvert il y a quatre jours.", "quatre jours", "ago", True),
    ("fr", "Le pont a rouvert pendant quatre jours.", "quatre jours", "ago", False),
    # a source in parentheses, and one told after another figure
    ("fr", "On comptait entre 21 000 (police) et 70 000 (syndicats) manifestants.", "70 000", "attribution",
     "syndicat"),
    ("fr", "Les syndicats brestois ont évoqué 210 000 manifestants contre 21 000 selon la police.", "210 000",
     "attribution", "syndicat"),
])
def test_frames_read_on_whole_sentences(lang, sentence, number, field, value):
    from factcheck.align import claim_features
    from factcheck.api import extract

    claim = next(c for c in extract(sentence, lang=lang) if c.text == number)
    assert getattr(claim_features(claim), field) == value
