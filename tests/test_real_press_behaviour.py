"""What a careful reader understands across articles, through the whole pipeline:
another place, a part of a total, an earlier value, a threshold, another year, a
rounding, the same conflict repeated, a revision on another day. Stories written here."""

from __future__ import annotations

from factcheck.api import check


def _write_story(tmp_path, *bodies, dates=None, lang="fr"):
    story = tmp_path / "story"
    story.mkdir(parents=True)  # tmp_path / "again": a second story of one test
    for i, body in enumerate(bodies):
        date = (dates or ["2024-05-02"] * len(bodies))[i]
        (story / f"{chr(97 + i)}.md").write_text(
            f'---\ntitle: "Article {i}"\nsource: "Journal {i}"\ndate: {date}\nlang: {lang}\n---\n\n{body}\n',
            encoding="utf-8")
    return story


def _story(tmp_path, *bodies, dates=None, lang="fr"):
    return check([_write_story(tmp_path, *bodies, dates=dates, lang=lang)])


def _pairs(report):
    return [f for f in report.findings if f.severity != "info"]


def test_other_town_in_a_list_is_another_fact(tmp_path):
    r = _story(tmp_path,
               "Jeudi, 52 000 personnes ont défilé à Nantes selon la préfecture.",
               "Selon la préfecture, la marche a rassemblé 61 000 personnes à Rennes, 52 000 à Nantes et 18 000 à Brest.")
    assert _pairs(r) == []


def test_part_of_a_total_is_not_the_total(tmp_path):
    r = _story(tmp_path,
               "Les gendarmes ont interpellé 14 personnes, dont 6 mineurs, lors du coup de filet.",
               "Le coup de filet s'est soldé par l'interpellation de 14 personnes par les gendarmes.")
    assert _pairs(r) == []


def test_previous_value_recalled_is_not_a_conflict(tmp_path):
    r = _story(tmp_path,
               "L'épidémie a fait 1 204 morts selon le dernier bilan de l'agence. La veille, le bilan était de 1 187 morts.",
               "L'épidémie a fait 1 204 morts, selon l'agence sanitaire.")
    assert _pairs(r) == []


def test_threshold_is_a_bound_not_a_count(tmp_path):
    r = _story(tmp_path,
               "Le pays a franchi jeudi la barre des 20 000 morts de la grippe.",
               "La grippe a fait 20 412 morts dans le pays, selon le dernier bilan publié jeudi.")
    assert _pairs(r) == []


def test_another_year_is_another_fact(tmp_path):
    r = _story(tmp_path,
               "Les douaniers ont saisi 310 kg de cocaïne dans un conteneur au port.",
               "Les douaniers ont saisi 310 kg de cocaïne dans le port. En 2021, 270 kg de cocaïne avaient été saisis dans un conteneur.")
    assert _pairs(r) == []


def test_rounding_to_fewer_digits_is_not_a_conflict(tmp_path):
    r = _story(tmp_path,
               "Les enquêteurs ont saisi 612,4 kg de cannabis dans un entrepôt.",
               "Les enquêteurs ont saisi 612 kg de cannabis dans un entrepôt.")
    assert _pairs(r) == []


def test_real_conflict_is_still_found_and_repeats_join_one_finding(tmp_path):
    r = _story(tmp_path,
               "La future brigade comptera douze gendarmes. Selon le maire, la future brigade comptera bien douze gendarmes.",
               "La future brigade comptera neuf gendarmes à son ouverture.")
    conflicts = [f for f in r.findings if f.rule_name == "value-conflict"]
    assert len(conflicts) == 1
    assert len(conflicts[0].claims) == 3  # both mentions of "douze" and the "neuf"
    assert 0.0 <= conflicts[0].confidence <= 1.0


def test_toll_on_another_day_is_a_revision_counted_not_reported(tmp_path):
    story = _write_story(tmp_path,
                         "Les inondations ont fait neuf morts dans la vallée.",
                         "Les inondations ont fait onze morts dans la vallée.",
                         dates=["2024-05-02", "2024-05-04"])
    r = check([story])
    assert r.findings == [] and r.hidden["revisions"] == 1
    # asked for, a likely revision is reported as info, with its reason
    r = check([story], revisions=True)
    assert r.findings and all(f.severity == "info" and f.revision for f in r.findings)
    assert r.hidden["revisions"] == 0


def test_toll_told_a_day_later_about_the_same_crash_is_a_revision(tmp_path):
    # the later article names no day of its own for the toll: it is the toll on the day it
    # was published, even though the crash was the day before
    story = _write_story(tmp_path,
                         "The train struck a truck on Monday, killing three people near the crossing.",
                         "The train hit a truck on Monday near the crossing. The collision left four people dead, officials said.",
                         dates=["2022-06-27", "2022-06-28"], lang="en")
    r = check([story])
    assert r.findings == [] and r.hidden["revisions"] == 1
    # told the same day, the two tolls conflict
    same_day = _write_story(tmp_path / "same", "The train struck a truck on Monday, killing three people near the crossing.",
                            "The train hit a truck on Monday near the crossing. The collision left four people dead, officials said.",
                            dates=["2022-06-27", "2022-06-27"], lang="en")
    assert [f.rule_name for f in check([same_day]).findings] == ["value-conflict"]


def test_an_undated_article_is_told_on_no_day(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.md").write_text("---\ndate: 2022-06-28\nlang: en\n---\n\nThe collision left four people dead.\n",
                                encoding="utf-8")
    (story / "b.md").write_text("The collision left three people dead, officials said.\n", encoding="utf-8")
    assert check([story], lang="en") is not None


def test_weekday_written_after_its_date(tmp_path):
    r = _story(tmp_path, "Le premier rassemblement remonte au 9 mars 2023 pour le premier samedi de mobilisation.")
    assert [f.rule_name for f in r.findings] == ["weekday-date"]  # 9 March 2023 was a Thursday


def test_a_weekday_after_a_date_that_starts_another_time_is_not_its_weekday(tmp_path):
    r = _story(tmp_path, "La campagne court du 9 mars 2023 jusqu'à lundi prochain.",
               "The campaign runs from March 9, 2023 until Monday.", lang="fr")
    assert [f.rule_name for f in r.findings] == []


def test_a_weekday_that_starts_the_next_date_is_that_dates(tmp_path):
    r = _story(tmp_path, "Prochaine réunion le 12 mars Mis en ligne le jeudi 7 mars 2024 à 10 h.",
               "Next meeting on March 12\nPosted on Thursday, March 7, 2024.")
    assert [f.rule_name for f in r.findings] == []


def test_a_weekday_on_the_next_line_is_not_the_dates(tmp_path):
    r = _story(tmp_path, "Le conseil se réunira le 12 mars\nsamedi, les agents seront en grève.")
    assert [f.rule_name for f in r.findings] == []


def test_a_figure_written_with_its_sign_is_a_change_not_a_count(tmp_path):
    r = _story(tmp_path, "Les effectifs bougent peu : + 120 étudiants en licence, - 41 étudiants en master et - 7 en doctorat. "
                         "La faculté compte 41 étudiants en master.",
               "La faculté compte 14 étudiants en master.")
    [finding] = _pairs(r)
    assert finding.rule_name == "digit-error"  # 41 / 14, the two counts
    assert all("compte" in c.sentence for c in finding.claims)  # not the change "- 41"


def test_a_named_area_places_a_figure_apart_from_the_states(tmp_path):
    r = _story(tmp_path,
               "Heavy rain fell on the Tulsa area, where the storm has damaged as many as 400 homes.",
               "More than 500 homes have been damaged in Oklahoma, officials said. Tulsa was hit hardest.",
               lang="en")
    assert _pairs(r) == []


def test_a_share_of_a_base_the_sentence_does_not_give_is_not_checked(tmp_path):
    r = _story(tmp_path, "The county's debt rose by £12.5m to £410m by March, the equivalent of 61% of its annual budget.",
               lang="en")
    assert r.findings == []
    # a share whose base is the figure told after it is checked
    r = check([_write_story(tmp_path / "share", "Le feu a parcouru 900 hectares, soit 40 % du massif, qui couvre 3 000 ha.")])
    assert [f.rule_name for f in r.findings] == ["percent-mismatch"]


def test_one_measure_converted_into_another_unit_agrees_to_its_last_digit(tmp_path):
    warned = "Forecasters warned on Friday that the storm could bring gusts of {} over the bay."
    r = _story(tmp_path, warned.format("60mph"), warned.format("96 km/h"), lang="en")  # 96.56 km/h, cut
    assert r.findings == []
    r = check([_write_story(tmp_path / "off", warned.format("60mph"), warned.format("90 km/h"), lang="en")])
    assert [f.rule_name for f in r.findings] == ["value-conflict"]


def test_a_count_of_a_named_group_is_not_the_whole_count(tmp_path):
    r = _story(tmp_path, "Au terme du premier tour, 48 conseillers ont été élus dans le département.",
               "Dès le premier tour, 21 conseillers du Mouvement citoyen ont été élus dans le département.")
    assert _pairs(r) == []
    r = check([_write_story(tmp_path / "bare", "Au terme du premier tour, 48 conseillers ont été élus dans le département.",
                            "Dès le premier tour, 41 conseillers ont été élus dans le département.")])
    assert [f.rule_name for f in _pairs(r)] == ["value-conflict"]


def test_month_only_date_in_front_matter(tmp_path):
    r = _story(tmp_path, "Les gendarmes ont saisi 3 kg de résine.", dates=["2019-08"])
    art = r.articles[0]
    assert (art.date.year, art.date.month, art.date_precision) == (2019, 8, "month")
    assert not any(c.value == 8 for c in r.claims)


def test_min_confidence_drops_weak_pairings(tmp_path):
    story = _write_story(tmp_path, "La nouvelle brigade comptera douze gendarmes.",
                         "La nouvelle brigade comptera neuf gendarmes.")
    assert check([story]).findings
    assert check([story], min_confidence=1.0).findings == []


def test_errors_below_the_error_confidence_are_warnings(tmp_path):
    from factcheck.load import load_paths
    from factcheck.extract.pipeline import extract_articles
    from factcheck.rules import apply_rules, load_rules

    story = _write_story(tmp_path, "La future brigade comptera douze gendarmes.",
                         "La future brigade comptera neuf gendarmes.")
    claims = extract_articles(load_paths([story]))
    found = apply_rules(claims, load_rules())
    assert [f.severity for f in found] == ["error"]
    assert [f.severity for f in apply_rules(claims, load_rules(), error_confidence=1.01)] == ["warning"]


# time: the day a figure is about ---------------------------------------------------------

def test_a_figure_dated_to_an_earlier_day_is_another_fact(tmp_path):
    r = _story(tmp_path,
               "La mobilisation de ce jeudi 16 mai a réuni 412 000 manifestants selon le ministère.",
               "Le 2 mai dernier, 365 000 manifestants avaient défilé selon le ministère. "
               "Ce jeudi, ils étaient encore nombreux dans les rues.",
               dates=["2024-05-16", "2024-05-16"])
    assert _pairs(r) == []


def test_the_day_a_statement_was_made_is_not_the_day_of_the_fact(tmp_path):
    r = _story(tmp_path,
               "The smugglers hid the cargo on Sunday, May 5, in more than 60 crates at the harbour.",
               "The court heard on Monday, May 13, that the cargo was hidden in 48 crates at the harbour.",
               dates=["2024-05-06", "2024-05-14"], lang="en")
    assert [f.rule_id for f in _pairs(r)] == ["FC106"]


def test_a_toll_told_years_later_with_the_day_of_the_event_is_a_revision(tmp_path):
    # a look back written long after gives the toll known by then, even with the event's day
    story = _write_story(tmp_path,
                         "L'effondrement de l'immeuble, le 3 mars 2021, a fait cinq morts selon les pompiers.",
                         "Le 3 mars 2021, l'effondrement de l'immeuble faisait sept morts. Le procès s'ouvre lundi.",
                         dates=["2021-03-04", "2023-10"])
    r = check([story])
    assert _pairs(r) == [] and r.hidden["revisions"] == 1


def test_two_tolls_each_told_as_rising_are_two_moments(tmp_path):
    r = _story(tmp_path, "Flood death toll rises to 41 as rescuers search the valley.",
               "Officials said the flood death toll rises to 44 after more bodies were found.", lang="en")
    assert _pairs(r) == []
    # the same figures told as plain tolls on the same day conflict
    r = check([_write_story(tmp_path / "plain", "The flood killed 41 people in the valley.",
                            "The flood killed 44 people in the valley.", lang="en")])
    assert [f.rule_name for f in _pairs(r)] == ["value-conflict"]


def test_the_latest_toll_of_an_article_dated_to_the_month_is_the_later(tmp_path):
    story = _write_story(tmp_path,
                         "Les crues ont fait douze morts et six disparus dans le département.",
                         "Quatorze morts, trois disparus : c'est le dernier bilan des crues dans le département.",
                         dates=["2024-05-04", "2024-05"])
    assert _pairs(check([story])) == []


def test_a_headline_repeating_the_latest_toll_is_the_latest_toll(tmp_path):
    story = _write_story(tmp_path,
                         "Les crues ont fait douze morts et six disparus dans le département.",
                         "Crues : trois disparus, trois retrouvés\n\nSelon le dernier bilan, quatorze morts et trois disparus sont recensés.",
                         dates=["2024-05-04", "2024-05"])
    assert _pairs(check([story])) == []


def test_a_toll_another_article_gives_as_the_earlier_one_is_not_a_conflict(tmp_path):
    first = "The landslide left four people dead in the village, officials said."
    later = "At least six people died in the landslide in the village."
    r = _story(tmp_path, first, later,
               "Police said the toll had risen to six, after rescuers earlier confirmed four passengers had died.",
               lang="en")
    assert _pairs(r) == []
    # without the article that tells the toll moved, the two tolls of one day conflict
    r = check([_write_story(tmp_path / "two", first, later, lang="en")])
    assert [f.rule_name for f in _pairs(r)] == ["bound-conflict"]


def test_another_group_recalled_in_the_past_is_no_move_of_the_count(tmp_path):
    r = _story(tmp_path,
               "La caserne accueille quatre nouveaux pompiers. Six autres pompiers y avaient été affectés en mars.",
               "La caserne accueille six pompiers supplémentaires.")
    assert [f.rule_name for f in _pairs(r)] == ["value-conflict"]


def test_a_burned_area_recalled_for_earlier_that_day_is_a_snapshot(tmp_path):
    # an area only grows through the day; a toll recalled for the same day still conflicts (below)
    r = _story(tmp_path, "Le feu a parcouru 1 200 hectares de pinède, selon les pompiers.",
               "Ce matin, le feu avait parcouru 900 hectares de pinède.")
    assert _pairs(r) == []


def test_an_earlier_toll_recalled_for_the_same_day_still_conflicts(tmp_path):
    r = _story(tmp_path,
               "Selon la préfecture, le bilan provisoire de l'éboulement fait état de sept blessés.",
               "Samedi, dans son premier bilan, la préfecture faisait état de neuf blessés après l'éboulement. "
               "Le bilan s'est depuis alourdi.",
               dates=["2024-06-22", "2024-06-23"])
    found = _pairs(r)
    assert [f.rule_id for f in found] == ["FC104"]
    assert {c.text for c in found[0].claims} == {"sept", "neuf"}


def test_a_decrease_in_words_and_with_a_sign_is_one_figure(tmp_path):
    r = _story(tmp_path,
               "Le nombre de demandeurs d'emploi a baissé de 2,7 % sur un an, selon le ministère.",
               "Le nombre de demandeurs d'emploi recule sur un an (-2,7 %), selon le ministère.")
    assert _pairs(r) == []


def test_a_forecast_is_not_the_outcome(tmp_path):
    r = _story(tmp_path,
               "Les organisateurs attendaient 45 000 visiteurs au salon, selon la mairie. Ils étaient 45 000 attendus.",
               "Le salon a accueilli 38 000 visiteurs, selon la mairie.")
    assert _pairs(r) == []


def test_two_rounds_of_an_election_are_two_facts(tmp_path):
    r = _story(tmp_path,
               "L'abstention a atteint 52,3 % au second tour des municipales, selon le ministère.",
               "Au premier tour des municipales, l'abstention avait atteint 55,1 %, selon le ministère.")
    assert _pairs(r) == []


def test_items_of_one_listing_are_different_facts(tmp_path):
    r = _story(tmp_path,
               "Chiffres de la journée : Angers 4 000 (syndicats) / 1 200 selon la police, Tours 9 000 / 3 000, "
               "Laval 12 000 / 1 800, Blois 2 500 / 400.")
    assert _pairs(r) == []


def test_a_second_instance_is_not_the_first(tmp_path):
    r = _story(tmp_path,
               "Les douaniers ont saisi 1,4 tonne de cocaïne à bord d'un chalutier au large du port.",
               "Le second chalutier, arraisonné samedi au large du port, transportait 140 kg de cocaïne.")
    assert _pairs(r) == []


def test_the_same_instance_named_two_ways_is_one_fact(tmp_path):
    r = _story(tmp_path,
               "La ville recevra une deuxième brigade de nuit, soit six agents supplémentaires.",
               "Le second équipage de nuit arrivera avec quatre nouveaux agents.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_changes_over_another_span_or_region_are_other_facts(tmp_path):
    r = _story(tmp_path,
               "Le nombre de demandeurs d'emploi a baissé de 4,2 % au deuxième trimestre en France métropolitaine, "
               "selon le ministère.",
               "Le nombre de demandeurs d'emploi a baissé de 3,9 % au deuxième trimestre, selon le ministère. "
               "Sur un an, il recule de 7,7 %.",
               "Le nombre de demandeurs d'emploi a baissé de 7,7 % sur un an, selon le ministère.")
    assert _pairs(r) == []


def test_the_same_change_given_twice_still_conflicts(tmp_path):
    r = _story(tmp_path,
               "Le nombre de demandeurs d'emploi a baissé de 4,2 % au deuxième trimestre, selon le ministère.",
               "Le nombre de demandeurs d'emploi a baissé de 4,8 % au deuxième trimestre, selon le ministère.",
               "Sur un an, le nombre de demandeurs d'emploi recule de 7,7 %, selon le ministère.",
               "Le nombre de demandeurs d'emploi a baissé de 8,1 % sur un an, selon le ministère.")
    found = sorted(tuple(sorted(c.text for c in f.claims)) for f in _pairs(r))
    assert found == [("4,2 %", "4,8 %"), ("7,7 %", "8,1 %")]


def test_a_figure_bound_to_a_city_is_not_the_national_one(tmp_path):
    r = _story(tmp_path,
               "La journée de grève en France : selon le syndicat, 900 000 manifestants ont défilé.",
               "Les chiffres divergeaient - à Toulouse, le syndicat annonçait ainsi 90 000 manifestants.")
    assert _pairs(r) == []


def test_the_whole_a_part_is_taken_from_is_still_the_total(tmp_path):
    r = _story(tmp_path,
               "Sur les 12 000 tonnes de produits stockées dans l'entrepôt, 4 000 ont brûlé.",
               "L'entrepôt stockait 9 000 tonnes de produits.")
    assert [sorted(c.text for c in f.claims) for f in _pairs(r)] == [["12 000 tonnes", "9 000 tonnes"]]


def test_one_crowd_hedged_both_ways(tmp_path):
    r = _story(tmp_path,
               "La marche pour le climat a rassemblé plus de 9 400 personnes à Lille, selon la préfecture.",
               "À Lille, la marche pour le climat a réuni près de 9 400 participants, selon la préfecture.")
    assert [f.rule_id for f in _pairs(r)] == ["FC111"]
    assert "plus de 9 400" in r.findings[0].message and "près de 9 400" in r.findings[0].message


def test_snapshots_at_two_times_of_day_are_not_a_conflict(tmp_path):
    r = _story(tmp_path,
               "Tempête : à 7 h 30, 412 000 foyers étaient privés d'électricité, selon le gestionnaire.",
               "Tempête : à 18 h, 310 000 foyers étaient privés d'électricité, selon le gestionnaire.")
    assert _pairs(r) == []


def test_a_running_total_on_another_day_is_not_a_conflict(tmp_path):
    r = _story(tmp_path,
               "Depuis le début de l'épidémie, 1 204 000 personnes ont consulté un médecin, selon l'agence.",
               "Depuis le début de l'épidémie, 1 388 000 personnes ont consulté un médecin, selon l'agence.",
               dates=["2024-01-10", "2024-01-17"])
    assert _pairs(r) == []


def test_one_article_a_local_figure_and_the_overall_one(tmp_path):
    r = _story(tmp_path,
               "Selon le syndicat, la grève a mobilisé 1,2 million de personnes. Les chiffres divergeaient - "
               "à Lyon, le syndicat annonçait ainsi 120 000 manifestants.")
    assert _pairs(r) == []


def test_a_dropped_minus_sign_is_a_conflict(tmp_path):
    r = _story(tmp_path,
               "Dans la nuit, le thermomètre est descendu à -12 °C au sommet, selon la station.",
               "Dans la nuit, le thermomètre est descendu à 12 °C au sommet, selon la station.")
    assert len(_pairs(r)) == 1


def test_two_statistical_categories_are_two_measures(tmp_path):
    r = _story(tmp_path,
               "En catégorie A, le nombre de demandeurs d'emploi a baissé de 4,1 % au deuxième trimestre.",
               "Catégories A, B et C confondues, le nombre de demandeurs d'emploi a baissé de 2,2 % au deuxième trimestre.")
    assert _pairs(r) == []


def test_a_percent_change_with_its_sign_or_without_is_one_figure(tmp_path):
    r = _story(tmp_path,
               "Le nombre de demandeurs d'emploi recule (-2,7 % sur un an), selon le ministère.",
               "Le nombre de demandeurs d'emploi est de 3,1 millions, et de 2,7 % sur un an, selon le ministère.")
    assert _pairs(r) == []


def test_two_occurrences_named_on_their_own_days_are_two_facts(tmp_path):
    r = _story(tmp_path,
               "Selon le ministère, ce mardi 14 mai, près de 640 000 personnes ont manifesté en France.",
               "Ce jeudi, 520 000 personnes ont manifesté en France, selon le ministère.",
               dates=["2024-05-14", "2024-05-02"])
    assert _pairs(r) == []


def test_since_periods_with_one_start_told_on_different_days_agree(tmp_path):
    r = _story(tmp_path,
               "Depuis hier après-midi, trois incendies ravagent la forêt des Landes.",
               "Trois incendies ravagent la forêt des Landes depuis mardi après-midi.",
               dates=["2024-07-10", "2024-07-11"])  # a Wednesday, then a Thursday: both since Tuesday
    assert [f for f in r.findings if f.rule_id == "FC107"] == []


def test_since_periods_of_different_lengths_on_one_day_still_conflict(tmp_path):
    r = _story(tmp_path,
               "La brigade a mené plus de 150 actions depuis un an dans le quartier.",
               "La brigade a mené 150 actions depuis deux ans dans le quartier.")
    assert [f.rule_id for f in r.findings] == ["FC107"]


def test_a_distance_has_no_period(tmp_path):
    r = _story(tmp_path,
               "Depuis hier, le feu progresse près du village, à 40 kilomètres de la ville.",
               "Le feu progresse depuis lundi près du village situé à 40 kilomètres de la ville.",
               dates=["2024-07-10", "2024-07-10"])
    assert [f for f in r.findings if f.rule_id == "FC107"] == []


def test_the_span_of_a_change_is_not_the_period_of_the_level(tmp_path):
    from factcheck.api import extract

    claims = extract("Le nombre d'inscrits est de 2 118 400, en baisse de 4,1 % d'un trimestre à l'autre "
                          "(-8,2 % sur un an). Depuis un an, 90 contrôles et 14 interpellations ont eu lieu.", "fr")
    periods = {c.text: c.period for c in claims if c.kind != "duration"}
    assert periods["2 118 400"] == "" and periods["4,1 %"] == "" and periods["-8,2 %"] == "sur un an"
    assert periods["90"] == periods["14"] == "Depuis un an"


def test_a_count_over_weeks_and_a_total_told_a_month_later_are_snapshots(tmp_path):
    r = _story(tmp_path,
               "En cinq semaines d'épidémie, 912 000 personnes ont consulté un médecin pour une bronchiolite.",
               "Au total, 1,4 million de personnes ont consulté un médecin pour une bronchiolite.",
               dates=["2024-02", "2024-02"])
    assert _pairs(r) == []


def test_month_dates_that_overlap_do_not_separate_days(tmp_path):
    r = _story(tmp_path,
               "Au total, 1,2 million de personnes ont consulté un médecin pour une bronchiolite.",
               "Au total, 1,4 million de personnes ont consulté un médecin pour une bronchiolite.",
               dates=["2024-01", "2024-01-20"])
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_the_other_end_of_a_range_is_not_a_part(tmp_path):
    r = _story(tmp_path,
               "Le 12 mars, entre 640 000 manifestants dont 48 000 à Lyon (selon la police) et près de "
               "1,5 million de manifestants, dont 300 000 à Lyon, ont défilé.")
    assert [f for f in r.findings if f.rule_id == "FC109"] == []


def test_parts_after_dont_still_add_up(tmp_path):
    r = _story(tmp_path, "L'accident a fait 12 blessés, dont 5 enfants, 4 adultes et 6 pompiers.")
    assert [f.rule_id for f in r.findings] == ["FC109"]


def test_parts_picked_among_a_total_may_leave_some_out(tmp_path):
    r = _story(tmp_path, "Au total, 87 blessés étaient encore hospitalisés lundi. Parmi eux, 41 sont toujours en "
                         "réanimation et 22 dans un service de grands brûlés.")
    assert [f for f in r.findings if f.rule_id == "FC109"] == []


def test_a_list_ends_at_its_item_joined_by_and(tmp_path):
    r = _story(tmp_path, "Le dernier bilan fait état de 21 tués, dont 16 civils et 5 policiers, 4 assaillants "
                         "ayant été abattus.")
    assert [f for f in r.findings if f.rule_id == "FC109"] == []
    r = _story(tmp_path / "en", "The latest toll is 21 dead, including 16 civilians and 5 police officers, 4 "
                                "gunmen having been shot.", lang="en")
    assert [f for f in r.findings if f.rule_id == "FC109"] == []


def test_a_share_of_one_age_group_is_not_the_share_of_all(tmp_path):
    r = _story(tmp_path,
               "The survey found that 71% of voters aged 18 to 29 backed the scheme.",
               "Overall, 54% of voters backed the scheme, the survey found, and 49% of those aged 30 to 44.",
               lang="en")
    assert _pairs(r) == []


def test_a_compound_counts_its_last_noun(tmp_path):
    r = _story(tmp_path,
               "Four passenger coaches left the rails near the viaduct on Tuesday.",
               "On Tuesday, nine passengers were on the train that left the rails near the viaduct.",
               lang="en")
    assert _pairs(r) == []


def test_a_local_count_with_the_digits_of_a_national_one_is_no_magnitude_slip(tmp_path):
    r = _story(tmp_path,
               "Un autre rassemblement était organisé à Dax. Il a réuni 3 500 manifestants.",
               "Dans tout le pays, \"plus de 3,5 millions\" de manifestants ont défilé, d'après la CGT.")
    assert [f for f in r.findings if f.rule_id == "FC102"] == []


def test_a_nationwide_count_and_one_towns_count_are_two_facts(tmp_path):
    r = _story(tmp_path,
               "Jeudi, à Vannes, 9 000 personnes ont défilé selon la police.",
               "Jeudi, 12 000 personnes ont défilé dans tout le pays selon la police.")
    assert _pairs(r) == []


def test_who_is_held_grows_while_the_inquiry_goes_on(tmp_path):
    first = "Après la saisie de cocaïne sur le port, cinq personnes ont été placées en garde à vue."
    later = "Dans cette affaire de cocaïne sur le port, neuf personnes ont été placées en garde à vue."
    r = _story(tmp_path / "later", first, later, dates=["2024-05-04", "2024-05-09"])
    assert _pairs(r) == []
    r = _story(tmp_path / "same", first, later, dates=["2024-05-04", "2024-05-04"])
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]
    r = _story(tmp_path / "fewer", first, later, dates=["2024-05-09", "2024-05-04"])  # nine, then five
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_town_named_by_its_adjective_is_that_towns_count(tmp_path):
    r = _story(tmp_path,
               "Jeudi, dans les rues nantaises, on comptait 55 000 manifestants selon les syndicats.",
               "Jeudi, 65 000 manifestants ont défilé à Rennes selon les syndicats.")
    assert _pairs(r) == []


def test_the_number_of_a_period_is_not_a_count(tmp_path):
    from factcheck.api import extract

    claims = extract("Dans le département, près de 12 000 personnes ont retrouvé un emploi ces quatre derniers mois "
                     "(-3,8 %).", "fr")
    assert [c.text for c in claims] == ["12 000", "-3,8 %"]


def test_a_seizure_recalled_by_its_day_is_not_the_news_of_a_later_article(tmp_path):
    r = _story(tmp_path,
               "Le 3 mars dernier, les douaniers ont saisi près de 4 tonnes de résine de cannabis dans la ville.",
               "Le ministre a salué la saisie de plus de 4,5 tonnes de résine de cannabis dans un entrepôt.",
               dates=["2024-06-12", "2024-06"])
    assert _pairs(r) == []


def test_a_weekday_that_cannot_be_dated_keeps_a_farther_day_away(tmp_path):
    r = _story(tmp_path,
               "Les autorités attendent une mobilisation comparable à celle du 2 avril. Les cortèges ont réuni "
               "mardi dernier 1,31 million de personnes, soit davantage que le 12 mars.",
               "Le 12 mars, 1,18 million de personnes ont manifesté dans le pays.",
               dates=["2024-04", "2024-03-12"])
    assert _pairs(r) == []


def test_a_headline_figure_takes_the_time_its_repeat_names(tmp_path):
    r = _story(tmp_path,
               "À 7 h, 412 000 foyers étaient privés d'électricité dans la région, selon le gestionnaire du réseau.",
               "Tempête : 351 000 foyers toujours privés d'électricité\n\nÀ 19 h, 351 000 foyers sont toujours "
               "privés d'électricité dans la région, selon le gestionnaire du réseau.")
    assert _pairs(r) == []


def test_weekly_figures_of_different_weeks_are_different_facts(tmp_path):
    """A weekly statistic is dated by its week: the last week of December and the first
    week of January are two facts, while two wordings of one week still disagree."""
    r = _story(tmp_path,
               "L'agence a relevé un taux d'absentéisme de 11 % la dernière semaine de novembre "
               "et de 15 % la première semaine de décembre.",
               "Le taux d'absentéisme a atteint 9 % lors de la dernière semaine de novembre 2023, selon l'agence.",
               dates=["2023-12-12", "2023-12-11"])
    values = sorted(sorted(c.text for c in f.claims) for f in _pairs(r))
    assert values == [["11 %", "9 %"]]


def test_a_narrower_population_is_another_measure(tmp_path):
    """Job seekers under 25 or out of work for a long time are parts of all job seekers:
    their falls are other figures, while two falls for all job seekers still disagree."""
    r = _story(tmp_path,
               "Le nombre de demandeurs d'emploi a reculé de 2,1 % au deuxième trimestre.",
               "Le nombre de demandeurs d'emploi de moins de 25 ans a reculé de 4,2 % au deuxième trimestre. "
               "Celui des demandeurs d'emploi de longue durée a reculé de 3,7 % au deuxième trimestre.",
               "Au deuxième trimestre, le nombre de demandeurs d'emploi a reculé de 2,6 %.")
    values = sorted(sorted(c.text for c in f.claims) for f in _pairs(r))
    assert values == [["2,1 %", "2,6 %"]]


def test_a_narrower_population_is_another_measure_in_english(tmp_path):
    r = _story(tmp_path,
               "The number of jobseekers rose by 1.2% in March, the statistics office said.",
               "The number of jobseekers aged over 50 rose by 3.4% in March, the statistics office said. "
               "Long-term unemployment rose by 2.8% in March.",
               lang="en")
    assert _pairs(r) == []


def test_a_sentence_opening_on_a_part_of_the_country_scopes_its_figure(tmp_path):
    r = _story(tmp_path,
               "En France métropolitaine, le nombre de chômeurs s'établit à 2,9 millions de personnes.",
               "Le nombre de chômeurs s'établit à 3,1 millions de personnes, selon l'institut.")
    assert _pairs(r) == []


def test_hard_wrapped_copy_and_a_linking_verb_still_name_what_is_measured(tmp_path):
    """Wire copy broken into short lines, and a sentence that opens on another clause:
    the reader still sees that both figures are the turnout."""
    r = _story(tmp_path,
               "The count of the regional referendum ended before dawn. The turnout in the referendum was\n"
               "71.2 per cent, officials said.\nThe result was welcomed by both campaigns.",
               "After a night of counting, turnout in the regional referendum was 73 percent, officials said.",
               lang="en")
    assert [sorted(c.text for c in f.claims) for f in _pairs(r)] == [["71.2 per cent", "73 percent"]]


def test_a_table_of_towns_in_one_article_gives_each_town_its_own_figures(tmp_path):
    """Organisers' and police counts town by town: two towns' figures are two facts, even
    when one looks like the other with a zero more."""
    r = _story(tmp_path,
               "Les chiffres de la mobilisation, ville par ville :\n"
               "Rennes : 32 000 (CGT) / 9 000 selon la police\n"
               "Brest : 90 000 (CGT) / 21 000 selon la police\n"
               "Vannes : 14 000 (CGT) / 5 000 selon la police\n")
    assert _pairs(r) == []


def test_a_window_count_of_one_day_and_a_total_of_a_later_month_are_snapshots(tmp_path):
    """A count over six weeks told about 9 January, and a running total in another article
    dated to February only (an archive that kept the month; the first also, though it
    names its day): the total may have grown since, so they do not contradict."""
    r = _story(tmp_path,
               "Selon le réseau de surveillance, le 9 janvier, en six semaines d'épidémie, "
               "1 204 000 personnes ont consulté un médecin pour une grippe.",
               "Au total, 1,6 million de personnes ont consulté un médecin pour une grippe, selon le réseau de surveillance.",
               dates=["2024-02", "2024-02"])
    assert _pairs(r) == []


def test_a_bound_after_a_comma_and_a_state_told_with_alors_are_read_as_such(tmp_path):
    """"Au moins, neuf morts" is a lower bound; "il y avait alors six morts" is the toll at
    an earlier moment of the story: neither contradicts "au moins 11 morts" later."""
    r = _story(tmp_path,
               "Au moins, neuf personnes sont mortes dans l'effondrement de l'immeuble, selon les pompiers.",
               "Les secours sont arrivés vers 5 heures. Il y avait alors six morts dans l'effondrement de l'immeuble.",
               "Au moins 11 personnes sont mortes dans l'effondrement de l'immeuble, selon les pompiers.")
    assert [f for f in _pairs(r) if f.rule_name == "bound-conflict"] == []


def test_the_noun_of_an_act_names_what_its_count_underwent(tmp_path):
    """"L'incendie a entraîné l'évacuation de 340 personnes" counts the evacuated, as "410
    personnes ont été évacuées" does: the verb that causes the act is not the event."""
    r = _story(tmp_path,
               "Mardi soir, près de Cazeneuve, l'incendie a entraîné l'évacuation de 340 personnes, selon la préfecture.",
               "Mardi soir, près de Cazeneuve, 410 personnes ont été évacuées, selon la préfecture.")
    assert [sorted(c.text for c in f.claims) for f in _pairs(r)] == [["340", "410"]]


def _titled(tmp_path, title, body, lang="fr"):
    story = tmp_path / "story"
    story.mkdir(exist_ok=True)
    (story / "a.md").write_text(f'---\ntitle: "{title}"\nsource: "Journal"\ndate: 2024-05-02\nlang: {lang}\n---\n\n{body}\n',
                                encoding="utf-8")
    return check([story])


def test_the_town_of_the_story_is_not_a_part_of_it(tmp_path):
    # the title places the whole story in Lille: "à Lille" names no part of it, and the
    # body's figure without a place is the same count, rounded
    r = _titled(tmp_path, "Inondations à Lille : des centaines d'habitants évacués",
                "Au total, 1 265 habitants ont été évacués mardi à Lille pendant la nuit, selon la préfecture.\n\n"
                "La décrue a commencé mercredi. Les secours ont évacué 1 200 habitants pendant la nuit, "
                "a précisé la préfecture.")
    assert [f.rule_id for f in _pairs(r)] == ["FC105"]


def test_a_town_inside_a_national_story_is_still_a_part(tmp_path):
    r = _titled(tmp_path, "Grève des enseignants : forte mobilisation",
                "Selon le syndicat, la grève a mobilisé 1,2 million de personnes. Les chiffres divergeaient - "
                "à Lyon, le syndicat annonçait ainsi 120 000 manifestants.")
    assert _pairs(r) == []


def test_a_pluperfect_in_reported_speech_is_not_an_earlier_value(tmp_path):
    # "a annoncé samedi que … avaient saisi": the tense follows the saying, the figure is current
    r = _story(tmp_path,
               "Le ministère a annoncé samedi que les douaniers avaient saisi 1,4 tonne de cocaïne sur un cargo.",
               "Les douaniers ont saisi 1,2 tonne de cocaïne sur un cargo, selon le ministère.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_pluperfect_of_another_moment_is_still_an_earlier_value(tmp_path):
    r = _story(tmp_path,
               "Les douaniers ont saisi 1,4 tonne de cocaïne sur un cargo, selon le ministère.",
               "Les douaniers ont saisi 1,4 tonne de cocaïne sur un cargo. Ils avaient saisi 1,2 tonne de cocaïne sur un cargo.")
    assert _pairs(r) == []


def test_what_had_been_prepared_for_this_event_is_current(tmp_path):
    # the pluperfect looks ahead to "cette journée": 180 rallies planned is today's count
    r = _story(tmp_path,
               "Selon la CGT, 180 rassemblements avaient été déclarés pour cette journée de grève.",
               "Pour la journée de grève, 145 rassemblements ont été déclarés, selon la CGT.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_each_articles_only_turnout_is_the_votes_turnout(tmp_path):
    r = _story(tmp_path,
               "Les électeurs de la commune ont approuvé la fusion. La participation a atteint 71,2 %.",
               "La fusion des deux communes a été approuvée dimanche par référendum, avec une participation de 68,4 %.",
               dates=["2024-05-05", "2024-05-05"])
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_turnout_at_a_time_of_day_in_one_town_or_a_spread_is_not_the_votes(tmp_path):
    r = _story(tmp_path,
               "Les électeurs ont approuvé la fusion. À 17 heures, la participation atteignait 52,3 %.",
               "La fusion a été approuvée dimanche par référendum, avec une participation de 68,4 %.",
               "La fusion a été approuvée. À Brévans, la participation a atteint 80,1 %.",
               "La fusion a été approuvée. Selon les bureaux, la participation a oscillé entre 55 et 75 %.",
               dates=["2024-05-05"] * 4)
    assert _pairs(r) == []


def test_a_total_over_several_boats_is_not_one_boats_figure(tmp_path):
    # 3,1 t over two lorries is a total; 2,8 t in the first lorry is a part of it
    r = _story(tmp_path,
               "Les douaniers ont saisi 2,8 tonnes de résine de cannabis dans un camion frigorifique.",
               "En une semaine, les douaniers ont saisi 3,1 tonnes de résine de cannabis dans deux camions.")
    assert _pairs(r) == []


def test_the_same_seizure_twice_is_still_compared(tmp_path):
    r = _story(tmp_path,
               "Les douaniers ont saisi 2,8 tonnes de résine de cannabis dans un camion frigorifique.",
               "Dans un camion frigorifique, les douaniers ont saisi 3,1 tonnes de résine de cannabis.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_two_parts_of_one_whole_conflict(tmp_path):
    # the same whole (227 injured) in both articles, and its seriously injured part differs;
    # "graves" and "grièvement" name one measure, "a-t-il ajouté" says nothing of the event,
    # and "dans d'autres incidents" places the figure, it does not count other people
    r = _story(tmp_path,
               "Selon le ministre, 227 personnes ont été blessées dont sept gravement dans d'autres incidents.",
               "Au total, 227 personnes ont été blessées, dont six grièvement, a-t-il ajouté.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_parts_of_two_different_wholes_do_not_conflict(tmp_path):
    r = _story(tmp_path,
               "La manifestation a fait 227 blessés dont sept gravement, selon le ministre.",
               "Le lendemain, on comptait 409 blessés, dont quatorze grièvement, selon le ministre.")
    assert _pairs(r) == []
    # even when nothing else tells the two snapshots apart
    r = _story(tmp_path / "plain",
               "Selon le ministre, 227 personnes ont été blessées dont sept gravement dans les blocages.",
               "Selon le ministre, plus de 400 personnes ont été blessées dont quatorze gravement dans les blocages.")
    assert _pairs(r) == []


def test_tons_and_tonnes_of_the_same_figure_are_one_figure(tmp_path):
    r = _story(tmp_path,
               "The blast was caused by 2,750 tonnes of ammonium nitrate, an agricultural fertiliser, stored at the port.",
               "The blast was caused by 2,750 tons of ammonium nitrate, an agricultural fertiliser, stored at the port.",
               lang="en")
    assert _pairs(r) == []


def test_two_articles_own_counts_of_who_died_conflict(tmp_path):
    # each article's only figure for the sailors who died: one fact, told twice
    r = _story(tmp_path,
               "Naufrage au large de Brest : 12 marins sont morts mardi.",
               "Parmi l'équipage du chalutier, 14 marins sont décédés mardi, selon la préfecture maritime.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_count_of_who_died_among_others_is_not_the_articles_own(tmp_path):
    # the second article gives two figures for sailors who died (two wrecks): neither
    # is its one figure for the event
    r = _story(tmp_path,
               "Naufrage au large de Brest : 12 marins sont morts mardi.",
               "Parmi l'équipage du chalutier, 14 marins sont décédés mardi, selon la préfecture maritime. "
               "Sur le caboteur, 3 marins sont décédés mardi.")
    assert _pairs(r) == []


def test_who_died_and_who_was_injured_are_two_facts(tmp_path):
    r = _story(tmp_path,
               "Naufrage au large de Brest : 12 marins sont morts mardi.",
               "Parmi l'équipage du chalutier, 14 marins ont été blessés mardi, selon la préfecture maritime.")
    assert _pairs(r) == []


def test_swapped_small_figures_of_two_unnamed_things_are_no_slip(tmp_path):
    # "15" is an age, written bare after "14 ans": not the 51 passengers mistyped
    r = _story(tmp_path,
               "Le car transportait 51 personnes, dont 41 enfants, quand il a quitté la route.",
               "Une collégienne de 14 ans (et non 15, comme annoncé d'abord) est morte et 12 autres personnes ont été blessées.")
    assert _pairs(r) == []


def test_a_count_at_noon_and_one_in_the_evening_are_two_snapshots(tmp_path):
    r = _story(tmp_path,
               "À 12 h, cinq blessés de l'accident du car étaient toujours hospitalisés au CHU, selon la préfecture.",
               "Ce dimanche soir, quatre blessés de l'accident du car étaient toujours hospitalisés au CHU, selon la préfecture.",
               dates=["2024-03-03", "2024-03-03"])
    assert _pairs(r) == []
    r = _story(tmp_path / "en",
               "At 11 a.m. five injured from the coach crash were still in hospital, the prefecture said.",
               "On Sunday evening four injured from the coach crash were still in hospital, the prefecture said.",
               dates=["2024-03-03", "2024-03-03"], lang="en")
    assert _pairs(r) == []


def test_the_same_part_of_the_day_is_one_moment(tmp_path):
    r = _story(tmp_path,
               "Ce dimanche soir, cinq blessés de l'accident du car étaient toujours hospitalisés au CHU, selon la préfecture.",
               "Ce dimanche soir, quatre blessés de l'accident du car étaient toujours hospitalisés au CHU, selon la préfecture.",
               dates=["2024-03-03", "2024-03-03"])
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_two_more_and_four_more_are_two_steps(tmp_path):
    # "N more" counts one step of a search; two steps differ without contradicting
    r = _story(tmp_path,
               "Divers found two more bodies in the lake, the sheriff's office said on Friday.",
               "Divers found four more bodies in the lake on Friday, the sheriff's office said.",
               dates=["2024-07-20", "2024-07-20"], lang="en")
    assert _pairs(r) == []


def test_a_provisional_toll_is_a_snapshot_of_a_larger_one(tmp_path):
    r = _story(tmp_path,
               "Five dead after the derailment. Rescuers fear the number of victims will soar from the current official death toll of five.",
               "Thirteen people are confirmed dead after the derailment, police said.",
               dates=["2024-07", "2024-07-09"], lang="en")
    assert _pairs(r) == []


def test_a_toll_in_an_article_dated_to_a_later_month_is_a_revision(tmp_path):
    # an article dated only to June, about the explosion of 2 May, was not written on 2 May:
    # its toll is the one known when it was written
    story = _write_story(tmp_path,
                         "L'explosion de l'immeuble a fait cinq morts, selon les pompiers.",
                         "L'immeuble a explosé le 2 mai. L'explosion de l'immeuble a fait treize morts, selon les pompiers.",
                         dates=["2024-05-02", "2024-06"])
    r = check([story])
    assert _pairs(r) == [] and r.hidden["revisions"] == 1


def test_what_is_announced_for_tomorrow_does_not_date_the_article(tmp_path):
    # Friday's article says the prefect goes out "demain": its shelter count is still Friday's
    r = _story(tmp_path,
               "Après le cyclone, 675 personnes sont hébergées dans les gymnases de l'île. "
               "Le préfet se rendra demain dans les communes sinistrées.",
               "Après le cyclone, 953 personnes sont hébergées dans les gymnases de l'île.",
               dates=["2024-05-03", "2024-05-04"])
    assert _pairs(r) == [] and r.hidden["revisions"] == 1


def test_a_weekday_tells_the_day_of_a_figure_in_an_article_dated_to_the_month(tmp_path):
    friday = "Vendredi soir, 847 personnes étaient hébergées dans les gymnases de l'île après le cyclone."
    saturday = "Samedi soir, 953 personnes étaient hébergées dans les gymnases de l'île après le cyclone."
    r = _story(tmp_path, friday, saturday, dates=["2024-05", "2024-05-04"])
    assert _pairs(r) == [] and r.hidden["revisions"] == 1
    # the same weekday and part of the day: one moment, two figures
    r = _story(tmp_path / "same", friday.replace("Vendredi", "Samedi"), saturday, dates=["2024-05", "2024-05-04"])
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_running_count_at_a_stated_moment_against_one_at_none(tmp_path):
    stamped = "Ce matin, 120 personnes étaient hébergées au gymnase après les inondations."
    unstamped = "Après les inondations, 160 personnes ont été hébergées au gymnase."
    r = _story(tmp_path, stamped, unstamped)
    assert _pairs(r) == [] and r.hidden["revisions"] == 1
    # neither says when: two figures for one count
    r = _story(tmp_path / "none", stamped.replace("Ce matin, ", ""), unstamped)
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_the_same_outage_counted_in_households_and_in_people(tmp_path):
    r = _story(tmp_path,
               "Au plus fort de la tempête, 236 400 foyers étaient privés d'électricité dans la région.",
               "La tempête a privé d'électricité 236 400 habitants de la région.")
    assert [f.rule_id for f in _pairs(r)] == ["FC115"]
    # the same noun, or a figure under a hundred, is no slip
    r = _story(tmp_path / "same",
               "Au plus fort de la tempête, 236 400 foyers étaient privés d'électricité dans la région.",
               "La tempête a privé d'électricité 236 400 foyers de la région.")
    assert _pairs(r) == []


def test_parts_that_make_the_other_articles_figure_are_parts(tmp_path):
    r = _story(tmp_path,
               "Le déraillement a fait 41 blessés, selon la préfecture.",
               "Les médecins suivent l'état des 14 blessés en urgence absolue et des 27 en urgence relative.")
    assert _pairs(r) == []
    # parts that do not make it are still two figures for one count
    r = _story(tmp_path / "apart",
               "Le déraillement a fait 41 blessés, selon la préfecture.",
               "Le déraillement a fait 27 blessés, selon la préfecture.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_toll_the_story_tells_as_still_rising_is_told_at_moments(tmp_path):
    running = "So far 31 people have died in the stampede at the station, officials said."
    other = "Nineteen people were reported dead in the stampede at the station."
    r = _story(tmp_path, running, other, lang="en")
    assert _pairs(r) == [] and r.hidden["revisions"] == 1
    # told as a settled figure, the same two tolls conflict
    r = _story(tmp_path / "settled", running.replace("So far 31", "In all, 31"), other, lang="en")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_one_places_figure_of_a_list_is_not_the_figure_for_no_place(tmp_path):
    listed = ("Les pointes de vent ont atteint 176 km/h à Granville, 158 km/h à Cherbourg et 149 km/h à "
              "Barfleur, selon Météo-France.")
    r = _story(tmp_path, listed, "Jeudi, les pointes de vent ont dépassé 180 km/h, selon Météo-France.")
    assert _pairs(r) == []
    # the same place on both sides is one fact
    r = _story(tmp_path / "same", listed, "Jeudi, les pointes de vent ont dépassé 180 km/h à Granville, selon Météo-France.")
    assert [f.rule_id for f in _pairs(r)] == ["FC106"]


def test_one_conflict_reported_by_two_rules_is_one_finding(tmp_path):
    r = _story(tmp_path,
               "Quelque 782 000 personnes ont défilé dans toute la France, selon le ministère de l'Intérieur.",
               "Les cortèges ont rassemblé 782 000 personnes en France, selon le ministère de l'Intérieur.",
               "Au total, 728 000 personnes ont défilé en France, selon le ministère de l'Intérieur.")
    [f] = _pairs(r)
    assert f.rule_id == "FC103"  # transposed digits: the most specific reading
    assert sorted(c.path.rsplit("/", 1)[-1] for c in f.claims) == ["a.md", "b.md", "c.md"]


def test_people_brought_to_safety_are_a_running_count(tmp_path):
    r = _story(tmp_path,
               "Lundi soir, 412 personnes avaient pu être mises en sécurité, dont 230 par hélicoptère.",
               "Les pompiers ont déjà mis en sécurité ou fait des sauvetages pour 380 personnes.",
               dates=["2024-05-06", "2024-05-06"])  # a Monday
    assert _pairs(r) == []
    r = _story(tmp_path / "same",
               "Lundi soir, 412 personnes ont été mises en sécurité par les pompiers.",
               "Lundi soir, 380 personnes ont été mises en sécurité par les pompiers.",
               dates=["2024-05-06", "2024-05-06"])
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_countrys_figure_beside_its_places_is_the_whole(tmp_path):
    r = _story(tmp_path,
               "Jeudi, plus de 806 000 personnes ont manifesté en France, dont 65 000 à Paris et 20 000 à Lyon, "
               "selon le ministère de l'Intérieur.",
               "Jeudi, près de 806 000 personnes ont manifesté, selon le ministère de l'Intérieur. À Paris, "
               "65 000 personnes ont défilé et à Lyon 20 000.")
    assert [f.rule_id for f in _pairs(r)] == ["FC111"]


def test_one_article_giving_a_place_two_counts_of_one_thing(tmp_path):
    r = _story(tmp_path,
               "Dimanche, 12 000 personnes ont défilé à Quimper. Plus tard, la préfecture a publié son bilan. "
               "À Quimper, environ 9 000 personnes ont défilé dimanche.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]
    # two places of one list are two facts
    r = _story(tmp_path / "two",
               "Dimanche, 12 000 personnes ont défilé à Quimper. Plus tard, la préfecture a publié son bilan. "
               "À Brest, environ 9 000 personnes ont défilé dimanche.")
    assert _pairs(r) == []


# ---------------------------------------------------------------- who holds a figure, and when it stood

def test_seats_won_by_two_parties_are_two_facts(tmp_path):
    r = _story(tmp_path,
               "Le Parti vert a remporté 14 sièges, tandis que les indépendants en gardent neuf.",
               "Au terme du dépouillement, le Bloc citoyen obtient 31 sièges. C'est trois de plus qu'en 2019.",
               dates=["2024-06-10", "2024-06-10"])
    assert _pairs(r) == []


def test_seats_of_one_party_given_twice_still_conflict(tmp_path):
    r = _story(tmp_path,
               "Au terme du dépouillement, le Bloc citoyen obtient 31 sièges à l'assemblée régionale.",
               "Au terme du dépouillement, le Bloc citoyen obtient 29 sièges à l'assemblée régionale.",
               dates=["2024-06-10", "2024-06-10"])
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_seats_in_a_list_of_results_belong_to_each_party(tmp_path):
    r = _story(tmp_path,
               "Final results: the Harbour Party won 41 seats, the Valley Alliance with 12 seats and Labour with 6 seats.",
               "The Coast Party secured 9 seats in the final count, officials said.",
               dates=["2024-06-10", "2024-06-10"], lang="en")
    assert _pairs(r) == []


def test_a_share_among_one_group_is_not_the_share_of_all(tmp_path):
    r = _story(tmp_path,
               "Le syndicat annonce 85 % de grévistes chez les surveillants, ce jeudi.",
               "Le syndicat a évoqué 58 % de grévistes dans les écoles et les collèges, ce jeudi.")
    assert _pairs(r) == []


def test_shares_at_two_times_of_day_are_two_snapshots(tmp_path):
    r = _story(tmp_path,
               "Municipales : 38,2 % de participation à 17 h, en net recul.",
               "A midi, la participation s'élevait à 17,4 %, selon le ministère.",
               dates=["2024-03-17", "2024-03-17"])
    assert _pairs(r) == []


def test_a_list_given_respectively_is_one_figure_per_item(tmp_path):
    r = _story(tmp_path,
               "Les filières agricole, hôtelière et sanitaire atteignent respectivement 81,3 %, 74,6 % et 88,9 % de réussite.",
               "Au total, 79,4 % de réussite au brevet professionnel cette année.",
               dates=["2024-07-05", "2024-07-05"])
    assert _pairs(r) == []


def test_the_part_told_after_its_whole_is_a_part(tmp_path):
    r = _story(tmp_path,
               "Selon le rectorat, sur 18 400 candidats, 15 900 sont reçus dès le premier groupe.",
               "Le rectorat recense 18 400 candidats inscrits à l'examen cette année.",
               dates=["2024-07-05", "2024-07-05"])
    assert _pairs(r) == []


def test_the_first_step_of_a_count_is_not_the_count(tmp_path):
    r = _story(tmp_path,
               "Deux hommes ont d'abord été interpellés dimanche sur le parking, puis un troisième dans la villa.",
               "Trois hommes ont été interpellés dimanche dans le cadre du trafic.",
               dates=["2024-05-06", "2024-05-06"])
    assert _pairs(r) == []


def test_injured_lightly_after_the_verb_is_a_narrower_count(tmp_path):
    r = _story(tmp_path,
               "Le préfet a indiqué que deux personnes avaient été blessées légèrement par l'effondrement.",
               "Trois personnes ont été blessées, dont une grièvement, dans l'effondrement du mur.")
    assert _pairs(r) == []


def test_days_ago_counted_from_different_days_of_writing(tmp_path):
    r = _story(tmp_path,
               "The footbridge, which reopened three days ago after repairs, collapsed on Sunday evening.",
               "The footbridge had reopened five days ago after a long renovation, officials said on Tuesday.",
               dates=["2024-10-27", "2024-10-29"], lang="en")
    assert _pairs(r) == []


def test_days_ago_on_one_day_of_writing_still_conflict(tmp_path):
    r = _story(tmp_path,
               "The footbridge, which reopened four days ago after repairs, collapsed on Sunday evening.",
               "The footbridge, which reopened five days ago after repairs, collapsed on Sunday evening.",
               dates=["2024-10-27", "2024-10-27"], lang="en")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_source_in_parentheses_is_the_source_of_its_figure(tmp_path):
    r = _story(tmp_path,
               "On comptait entre 21 000 (police) et 70 000 (syndicats) manifestants à Brest ce jeudi.",
               "Les syndicats brestois ont évoqué la présence de 210 000 manifestants contre 21 000 selon la police, ce jeudi.",
               dates=["2024-03-14", "2024-03-14"])
    assert not [f for f in _pairs(r) if f.rule_id == "FC103"]


def test_durations_in_one_town_about_two_things(tmp_path):
    r = _story(tmp_path,
               "The firm had been trading from Leeds for the past two years before the raid.",
               "The couple were living in Leeds for the last nine years, neighbours said.",
               dates=["2024-09-21", "2024-09-23"], lang="en")
    assert not [f for f in _pairs(r) if f.rule_id == "FC107"]


def test_a_share_among_a_group_and_the_share_of_that_group_are_one_fact(tmp_path):
    r = _story(tmp_path,
               "Selon la direction du réseau, 41 % des contrôleurs étaient en grève jeudi.",
               "La direction du réseau faisait état jeudi de 14 % de grévistes parmi les contrôleurs.")
    assert {f.rule_id for f in _pairs(r)} & {"FC103", "FC104"}


def test_custody_is_not_the_count_of_arrests(tmp_path):
    # those placed in custody are a part of those arrested: two counts, never one fact
    r = _story(tmp_path,
               "Samedi soir, la préfecture a indiqué que 240 personnes avaient été arrêtées en marge du cortège.",
               "Samedi soir, 215 personnes étaient placées en garde à vue après le cortège, selon la préfecture.")
    assert _pairs(r) == []
    # the same count of arrests given twice still disagrees
    r = _story(tmp_path / "again",
               "Samedi soir, la préfecture a indiqué que 240 personnes avaient été arrêtées en marge du cortège.",
               "Samedi soir, 215 personnes avaient été interpellées en marge du cortège, selon la préfecture.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_the_height_of_a_thing_is_not_its_length(tmp_path):
    # a length names the extent it measures: a roof 100 m long and 10 m high are two facts
    r = _story(tmp_path,
               "La charpente du toit s'étendait sur 100 mètres de long.",
               "Le toit de 110 mètres de long, 13 mètres de large et 10 mètres de haut a brûlé.")
    assert not [f for f in _pairs(r) if {c.text for c in f.claims} & {"10 mètres", "13 mètres"}]
    r = _story(tmp_path / "en",
               "The roof of the nave was 100 metres long.",
               "The roof was 110 metres long, 13 metres wide and 10 metres high.", lang="en")
    assert not [f for f in _pairs(r) if {c.text for c in f.claims} & {"10 metres", "13 metres"}]
    # the same extent given twice still disagrees, with or without its name on both sides
    r = _story(tmp_path / "again",
               "La flèche, haute de 96 mètres, s'est effondrée lundi soir dans l'incendie.",
               "Lundi soir, la flèche de 93 mètres de haut s'est effondrée dans l'incendie.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_a_result_recalled_from_back_then_is_an_earlier_value(tmp_path):
    r = _story(tmp_path,
               "Au second scrutin, le oui l'emporte avec 52,4 % des voix. Le oui l'avait à l'époque emporté "
               "avec 58,1 % des voix.",
               "Le oui l'emporte avec 52,4 % des voix au second scrutin, selon les résultats définitifs.")
    assert _pairs(r) == []
    r = _story(tmp_path / "en",
               "In the second vote, Yes won 52.4% of the vote. Back then, Yes had won with 58.1% of the vote.",
               "Yes won 52.4% of the vote in the second ballot, the final results show.", lang="en")
    assert _pairs(r) == []


def test_two_nouns_counted_side_by_side_are_two_measures(tmp_path):
    # the headline names both measures; each figure counts the noun written after it
    r = _story(tmp_path,
               "Bilan de la nuit : 1 700 interpellations, 1 100 gardes à vue dans tout le pays.",
               "Dans tout le pays, les forces de l'ordre ont procédé à 1 400 interpellations dans la nuit.")
    assert not [f for f in _pairs(r) if "1 100" in {c.text for c in f.claims}]
    r = _story(tmp_path / "en",
               "Overnight toll: 1,700 arrests, 1,100 detentions across the country.",
               "Across the country, police made 1,400 arrests overnight.", lang="en")
    assert not [f for f in _pairs(r) if "1,100" in {c.text for c in f.claims}]


def test_the_votes_of_a_rival_named_after_his_figure_are_his(tmp_path):
    r = _story(tmp_path,
               "Le candidat sortant a été déclaré élu lundi soir avec 7 176 141 voix, selon la commission électorale.",
               "Selon la commission électorale, Samuel Okafor l'emporte lundi soir avec 7 176 141 voix, contre "
               "6 942 930 voix pour son rival Paul Adeyemi.")
    assert not [f for f in _pairs(r) if "6 942 930" in {c.text for c in f.claims}]
    r = _story(tmp_path / "en",
               "The incumbent was declared the winner on Monday evening with 7,176,141 votes, the commission said.",
               "The commission said Samuel Okafor won on Monday evening with 7,176,141 votes, against 6,942,930 "
               "for his rival Paul Adeyemi.", lang="en")
    assert not [f for f in _pairs(r) if "6,942,930" in {c.text for c in f.claims}]


def test_a_place_s_figure_and_one_from_an_article_that_never_names_it(tmp_path):
    # "à Lyon" against a count whose article names no place: two facts
    r = _story(tmp_path,
               "Samedi, 53 personnes ont été interpellées à Lyon, selon la préfecture.",
               "Samedi, 122 personnes ont été interpellées en marge des cortèges, selon la préfecture.")
    assert _pairs(r) == []
    # the other article is set in Lyon: its count is Lyon's, and the two disagree
    r = _story(tmp_path / "again",
               "Samedi, 53 personnes ont été interpellées à Lyon, selon la préfecture.",
               "Les cortèges ont défilé samedi dans Lyon. Selon la préfecture, 61 personnes ont été interpellées.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_seats_and_mandates_are_one_count(tmp_path):
    r = _story(tmp_path,
               "Au second tour dimanche, l'alliance présidentielle obtient 162 sièges à l'Assemblée.",
               "Dimanche au second tour, l'alliance présidentielle obtient 158 mandats à l'Assemblée.")
    assert [f.rule_id for f in _pairs(r)] == ["FC104"]


def test_the_adults_on_board_are_not_all_on_board(tmp_path):
    r = _story(tmp_path,
               "The plane was carrying 174 adult passengers, 10 children and six crew.",
               "The plane was carrying 184 passengers and six crew.", lang="en")
    assert not [f for f in _pairs(r) if "174" in {c.text for c in f.claims}]
    r = _story(tmp_path / "fr",
               "L'avion transportait 174 passagers adultes, 10 enfants et six membres d'équipage.",
               "L'avion transportait 184 passagers et six membres d'équipage.")
    assert not [f for f in _pairs(r) if "174" in {c.text for c in f.claims}]
