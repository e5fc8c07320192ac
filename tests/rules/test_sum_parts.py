"""sum_mismatch says exactly what it added: every term of "(a + b + le guide)" is a part it
summed (a figure of the finding, or an item without a number that counts one), and the
terms add up to the sum it prints. A clause after the list is not one more part."""

from __future__ import annotations

import re

import pytest

from factcheck.extract.pipeline import extract_articles
from factcheck.load import load_text
from factcheck.rules import apply_rules, load_rules

FC109 = [r for r in load_rules() if r.id == "FC109"]

SENTENCES = [
    # (lang, sentence, the parts the message must show, or None when the rule stays quiet)
    ("fr", "Au total, 460 personnes ont été évacuées : 212 habitants du quartier de la Gare, 138 riverains du "
           "lieu-dit les Noues et 96 résidents de l'Ehpad des Tilleuls, transférés vers l'hôpital et une "
           "maison de retraite voisine.", "212 + 138 + 96"),
    ("fr", "La fourrière a enlevé 75 véhicules : 48 voitures, 20 motos et 5 camionnettes, stationnées devant "
           "la gare et une école.", "48 + 20 + 5"),
    ("fr", "Le refuge accueillait 38 randonneurs : 25 adultes, 11 enfants et le guide.", "25 + 11 + le guide"),
    ("fr", "Le refuge accueillait 37 randonneurs : 25 adultes, 11 enfants et le guide.", None),
    ("fr", "Le car transportait 52 personnes : 44 collégiens, cinq accompagnateurs et le chauffeur.",
     "44 + cinq + le chauffeur"),
    ("en", "The coach carried 50 people: 30 pupils, 12 parents and 6 teachers, who had booked a hotel and a "
           "restaurant.", "30 + 12 + 6"),
    ("en", "The coach carried 50 people: 30 pupils, 12 parents, 6 teachers and the driver.",
     "30 + 12 + 6 + the driver"),
    ("en", "The coach carried 49 people: 30 pupils, 12 parents, 6 teachers and the driver.", None),
]


def _findings(lang, sentence):
    article = load_text(f"---\nlang: {lang}\ndate: 2024-03-02\n---\n{sentence}\n", path="story/a.md")
    return apply_rules(extract_articles([article]), FC109, articles=[article])


def _number(text: str, lang: str) -> float:
    return float(text.replace("\u202f", "").replace(" ", "").replace(",", "." if lang == "fr" else ""))


@pytest.mark.parametrize("lang, sentence, shown", SENTENCES, ids=[s[1][:40] for s in SENTENCES])
def test_sum_message_shows_exactly_the_parts_it_added(lang, sentence, shown):
    findings = _findings(lang, sentence)
    if shown is None:
        assert findings == []
        return
    [f] = findings
    m = re.search(r"\((?P<parts>[^()]+)\) (?:font|add up to) (?P<sum>[\d\s\u202f.,]+)$", f.message)
    assert m, f.message
    assert m["parts"] == shown
    _total, *parts = f.claims  # in text order: the total, then its parts
    figures = {c.text: c.value for c in parts}
    added = 0.0
    for term in m["parts"].split(" + "):
        if term in figures:
            added += figures.pop(term)
        else:  # an item without a number, as written in the sentence
            assert term in sentence and not re.search(r"\d", term)
            added += 1
    assert not figures, f"figures summed but not shown: {figures}"
    assert added == pytest.approx(_number(m["sum"].strip(), lang))


# What a careful reader does not add up: figures set against each other, one count per
# source, an earlier total, a list the text cuts short, a clause that goes on after the
# last part. (text, whether FC109 reports it)
READINGS = [
    ("Le bilan s'élève à 41 victimes, dont 33 identifiées, pour une vingtaine de disparus.", False),
    ("Le bilan s'élève à 41 victimes, dont 33 morts et une vingtaine de blessés.", True),
    ("Ce jeudi, 90 000 personnes ont défilé en France. Dans le détail, Lyon a compté 40 000 manifestants "
     "selon les syndicats et 18 000 selon la préfecture.", False),
    ("Ce jeudi, 90 000 personnes ont défilé en France. Dans le détail, Lyon a compté 40 000 manifestants "
     "et Grenoble 18 000.", True),
    ("En 2010, la CGT avait compté 2 millions de manifestants. Dans le détail, ce jeudi, la CGT a compté "
     "40 000 manifestants à Lyon et 18 000 à Grenoble.", False),
    ("Quinze marins sont toujours recherchés : six dont le naufrage est confirmé et neuf qui n'ont plus donné "
     "signe de vie depuis lundi et le passage de la tempête.", False),
    ("Le chalutier avait 15 marins à bord : six mécaniciens, neuf matelots et le capitaine.", True),
    ("Sept victimes sont désormais recensées : trois retrouvées à Saint-Jean, deux à Bel", False),
    ("Sept victimes sont désormais recensées : trois retrouvées à Saint-Jean, deux à Belcaire.", True),
    # multipliers and ratios set against counts: nothing to add up
    ("Les organisateurs revendiquent trois à quatre fois plus de marcheurs : l'écart va de un à six à "
     "Nancy (60 000) et Metz (20 000).", False),
]


@pytest.mark.parametrize("text, reported", READINGS, ids=[r[0][:50] for r in READINGS])
def test_sum_is_read_as_a_reader_reads_it(text, reported):
    assert bool(_findings("fr", text)) == reported
