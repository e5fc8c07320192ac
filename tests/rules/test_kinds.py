"""Each rule kind on hand-built claims (no spaCy): what fires, what stays quiet."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from claims import make_claim
from factcheck.models import Article, Rule
from factcheck.rules import apply_rules, load_rules

RULES = {r.id: r for r in load_rules()}


def run(rule_id, *claims, **params):
    rule = RULES[rule_id]
    if params:
        rule = dataclasses.replace(rule, params={**rule.params, **params})
    return apply_rules(list(claims), [rule])


def fr(sentence, text, value, unit="", path="story/a.md", **kw):
    return make_claim(sentence, text, value, unit, path=path, **kw)


# unit_slip / magnitude word ---------------------------------------------------------------

def test_kinds_unit_slip_fires_on_same_digits_other_unit():
    a = fr("La préfecture annonce 720g d'héroïne saisis.", "720g", 720, "gram", subject="héroïne")
    b = fr("Les policiers ont saisi 720 kg d'héroïne.", "720 kg", 720, "kilogram", subject="héroïne", offset=100)
    [f] = run("FC101", a, b)
    assert f.severity == "error" and "1\u202f000" in f.message and "héroïne" in f.message


def test_kinds_unit_slip_quiet_on_same_quantity():
    a = fr("La préfecture annonce 900g d'herbe saisis.", "900g", 900, "gram", subject="herbe")
    b = fr("Les policiers ont saisi 0,9 kg d'herbe.", "0,9 kg", 0.9, "kilogram", subject="herbe", offset=100)
    assert run("FC101", a, b) == []


def test_kinds_magnitude_word_fires_on_million_vs_milliard():
    a = fr("Une aide de 2,5 millions d'euros.", "2,5 millions d'euros", 2.5e6, "EUR", subject="aide")
    b = fr("Une aide de 2,5 milliards d'euros.", "2,5 milliards d'euros", 2.5e9, "EUR", subject="aide",
           path="story/b.md")
    [f] = run("FC102", a, b)
    assert "million" in f.message


def test_kinds_magnitude_word_needs_a_magnitude_word():
    a = fr("Il y a 1 000 agents.", "1 000", 1000, subject="agent")
    b = fr("Il y a 1 agent.", "1", 1, subject="agent", path="story/b.md")
    assert run("FC102", a, b) == []


def test_kinds_magnitude_word_one_sided_needs_the_same_subject():
    a = fr("Les douaniers ont interpellé trois hommes au port.", "trois", 3, subject="homme")
    b = fr("La saisie représente trois millions de doses au port.", "trois millions", 3e6, subject="dose",
           path="story/b.md")
    c = fr("La saisie représente trois doses au port.", "trois", 3, subject="dose", path="story/c.md")
    assert run("FC102", a, b) == []
    [f] = run("FC102", b, c)
    assert "million" in f.message


# digit_error ------------------------------------------------------------------------------

@pytest.mark.parametrize("v1, t1, v2, t2", [(4.37, "4,37 m", 4.73, "4,73 m"), (1500, "1 500 m", 150, "150 m")])
def test_kinds_digit_error_fires(v1, t1, v2, t2):
    a = fr(f"La crue a atteint {t1} au pont Neuf.", t1, v1, "meter", subject="crue")
    b = fr(f"La crue a atteint {t2} au pont Neuf.", t2, v2, "meter", subject="crue", path="story/b.md")
    [f] = run("FC103", a, b)
    assert f.rule_name == "digit-error"


def test_kinds_digit_error_quiet_on_small_unrelated_numbers():
    a = fr("Il a 12 ans.", "12", 12, subject="enfant")
    b = fr("Ils ont vendu 21 maisons.", "21", 21, subject="maison", path="story/b.md")
    assert run("FC103", a, b) == []


# value_conflict ---------------------------------------------------------------------------

def _officers(n1, t1, n2, t2, cue2="supplémentaires"):
    a = fr(f"La brigade est créée avec {t1} nouveaux policiers.", t1, n1, subject="policier")
    b = fr(f"Alençon aura {t2} policiers {cue2}.", t2, n2, subject="policier", path="story/b.md")
    return a, b


def test_kinds_value_conflict_fires_across_articles():
    [f] = run("FC104", *_officers(3, "trois", 5, "cinq"))
    assert f.severity == "error" and "trois" in f.message


def test_kinds_value_conflict_quiet_on_equal_values():
    assert run("FC104", *_officers(3, "trois", 3, "trois")) == []


def test_kinds_value_conflict_quiet_on_other_group():
    assert run("FC104", *_officers(3, "trois", 5, "cinq", cue2="autres")) == []


def test_kinds_value_conflict_quiet_within_one_article_by_default():
    a, b = _officers(3, "trois", 5, "cinq")
    b = dataclasses.replace(b, path="story/a.md", start=b.start + 200, end=b.end + 200, sentence_start=200)
    assert run("FC104", a, b) == []
    assert run("FC104", a, b, same_article=True) != []


def test_kinds_value_conflict_fair_approximation_is_quiet():
    a = fr("L'hôpital compte près de 3 000 agents.", "3 000", 3000, subject="agent", qualifier="approx")
    b = fr("L'hôpital compte 2 964 agents.", "2 964", 2964, subject="agent", path="story/b.md")
    assert run("FC104", a, b) == []


@pytest.mark.parametrize("t1, v1, t2, v2, unit, fires", [
    ("38", 38, "40", 40, "", True),            # a count with one zero is a count, not a rounding
    ("147", 147, "150", 150, "", True),
    ("8", 8, "10", 10, "", False),              # far apart: read as before, not as a near miss
    ("3 960", 3960, "4 000", 4000, "", False),  # two zeros: left to the rounding rule
    ("38 km", 38, "40 km", 40, "km", False),     # a measure with a unit may be given rounded
    ("1,63 million", 1.63e6, "1,6 million", 1.6e6, "", False),
])
def test_kinds_value_conflict_a_single_zero_is_not_a_rounding(t1, v1, t2, v2, unit, fires):
    a = fr(f"Au total, {t1} personnes ont été évacuées par les secours.", t1, v1, unit, subject="personne")
    b = fr(f"Au total, {t2} personnes ont été évacuées par les secours.", t2, v2, unit, subject="personne",
           path="story/b.md")
    assert bool(run("FC104", a, b)) is fires


# rounding ---------------------------------------------------------------------------------

def test_kinds_rounding_warns_on_unmarked_round_figure():
    a = fr("La préfecture a saisi 8 300 € en liquide.", "8 300 €", 8300, "EUR", subject="liquide")
    b = fr("Les policiers ont saisi 8000 euros en liquide.", "8000 euros", 8000, "EUR", subject="liquide",
           offset=100)
    [f] = run("FC105", a, b)
    assert f.severity == "warning"


def test_kinds_rounding_quiet_with_a_hedge():
    a = fr("La préfecture a saisi 8 300 € en liquide.", "8 300 €", 8300, "EUR", subject="liquide")
    b = fr("Les policiers ont saisi environ 8000 euros en liquide.", "8000 euros", 8000, "EUR", subject="liquide",
           offset=100, qualifier="approx")
    assert run("FC105", a, b) == []


# bound_conflict ---------------------------------------------------------------------------

def test_kinds_bound_conflict_fires_on_exclusive_bounds():
    a = fr("Mercredi, plus de 350 pompiers étaient engagés.", "350", 350, subject="pompier", qualifier="min",
           predicate="engager")
    b = fr("Mercredi, moins de 300 sapeurs-pompiers étaient engagés.", "300", 300, subject="sapeur-pompier",
           qualifier="max", predicate="engager", path="story/b.md")
    [f] = run("FC106", a, b)
    assert f.rule_id == "FC106"


def test_kinds_bound_conflict_quiet_when_compatible():
    a = fr("Plus de 80 policiers étaient engagés.", "80", 80, subject="policier", qualifier="min", predicate="engager")
    b = fr("Près de 90 policiers étaient engagés.", "90", 90, subject="policier", qualifier="approx",
           predicate="engager", path="story/b.md")
    assert run("FC106", a, b) == []


# period_conflict --------------------------------------------------------------------------

def test_kinds_period_conflict_warns_with_a_bound():
    a = fr("Depuis un an, plus de 150 actions ont été menées.", "150", 150, subject="action", qualifier="min",
           period="Depuis un an", period_days=365)
    b = fr("Cent cinquante actions ont été menées depuis deux ans.", "Cent cinquante", 150, subject="action",
           period="depuis deux ans", period_days=730, path="story/b.md")
    [f] = run("FC107", a, b)
    assert f.severity == "warning"


def test_kinds_period_conflict_error_when_both_exact():
    a = fr("Un plan de 120 millions de dollars sur cinq ans.", "120 millions de dollars", 1.2e8, "USD",
           subject="plan", period_days=1826)
    b = fr("Un plan de 120 millions de dollars sur trois ans.", "120 millions de dollars", 1.2e8, "USD",
           subject="plan", period_days=1096, path="story/b.md")
    [f] = run("FC107", a, b)
    assert f.severity == "error"


def test_kinds_period_conflict_quiet_on_same_period():
    a = fr("Depuis un an, 150 actions.", "150", 150, subject="action", period_days=365)
    b = fr("150 actions depuis un an.", "150", 150, subject="action", period_days=365, path="story/b.md")
    assert run("FC107", a, b) == []


# sum_mismatch ------------------------------------------------------------------------------

def _enumeration(total, parts_text, parts):
    s = f"Le bus transportait {total} personnes : {parts_text}."
    claims = [fr(s, str(total), total, subject="personne")]
    pos = s.index(":")
    for i, (text, value) in enumerate(parts):
        claims.append(make_claim(s[pos:], text, value, path="story/a.md", offset=pos, subject=("élève", "parent", "adulte")[i]))
        claims[-1] = dataclasses.replace(claims[-1], sentence=s, sentence_start=0)
    return claims


def test_kinds_sum_mismatch_counts_singular_items():
    claims = _enumeration(40, "30 élèves, huit parents et le chauffeur", [("30", 30), ("huit", 8)])
    [f] = run("FC109", *claims)
    assert "39" in f.message
    assert run("FC109", *_enumeration(39, "30 élèves, huit parents et le chauffeur", [("30", 30), ("huit", 8)])) == []


@pytest.mark.parametrize("total, parts, fires", [
    (2600, [("1 400", 1400), ("900", 900), ("300", 300)], False),   # 2 600 for 2 600
    (2600, [("1 400", 1400), ("800", 800), ("150", 150)], True),    # 2 350: 250 apart, three hundreds rounded
    (6000, [("2 300", 2300), ("2 400", 2400), ("1 200", 1200)], False),  # 5 900: each part rounded to the hundred
    (6000, [("2 300", 2300), ("2 400", 2400), ("900", 900)], True),      # 5 600: beyond any rounding
])
def test_kinds_sum_mismatch_rounded_counts_add_up_to_their_precision(total, parts, fires):
    text = ", ".join(f"{t} {w}" for (t, _), w in zip(parts, ("élèves", "parents", "adultes")))
    claims = _enumeration(total, text, parts)
    assert bool(run("FC109", *claims)) is fires


def test_kinds_sum_mismatch_long_lists_are_tables_not_sums():
    # 14 parts: more than max_parts (12) is a table flattened into a sentence, not checked
    s = "Le bus transportait 200 personnes : " + ", ".join(f"{n} élèves" for n in range(1, 15)) + "."
    claims = [fr(s, "200", 200, subject="personne")]
    for n in range(1, 15):
        c = make_claim(s, f"{n} élèves", n, subject="élève")
        claims.append(dataclasses.replace(c, text=str(n), end=c.start + len(str(n))))
    assert run("FC109", *claims) == []
    [f] = run("FC109", *claims, max_parts=20)  # 1 + 2 + … + 14 = 105, not 200
    assert "105" in f.message


def test_kinds_sum_mismatch_subset_after_dont_may_be_smaller():
    s = "Le bilan fait état de onze blessés, dont quatre graves."
    a = fr(s, "onze", 11, subject="blessé")
    b = fr(s, "quatre", 4, subject="blessé")
    assert run("FC109", a, b) == []


def test_kinds_sum_mismatch_a_figure_for_each_listed_item_is_not_a_part():
    s = "Le pays rejoint deux voisins : la Suède (14 200 cas) et la Norvège (9 800 cas)."
    claims = [fr(s, "deux", 2, subject="voisin"), fr(s, "14 200", 14200, subject="cas"), fr(s, "9 800", 9800, subject="cas")]
    assert run("FC109", *claims) == []


@pytest.mark.parametrize("opener, parts, fires", [
    ("Dans le détail, ", (50, 30), True),   # a breakdown: 80 is not 87
    ("Parmi eux, ", (50, 30), False),       # some of them: others may be elsewhere
    ("Parmi eux, ", (60, 30), True),        # 90 of 87 cannot be among them
])
def test_kinds_sum_mismatch_a_next_sentence_picking_some_may_add_up_to_less(opener, parts, fires):
    first = "Au total, 87 blessés ont été hospitalisés."
    second = f"{opener}{parts[0]} blessés en réanimation et {parts[1]} blessés en chirurgie."
    off = len(first) + 1
    claims = [fr(first, "87", 87, subject="blessé"),
              fr(second, str(parts[0]), parts[0], subject="blessé", offset=off),
              fr(second, str(parts[1]), parts[1], subject="blessé", offset=off)]
    assert bool(run("FC109", *claims)) is fires


def test_kinds_sum_mismatch_a_figure_left_unread_among_the_parts_stops_the_sum():
    s = "Les 120 sièges se répartissent ainsi : 50 sièges au nord, l'est 30, 25 sièges au sud."
    claims = [fr(s, "120", 120, subject="siège"), fr(s, "50", 50, subject="siège"), fr(s, "25", 25, subject="siège")]
    assert run("FC109", *claims) == []  # 30 was not read as a count: 50 + 25 says nothing of 120
    claims.insert(2, fr(s, "30", 30, subject="siège"))
    [f] = run("FC109", *claims)
    assert "105" in f.message


def test_kinds_sum_mismatch_parts_from_another_source_are_not_parts():
    s = "On comptait 52 000 manifestants selon la préfecture : 30 000 selon la CGT et 40 000 selon la CFDT."
    claims = [fr(s, "52 000", 52000, subject="manifestant"), fr(s, "30 000", 30000, subject="manifestant"),
              fr(s, "40 000", 40000, subject="manifestant")]
    assert run("FC109", *claims) == []


# percent_mismatch -------------------------------------------------------------------------

def _percent(sentence, items, lang="fr"):
    return [make_claim(sentence, t, v, u, lang=lang) for t, v, u in items]


def test_kinds_percent_mismatch_change():
    s = "Le déficit passe de 8 M€ à 12 M€, soit une hausse de 40 %."
    claims = _percent(s, [("8 M€", 8e6, "EUR"), ("12 M€", 12e6, "EUR"), ("40 %", 40, "percent")])
    [f] = run("FC110", *claims)
    assert "50" in f.message


def test_kinds_percent_mismatch_change_correct_is_quiet():
    s = "The budget is up 3% from the $1.79 billion adopted last year to $1.84 billion."
    claims = _percent(s, [("3%", 3, "percent"), ("$1.79 billion", 1.79e9, "USD"), ("$1.84 billion", 1.84e9, "USD")],
                      lang="en")
    assert run("FC110", *claims) == []


def test_kinds_percent_mismatch_share():
    s = "Le feu a parcouru 1 200 hectares, soit 40 % du massif, qui couvre 4 000 ha."
    claims = _percent(s, [("1 200 hectares", 1200, "hectare"), ("40 %", 40, "percent"), ("4 000 ha", 4000, "hectare")])
    [f] = run("FC110", *claims)
    assert "30" in f.message


def test_kinds_percent_mismatch_one_figure_rounded_then_exact_is_no_share():
    s = "La liste l'emporte avec deux millions de voix (très exactement 2 031 870 voix), soit 41 % des suffrages."
    claims = _percent(s, [("deux millions", 2e6, ""), ("2 031 870", 2031870, ""), ("41 %", 41, "percent")])
    assert run("FC110", *claims) == []


# weekday_date -----------------------------------------------------------------------------

def _article(text, date=dt.date(2024, 1, 20)):
    return Article(path="story/a.md", text=text, file_text=text, date=date, lang="fr")


def test_kinds_weekday_date_fires_on_wrong_weekday():
    art = _article("La crue a commencé lundi 16 janvier 2024.")
    findings = apply_rules([], [RULES["FC108"]], articles=[art])
    assert len(findings) == 1
    c = findings[0].claims[0]
    assert art.file_text[c.start:c.end].startswith("lundi 16 janvier") and "mardi" in findings[0].message


def test_kinds_weekday_date_quiet_on_right_weekday():
    assert apply_rules([], [RULES["FC108"]], articles=[_article("La crue a commencé mardi 16 janvier 2024.")]) == []


# engine -----------------------------------------------------------------------------------

def test_kinds_engine_one_finding_per_pair_and_stable_order():
    a = fr("La préfecture annonce 720g d'héroïne saisis.", "720g", 720, "gram", subject="héroïne")
    b = fr("Les policiers ont saisi 720 kg d'héroïne.", "720 kg", 720, "kilogram", subject="héroïne", offset=100)
    rules = list(RULES.values())
    first = apply_rules([a, b], rules)
    assert [f.rule_id for f in first] == ["FC101"]
    assert [f.rule_id for f in apply_rules([b, a], rules)] == ["FC101"]


def test_kinds_engine_disabled_rule_is_skipped():
    a = fr("La préfecture annonce 720g d'héroïne saisis.", "720g", 720, "gram", subject="héroïne")
    b = fr("Les policiers ont saisi 720 kg d'héroïne.", "720 kg", 720, "kilogram", subject="héroïne", offset=100)
    off = dataclasses.replace(RULES["FC101"], enabled=False)
    assert apply_rules([a, b], [off]) == []


def test_kinds_rounding_a_figure_with_a_magnitude_word_reads_as_rounded():
    a = fr("Le référendum a recueilli 2 432 305 voix pour le oui.", "2 432 305", 2432305, subject="voix")
    b = fr("Le oui a recueilli 2,4 millions de voix.", "2,4 millions", 2.4e6, subject="voix", path="story/b.md")
    c = fr("Le oui a recueilli 2 400 000 voix.", "2 400 000", 2.4e6, subject="voix", path="story/c.md")
    assert run("FC105", a, b) == []
    [f] = run("FC105", a, c)
    assert f.rule_id == "FC105"


# A weekday is checked only when the date it goes with can be placed in its year: the
# date's own year, or the publication date's (to the day or the month). Each case the rule
# leaves alone is one the article's date note announces.

_PRECISIONS = {  # front matter date → (date, precision)
    "2024-01-05": (dt.date(2024, 1, 5), "day"),
    "2024-01": (dt.date(2024, 1, 15), "month"),
    "2024": (dt.date(2024, 7, 1), "year"),
    "none": (None, "day"),
}
_WEEKDAY_CASES = [
    # (lang, sentence, {precision: fires?})
    # 28 December 2023 was a Thursday; 28 December 2024 is a Saturday
    ("fr", "Le conseil s'était réuni le jeudi 28 décembre.",
     {"2024-01-05": False, "2024-01": False, "2024": False, "none": False}),
    ("fr", "Le conseil s'était réuni le lundi 28 décembre 2023.",
     {"2024-01-05": True, "2024-01": True, "2024": True, "none": True}),
    ("fr", "Le conseil se réunit le lundi 3 janvier.",  # 3 January 2024 was a Wednesday
     {"2024-01-05": True, "2024-01": True, "2024": False, "none": False}),
    ("en", "The council met on Thursday, December 28.",
     {"2024-01-05": False, "2024-01": False, "2024": False, "none": False}),
    ("en", "The council met on Monday, December 28, 2023.",
     {"2024-01-05": True, "2024-01": True, "2024": True, "none": True}),
    ("en", "The council meets on Monday, January 3.",
     {"2024-01-05": True, "2024-01": True, "2024": False, "none": False}),
]


@pytest.mark.parametrize("given", list(_PRECISIONS))
@pytest.mark.parametrize("lang, sentence, fires", _WEEKDAY_CASES)
def test_kinds_weekday_date_needs_the_year_of_the_date(given, lang, sentence, fires):
    date, precision = _PRECISIONS[given]
    art = Article(path="story/a.md", text=sentence, file_text=sentence, date=date, date_precision=precision,
                  lang=lang)
    findings = apply_rules([], [RULES["FC108"]], articles=[art])
    assert bool(findings) == fires[given], [f.message for f in findings]
    if given in ("2024", "none"):
        assert art.date_note() and "give their year" in art.date_note()
    else:
        assert (art.date_note() is None) == (given == "2024-01-05")


def test_kinds_rounding_a_figure_cut_instead_of_rounded():
    a = fr("L'usine a stocké 7 482 tonnes de produits.", "7 482 tonnes", 7482, "tonne", subject="produit")
    b = fr("L'usine a stocké 7 400 tonnes de produits.", "7 400 tonnes", 7400, "tonne", subject="produit",
           path="story/b.md")
    [f] = run("FC105", a, b)
    assert f.rule_id == "FC105"
    assert run("FC105", a, b, truncation=False) == []


@pytest.mark.parametrize("sentence, lang, fires", [
    ("The reservoir is 40 miles (64 km) long.", "en", False),
    ("The reservoir is 40 miles (80 km) long.", "en", True),
    ("The town lies 100km (65 miles) from the coast.", "en", False),   # 65 miles is 105 km, rounded
    ("Le camion transportait 12 tonnes, soit 12 000 kg.", "fr", False),
    ("Le camion transportait 12 tonnes, soit 1 200 kg.", "fr", True),
    ("It was 40 °C (104 °F) in the shade.", "en", False),   # offsets: compared in the second unit
    ("It was 40 °C (124 °F) in the shade.", "en", True),
])
def test_kinds_conversion_mismatch(sentence, lang, fires):
    from factcheck.extract.pipeline import extract_articles

    art = Article(path="story/a.md", text=sentence, file_text=sentence, lang=lang)
    claims = extract_articles([art])
    assert bool(apply_rules(claims, [RULES["FC112"]], articles=[art])) is fires


def test_kinds_rounding_a_close_figure_cut_instead_of_rounded():
    a = fr("L'Espagne compte 115 900 morts.", "115 900", 115900, subject="mort")
    b = fr("L'Espagne (115 000 morts) suit.", "115 000", 115000, subject="mort", path="story/b.md")
    c = fr("L'Espagne compte 115 400 morts.", "115 400", 115400, subject="mort", path="story/c.md")
    assert [f.rule_id for f in run("FC105", a, b)] == ["FC105"]   # 0,8 % apart, cut instead of rounded
    assert run("FC105", b, c) == []                               # 0,3 % apart, rounded


def test_kinds_hedge_conflict_leaves_rough_nouns_alone():
    a = fr("Près d'une cinquantaine de personnes ont été blessées.", "une cinquantaine", 50, subject="blessé",
           qualifier="approx")
    b = fr("Plus de 50 personnes ont été blessées.", "50", 50, subject="blessé", qualifier="min", path="story/b.md")
    c = fr("Près de 50 personnes ont été blessées.", "50", 50, subject="blessé", qualifier="approx",
           path="story/c.md")
    assert run("FC111", a, b) == []
    assert [f.rule_id for f in run("FC111", b, c)] == ["FC111"]


def test_kinds_hedge_conflict_an_inclusive_floor_holds_with_nearly():
    """"At least 40" includes 40, which "nearly 40" also allows; "more than 40" does not."""
    near = fr("Près de 40 personnes ont été évacuées.", "40", 40, subject="évacué", qualifier="approx")
    floor = fr("Au moins 40 personnes ont été évacuées.", "40", 40, subject="évacué", qualifier="min",
               path="story/b.md")
    past = fr("Plus de 40 personnes ont été évacuées.", "40", 40, subject="évacué", qualifier="min",
              path="story/c.md")
    assert run("FC111", near, floor) == []
    assert [f.rule_id for f in run("FC111", near, past)] == ["FC111"]


def test_kinds_sum_mismatch_an_item_going_on_after_a_preposition_does_not_end_the_list():
    s = "Les quatre bus ont été touchés : deux sont renversés sur la route, un est bloqué sur la route et sur le pont et un est resté intact."
    claims = [fr(s, "quatre", 4, subject="bus"), fr(s, "deux", 2, subject="bus", occurrence=0)]
    assert run("FC109", *claims) == []


@pytest.mark.parametrize("exact, figure, fires", [
    ("1,382", "1,4", False),   # fewer decimals, rounded half up, two digits kept: how writers write
    ("1,46", "1,5", False),
    ("1,382", "1,3", True),    # cut, not rounded
    ("1 382", "1 400", True),  # a whole number written with zeros reads as an exact weight
    ("8 300", "8 000", True),
])
def test_kinds_rounding_to_fewer_decimals_is_ordinary(exact, figure, fires):
    def num(s):
        return float(s.replace(" ", "").replace(",", "."))
    a = fr(f"Les douaniers ont saisi {exact} t de cocaïne.", f"{exact} t", num(exact), "t", subject="cocaïne")
    b = fr(f"Les douaniers ont saisi {figure} t de cocaïne.", f"{figure} t", num(figure), "t", subject="cocaïne",
           path="story/b.md")
    assert bool(run("FC105", a, b)) is fires


@pytest.mark.parametrize("figure, surface, fires", [
    (2.2, "2,2 tonnes", True),    # 2,25 cut to the tenth, 2 % apart
    (2.3, "2,3 tonnes", False),   # 2,25 rounded up to the tenth, as writers round
    (2.25, "2,25 tonnes", False),  # the same figure
    (2.1, "2,1 tonnes", False),   # not 2,25 at any precision: another figure (value_conflict's)
    (2.0, "2 tonnes", False),     # a whole number is round only with zeros: 11 % apart anyway
])
def test_kinds_rounding_a_decimal_figure_with_fewer_decimals(figure, surface, fires):
    a = fr("Les douaniers ont saisi 2,25 tonnes de cocaïne.", "2,25 tonnes", 2.25, "tonne", subject="cocaïne")
    b = fr(f"Les douaniers ont saisi {surface} de cocaïne.", surface, figure, "tonne", subject="cocaïne",
           path="story/b.md")
    assert bool(run("FC105", a, b)) is fires
