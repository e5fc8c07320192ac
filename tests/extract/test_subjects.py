"""What a quantity counts or measures, in French (parse) and English (word rules)."""

from __future__ import annotations

import pytest

from factcheck.extract.subjects import singular_en, subject_en

FRENCH = [
    ("Les enquêteurs ont trouvé 720 g d'héroïne dans une cave.", "720 g", "héroïne"),
    ("Trois nouveaux policiers rejoignent la brigade.", "Trois", "policier"),
    ("Cinq policiers supplémentaires sont annoncés.", "Cinq", "policier"),
    ("Les pompiers ont engagé 32 sapeurs-pompiers sur le feu.", "32", "sapeur-pompier"),
    ("Le conseil a voté un budget de 412 M€ pour l'hôpital.", "412 M€", "budget"),
    ("La moitié des 62 % des conducteurs a fait grève.", "62 %", "conducteur"),
    ("Une centaine de sinistrés ont dormi au gymnase.", "Une centaine", "sinistré"),
    # a multiplier counts nothing: what it multiplies is counted, in a range's bounds too
    ("Les cortèges ont réuni entre 1,1 et 2,6 millions de marcheurs.", "1,1 et 2,6 millions", "marcheur"),
    ("L'écart allait de 1,4 à plus de 3 millions de visiteurs.", "1,4", "visiteur"),
    ("Le chauffeur, âgé de 58 ans, a été entendu.", "58 ans", "chauffeur"),
    ("Le bilan fait état de onze blessés, dont quatre grièvement.", "quatre", "blessé"),
    ("Le chômage recule à 7,1 % au troisième trimestre.", "7,1 %", "chômage"),
    # a container noun ("le nombre de", "le total des") holds what the figure counts
    ("Le nombre de victimes s'élève désormais à 9, selon la gendarmerie.", "9", "victime"),
    ("Le nombre d'adhérents est de 1 240.", "1 240", "adhérent"),
    ("Le nombre de sinistrés a atteint 310 familles.", "310", "famille"),
    ("Le nombre de rescapés est passé à 17 personnes.", "17", "rescapé"),
    ("La tempête a fait de nouveaux dégâts, portant à 28 le nombre de blessés.", "28", "blessé"),
]


@pytest.mark.parametrize(("sentence", "surface", "subject"), FRENCH)
def test_subjects_french_head_lemma(nlp_fr, sentence, surface, subject):
    claims = {c.text: c for c in nlp_fr(sentence)._.claims}
    assert claims[surface].subject == subject


def test_subjects_french_compound_keeps_the_complement(nlp_fr):
    [claim] = nlp_fr("Les policiers ont saisi 5,4 kg de résine de cannabis.")._.claims
    assert (claim.subject, claim.subject_full) == ("résine", "résine de cannabis")


ENGLISH = [
    ("Border officers seized 1.2 tonnes of cocaine.", "1.2 tonnes", "cocaine"),
    ("Five men were arrested on Friday.", "Five", "man"),
    ("The council approved a $1.84 billion operating budget.", "$1.84 billion", "budget"),
    ("The 52-year-old driver was unhurt.", "52-year-old", "driver"),
    ("Unemployment fell to 3.9% in April.", "3.9%", "unemployment"),
    # a linking verb ties the figure to its noun, whatever opens the sentence
    ("After a long night of counting, turnout was 71.2 percent, officials said.", "71.2 percent", "turnout"),
    ("By June, inflation stood at 4.1%, a two-year high.", "4.1%", "inflation"),
    ("Late on Sunday, the death toll rose to 14, police said.", "14", "toll"),
    ("As polls closed, turnout in the regional election was 61 percent.", "61 percent", "turnout"),
    # a container noun ("the number of", "the tally of") holds what the figure counts
    ("The number of evacuees has now risen to 2,300.", "2,300", "evacuee"),
    ("By noon the number of stranded stood at 85 people.", "85", "stranded"),
    ("The tally of arrests reached 61, officials said.", "61", "arrest"),
    ("The number of people rescued climbed to 19.", "19", "rescued"),
    ("The crowd was 300 people.", "300", "person"),
    # a count's plural head, after the singular noun that modifies it
    ("Three signal boxes were flooded overnight.", "Three", "box"),
    ("Two rescue helicopters joined the search.", "Two", "helicopter"),
    ("Six ferry passengers were treated at the scene.", "Six", "passenger"),
    ("Nine people and two dogs were rescued.", "Nine", "person"),
]


@pytest.mark.parametrize(("sentence", "surface", "subject"), ENGLISH)
def test_subjects_english_word_rules(nlp_en, sentence, surface, subject):
    claims = {c.text: c for c in nlp_en(sentence)._.claims}
    assert claims[surface].subject == subject


@pytest.mark.parametrize(("word", "singular"), [("men", "man"), ("holdalls", "holdall"), ("glass", "glass"),
                                                ("households", "household")])
def test_subjects_english_singular(word, singular):
    assert singular_en(word) == singular


def test_subjects_english_without_noun_is_empty():
    assert subject_en("It rose by 4.", 11, 12, "") == ("", "")
