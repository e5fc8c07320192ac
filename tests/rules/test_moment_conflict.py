"""moment_conflict on whole articles (it reads their text, not the claims): what it compares."""

from __future__ import annotations

from factcheck.load import load_text
from factcheck.rules import apply_rules, load_rules

RULE = next(r for r in load_rules() if r.id == "FC113")


def _run(*passages: str, dates: tuple[str, ...] = ()):
    articles = []
    for i, text in enumerate(passages):
        head = f"---\ndate: {dates[i]}\n---\n" if dates else ""
        articles.append(load_text(head + text, path=f"story/{'abc'[i]}.md", lang="fr"))
    return apply_rules([], [RULE], articles=articles)


def test_moment_conflict_points_at_both_times():
    [f] = _run("L'explosion s'est produite vers 21 h 10 dans la zone artisanale.",
               "Une explosion a secoué la zone artisanale vers 21 h 40.")
    assert [c.text for c in f.claims] == ["21 h 10", "21 h 40"]
    assert [c.path for c in f.claims] == ["story/a.md", "story/b.md"]
    assert f.severity == "warning" and "accident ou du sinistre" in f.message


def test_moment_conflict_quiet_within_tolerance():
    assert _run("Le feu a été maîtrisé vers 6 h.", "Le feu a été maîtrisé à 6 h 15.") == []


def test_moment_conflict_quiet_when_one_article_times_the_event_twice():
    # two fires in one story: the first article times each, so "the" fire is not unique
    assert _run("Le premier feu s'est déclaré vers 15 h à Hostens. Le second feu s'est déclaré vers 17 h à Cazaux.",
                "Le feu s'est déclaré vers 15 h, selon les pompiers.") == []


def test_moment_conflict_an_article_that_dates_the_event_twice_still_has_its_time_compared():
    # one article dates "the" derailment on two days: its days are not compared, but that
    # says nothing against the clock time it gives
    [f] = _run("Le train a déraillé samedi vers 15 h. Le déraillement de dimanche a fait deux blessés.",
               "Le train d'essai a déraillé à 15 h 40, selon la préfecture.", dates=("2024-03-17", "2024-03-16"))
    assert [c.text for c in f.claims] == ["15 h", "15 h 40"]


def test_moment_conflict_times_on_other_days_are_not_compared_the_days_are():
    [f] = _run("La collision s'est produite lundi 11 mars vers 7 h.",
               "La collision s'est produite mardi 12 mars vers 9 h.", dates=("2024-03-12", "2024-03-12"))
    assert [c.text for c in f.claims] == ["lundi 11 mars", "mardi 12 mars"]


def test_moment_conflict_one_night_on_two_days():
    assert _run("Le feu s'est déclaré mardi soir dans l'entrepôt.", "Le feu s'est déclaré mercredi dans l'entrepôt.",
                dates=("2024-03-14", "2024-03-14")) == []


def test_moment_conflict_compares_events_not_times():
    # the outbreak at 1 h, the fire under control at 6 h: two events, no conflict
    assert _run("L'incendie s'est déclaré vers 1 h.", "Le feu a été maîtrisé vers 6 h.") == []


def test_moment_conflict_claims_carry_article_info_values():
    # claims travel as values: suppressions and reports read ``claim.article`` as an ArticleInfo
    from factcheck.models import ArticleInfo
    from factcheck.suppress import apply_suppressions

    [f] = _run("L'explosion s'est produite vers 21 h 10 dans la zone artisanale.",
               "Une explosion a secoué la zone artisanale vers 21 h 40.")
    assert all(isinstance(c.article, ArticleInfo) for c in f.claims)
    assert apply_suppressions([f]) == [f]


def _run_en(*passages: str):
    articles = [load_text(text, path=f"story/{'abc'[i]}.md", lang="en") for i, text in enumerate(passages)]
    return apply_rules([], [RULE], articles=articles)


def test_moment_conflict_an_accident_named_by_its_verb():
    # "crashed … at 22:55" dates the incident as "the crash happened at about 10.25pm" does;
    # the noun alone ("Sunday's accident", "the accident's toll revised on Sunday") does not
    [f] = _run_en("The crash happened at about 10.25pm when the lorry hit the footbridge.",
                  "The lorry crashed into the footbridge at 22:55, police said.")
    assert [c.text for c in f.claims] == ["10.25pm", "22:55"]
    [f] = _run("L'accident s'est produit vers 16 h 40 dans la descente.",
               "Le car a basculé dans le ravin vers 16 h 10, selon la gendarmerie.")
    assert [c.text for c in f.claims] == ["16 h 40", "16 h 10"]
    day = "---\ndate: 2024-03-18\n---\n"
    assert _run_en(day + "The lorry crashed into the footbridge on Saturday.",
                   day + "On Sunday the council revised the accident's toll to four.") == []


def test_moment_conflict_take_off_and_distress_are_events_of_their_own():
    fs = _run("L'avion-cargo avait décollé de Lyon vers 5 h 35. La tour l'a déclaré en détresse à 6 h 47.",
              "L'appareil a décollé de Lyon à 6 h 01 et a été déclaré en détresse vers 6 h 50.")
    assert [[c.text for c in f.claims] for f in fs] == [["5 h 35", "6 h 01"]]
    assert "décollage" in fs[0].message
    # take-off in one article, landing in the other: two moments, no conflict
    assert _run_en("The plane took off at 9.10am from the island.", "The plane landed at 11.40am on the mainland.") == []


def test_moment_conflict_a_timetable_is_no_moment_of_the_event():
    # the time a flight should have landed is its timetable, not the landing's
    assert _run_en("The jet should have landed at 7.27 pm, the airline said.",
                   "The jet landed at about 7.45 pm in heavy rain.") == []
    assert _run("L'avion devait atterrir à 19 h 27 selon la compagnie.",
                "L'avion a atterri vers 19 h 45 sous une pluie battante.") == []
    # two landing times still disagree
    [f] = _run_en("The jet landed at 7.10 pm in heavy rain.", "The jet landed at about 7.45 pm in heavy rain.")
    assert [c.text for c in f.claims] == ["7.10 pm", "7.45 pm"]
