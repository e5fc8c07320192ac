"""The spaCy component: usable in anyone's pipeline, results on Doc._.claims."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import factcheck.extract.component  # noqa: F401  (registers the factory)
from factcheck.extract.component import ClaimExtractor


def test_component_sets_doc_claims(nlp_fr):
    doc = nlp_fr("Les douaniers ont saisi 5,4 kg de résine de cannabis.")
    [claim] = doc._.claims
    assert (claim.text, claim.value, claim.unit, claim.subject) == ("5,4 kg", 5.4, "kilogram", "résine")


def test_component_batches_with_pipe(nlp_fr):
    docs = list(nlp_fr.pipe(["Trois policiers sont arrivés.", "Il fait beau.", "Un budget de 12 M€."]))
    assert [len(d._.claims) for d in docs] == [1, 0, 1]


def test_component_factory_in_a_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("factcheck_claims", config={"extension": "numbers"})
    doc = nlp("Officers seized 1.2 tonnes of cocaine and arrested five men.")
    assert [(c.value, c.unit, c.subject) for c in doc._.numbers] == [(1.2, "metric_ton", "cocaine"), (5.0, "", "man")]


def test_component_does_not_replace_another_extension():
    Doc.set_extension("taken_by_someone", default="theirs", force=True)
    ClaimExtractor(extension="taken_by_someone")
    assert Doc.get_extension("taken_by_someone")[0] == "theirs"


def test_component_offsets_point_into_doc_text(nlp_fr):
    text = "Au total, 8\u202f300 € en liquide et 2 armes de poing ont été saisis."
    doc = nlp_fr(text)
    assert [text[c.start:c.end] for c in doc._.claims] == ["8\u202f300 €", "2"]


def test_component_french_without_parser_gives_values_not_subjects():
    nlp = spacy.blank("fr")
    nlp.add_pipe("factcheck_claims")
    [claim] = nlp("Les douaniers ont saisi 340 g de cocaïne.")._.claims
    assert (claim.value, claim.unit, claim.subject) == (340.0, "gram", "")


def test_a_sentence_the_parser_ended_at_a_comma_runs_on():
    # what the end of the sentence says ("the latest toll") is said of the figures at its start
    from factcheck.extract.component import claims_in_doc

    nlp = spacy.blank("fr")
    doc = nlp("Vingt morts, trois disparus, c'est le dernier bilan des crues. Les secours restent mobilisés.")
    cut = next(t.i for t in doc if t.text == "c'" or t.text.startswith("c'"))
    second = next(t.i for t in doc if t.text == "Les")
    for t in doc:
        t.is_sent_start = t.i in (0, cut, second)
    sentences = {c.text: c.sentence for c in claims_in_doc(doc, "fr")}
    assert sentences["trois"].startswith("Vingt morts") and "dernier bilan" in sentences["trois"]
    assert "secours" not in sentences["trois"]


def test_a_sentence_the_parser_began_at_a_comma_runs_on():
    # "À Lyon | , 40 000 manifestants" is one sentence: the place stays with the figure
    from factcheck.extract.component import claims_in_doc

    nlp = spacy.blank("fr")
    doc = nlp("À Lyon, 40 000 manifestants ont défilé. Le cortège était calme.")
    comma = next(t.i for t in doc if t.text == ",")
    second = next(t.i for t in doc if t.text == "Le")
    for t in doc:
        t.is_sent_start = t.i in (0, comma, second)
    [claim] = claims_in_doc(doc, "fr")
    assert claim.sentence.startswith("À Lyon") and "cortège" not in claim.sentence
