"""Same-fact scoring: what makes two claims the same fact, and what makes them different."""

from __future__ import annotations

from claims import make_claim

from factcheck.align import align


def _pair(s1, t1, v1, s2, t2, v2, **kw):
    a = make_claim(s1, t1, v1, path="story/a.md", **kw)
    b = make_claim(s2, t2, v2, path="story/b.md", **kw)
    cands = align([a, b])
    assert len(cands) == 1
    return cands[0]


def test_same_fact_same_subject_scores_high():
    c = _pair("Trois nouveaux policiers arrivent.", "Trois", 3, "Cinq policiers supplémentaires arrivent.", "Cinq", 5,
              subject="policier")
    assert c.score >= 0.9
    assert "cue" in c.support
    assert not c.different and not c.update


def test_same_fact_different_sources_are_different_facts():
    c = _pair("Ils étaient 3 000 selon la police.", "3 000", 3000, "Ils étaient 9 000 selon les syndicats.", "9 000",
              9000, subject="manifestant")
    assert c.different.startswith("attribution")


def test_same_fact_nearest_source_wins_in_a_sentence():
    s = "Le cortège a réuni 3 000 manifestants selon la police, 9 000 selon les syndicats."
    a = make_claim(s, "3 000", 3000, subject="manifestant", path="story/a.md")
    b = make_claim("Les syndicats revendiquent 9 000 manifestants.", "9 000", 9000, subject="manifestant",
                   path="story/b.md")
    c = make_claim(s, "9 000", 9000, subject="manifestant", path="story/a.md")
    cands = {(x.a.text, x.b.text, x.a.path, x.b.path): x for x in align([a, b, c])}
    assert cands[("3 000", "9 000", "story/a.md", "story/b.md")].different


def test_same_fact_explicit_update_is_not_a_contradiction():
    c = _pair("Le bilan fait état de quatre blessés.", "quatre", 4,
              "Le bilan s'est alourdi, portant à six le nombre de blessés.", "six", 6, subject="blessé")
    assert c.update


def test_same_fact_other_group():
    c = _pair("Trois nouveaux policiers arrivent.", "Trois", 3, "Cinq autres policiers arrivent.", "Cinq", 5,
              subject="policier")
    assert c.different


def test_same_fact_rate_vs_count():
    c = _pair("On déploie tous les jours 200 policiers.", "200", 200, "Plus de 80 policiers étaient là.", "80", 80,
              subject="policier")
    assert c.different == "rate vs count"


def test_same_fact_increment_vs_total():
    c = _pair("La brigade aura cinq policiers supplémentaires.", "cinq", 5, "Plus de 80 policiers au total.", "80", 80,
              subject="policier")
    assert c.different


def test_same_fact_tolerates_empty_context():
    from factcheck.models import Claim

    a = Claim(start=0, end=1, text="5", value=5.0, path="x/a.md")
    b = Claim(start=0, end=1, text="5", value=5.0, path="x/b.md")
    assert all(0.0 <= c.score <= 1.0 for c in align([a, b]))


def test_same_fact_a_part_that_names_the_group_the_other_counts():
    # "dont quatre gendarmes" (of the injured) and "trois gendarmes ont été blessés": one group
    c = _pair("L'explosion a fait une vingtaine de blessés, dont quatre gendarmes.", "quatre", 4,
              "Trois gendarmes ont été blessés pendant l'intervention.", "Trois", 3, subject="gendarme")
    assert not c.different and "outcome" in c.support


def test_same_fact_a_part_of_another_outcome_stays_apart():
    c = _pair("L'explosion a fait une vingtaine de blessés, dont quatre gendarmes.", "quatre", 4,
              "Trois gendarmes ont été appelés en renfort.", "Trois", 3, subject="gendarme")
    assert c.different.startswith("a part")


def test_same_fact_a_part_without_its_own_noun_stays_apart():
    # "dont 9 000 à Lille" carries the whole's noun over: a part by place, not a named group
    a = make_claim("Le cortège a réuni 40 000 manifestants, dont 9 000 à Lille.", "9 000", 9000,
                   subject="manifestant", path="story/a.md")
    b = make_claim("Les manifestants étaient 12 000 à défiler.", "12 000", 12000, subject="manifestant",
                   path="story/b.md")
    [c] = [x for x in align([a, b]) if {x.a.text, x.b.text} == {"9 000", "12 000"}]
    assert c.different


def test_same_fact_two_durations_of_one_event():
    # no noun is counted: the verb says what took six or five hours
    c = _pair("Il est tombé en six heures l'équivalent de deux mois de pluie.", "six heures", 6,
              "En cinq heures, il est tombé l'équivalent de deux mois de pluie.", "cinq heures", 5,
              unit="hour", predicate="tomber")
    assert c.subject == "event" and c.score >= 0.75 and not c.different and not c.update


def test_same_fact_durations_of_other_events_are_not_paired():
    a = make_claim("La grêle est tombée pendant deux heures.", "deux heures", 2, "hour", predicate="tomber",
                   path="story/a.md")
    b = make_claim("Les secours ont cherché pendant trois heures.", "trois heures", 3, "hour",
                   predicate="chercher", path="story/b.md")
    assert align([a, b]) == []


def test_same_fact_windows_of_different_amounts_are_two_snapshots():
    s1 = "En cinq semaines d'épidémie, 900 000 personnes ont consulté un médecin."
    s2 = "En sept semaines d'épidémie, 1 400 000 personnes ont consulté un médecin."
    claims = [make_claim(s1, "cinq semaines", 5, "week", subject="épidémie", path="story/a.md"),
              make_claim(s1, "900 000", 900000, subject="personne", path="story/a.md"),
              make_claim(s2, "sept semaines", 7, "week", subject="épidémie", path="story/b.md"),
              make_claim(s2, "1 400 000", 1400000, subject="personne", path="story/b.md")]
    [c] = [x for x in align(claims) if x.a.unit == x.b.unit == "week"]
    assert c.update.startswith("two windows")


def _story_pairs(*passages: str, date: str = "2024-03-05"):
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_text

    articles = [load_text(f"---\ndate: {date}\n---\n{p}", path=f"story/{'abcd'[i]}.md", lang="fr")
                for i, p in enumerate(passages)]
    claims = extract_articles(articles)
    return {(c.a.text, c.b.text): c for c in align(claims, articles)}


def test_same_fact_each_article_s_only_toll_of_the_day_is_the_same_fact():
    pairs = _story_pairs("Un incendie a ravagé un entrepôt du port. Les flammes ont fait 32 blessés.",
                         "Le feu de l'entrepôt : il y a 37 blessés, annoncent les secours du département.")
    assert "sole" in pairs[("32", "37")].support


def test_same_fact_parts_and_earlier_tolls_leave_a_toll_sole_a_second_toll_does_not():
    pairs = _story_pairs("Un incendie a ravagé un entrepôt du port. Les flammes ont fait 32 blessés, dont 5 pompiers.",
                         "Le feu de l'entrepôt : il y a 37 blessés, annoncent les secours. La veille, 20 blessés.")
    assert "sole" in pairs[("32", "37")].support
    pairs = _story_pairs("Un incendie a ravagé un entrepôt du port. Les flammes ont fait 32 blessés.",
                         "Le feu de l'entrepôt : il y a 37 blessés. Dans le quartier voisin, 12 blessés.")
    assert "sole" not in pairs[("32", "37")].support
    pairs = _story_pairs("Un incendie a ravagé un entrepôt du port. Les flammes ont fait 32 blessés.",
                         "Le feu de l'entrepôt a fait 37 blessés.", "Le bilan est passé de 32 à 37 blessés.")
    assert "sole" not in pairs[("32", "37")].support


def test_same_fact_only_figures_of_resources_are_not_sole():
    # firefighters engaged grow through the day: not an outcome of the event
    pairs = _story_pairs("Un incendie a ravagé un entrepôt du port. 320 pompiers sont sur place.",
                         "Le feu de l'entrepôt : 450 pompiers luttent contre les flammes.")
    assert all("sole" not in c.support for c in pairs.values())
