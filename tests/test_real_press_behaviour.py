"""What a careful reader understands across articles, through the whole pipeline:
another place, a part of a total, an earlier value, a threshold, another year, a
rounding, the same conflict repeated, a revision on another day. Stories written here."""

from __future__ import annotations

from factcheck.api import check


def _write_story(tmp_path, *bodies, dates=None, lang="fr"):
    story = tmp_path / "story"
    story.mkdir()
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


def test_toll_on_another_day_is_a_revision_reported_as_info(tmp_path):
    r = _story(tmp_path,
               "Les inondations ont fait neuf morts dans la vallée.",
               "Les inondations ont fait onze morts dans la vallée.",
               dates=["2024-05-02", "2024-05-04"])
    assert r.findings and all(f.severity == "info" for f in r.findings)
    assert any(w.startswith("revision:") for f in r.findings for w in f.why)


def test_weekday_written_after_its_date(tmp_path):
    r = _story(tmp_path, "Le premier rassemblement remonte au 9 mars 2023 pour le premier samedi de mobilisation.")
    assert [f.rule_name for f in r.findings] == ["weekday-date"]  # 9 March 2023 was a Thursday


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
