"""Extraction over articles: file offsets, positions, and the time context of each claim."""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.extract.pipeline import extract_articles, sentence_spans
from factcheck.load import load_text

POST = """---
title: "Bilan de l'opération"
source: "Préfecture (compte officiel)"
date: 2023-12-14
lang: fr
---

## Résultats

> Bilan de l'opération de mercredi : 5,4 kg de résine de cannabis, 720 g d'héroïne,
> 900 g d'herbe, 150 g de crack, 8 300 € en liquide et 2 armes de poing saisis.

Depuis un an, plus de 150 actions de police ont été menées dans le quartier.
"""


def test_pipeline_public_extract_is_a_function_after_stage_imports():
    import factcheck.extract.quantities  # noqa: F401

    assert callable(factcheck.extract)


def test_pipeline_claims_point_into_the_file():
    article = load_text(POST, path="post.md")
    claims = extract_articles([article])
    assert claims, "the post has quantities"
    for claim in claims:
        assert POST[claim.start:claim.end] == claim.text
        line = POST.splitlines()[claim.line - 1]
        assert line[claim.column - 1:].startswith(claim.text)
        assert claim.path == "post.md" and claim.article == article.info()


def test_pipeline_prefecture_post_quantities_with_subjects():
    claims = extract_articles([load_text(POST, path="post.md")])
    got = {(c.value, c.unit, c.subject) for c in claims}
    assert {(5.4, "kilogram", "résine"), (720.0, "gram", "héroïne"), (900.0, "gram", "herbe"),
            (150.0, "gram", "crack"), (8300.0, "EUR", "liquide"), (2.0, "", "arme")} <= got


def test_pipeline_period_and_date_context():
    claims = extract_articles([load_text(POST, path="post.md")])
    actions = next(c for c in claims if c.value == 150 and not c.unit)
    assert (actions.qualifier, actions.period, round(actions.period_days)) == ("min", "Depuis un an", 365)
    assert actions.when is None  # its sentence names no day
    resin = next(c for c in claims if c.unit == "kilogram")
    assert resin.when == dt.date(2023, 12, 13)  # "l'opération de mercredi"
    assert resin.article.event_day == dt.date(2023, 12, 13)


def test_pipeline_english_article_without_trained_model():
    article = load_text("Officers seized 1,200lb of cocaine, worth £96m, in Kestlemouth.", path="en.txt", fmt="txt",
                        lang="en")
    claims = extract_articles([article])
    assert [(c.text, c.value, c.unit) for c in claims] == [("1,200lb", 1200.0, "pound"), ("£96m", 96e6, "GBP")]


def test_pipeline_sentence_spans_cover_the_text():
    text = "Première phrase. Deuxième phrase !\n\nTroisième « phrase ». Fin"
    spans = list(sentence_spans(text))
    assert [text[a:b] for a, b in spans] == ["Première phrase.", "Deuxième phrase !", "Troisième « phrase ».", "Fin"]


@pytest.mark.parametrize(("text", "sentences"), [
    # hard-wrapped prose: a line broken after a word, before a lowercase word or a number
    ("The final count was announced at dawn, and the turnout was\n71.2 per cent. Next one.",
     ["The final count was announced at dawn, and the turnout was\n71.2 per cent.", "Next one."]),
    ("Le bilan fait état de trois morts et\nde douze blessés.", ["Le bilan fait état de trois morts et\nde douze blessés."]),
    # a list of short lines, a title, a blank line: still breaks
    ("Bilan\n3 morts\n12 blessés", ["Bilan", "3 morts", "12 blessés"]),
    ("Un titre sans point\nLe texte commence ici.", ["Un titre sans point", "Le texte commence ici."]),
    ("Un paragraphe qui se termine sans point et\n\nun autre.", ["Un paragraphe qui se termine sans point et", "un autre."]),
])
def test_pipeline_sentence_spans_join_wrapped_lines(text, sentences):
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


def test_pipeline_two_processes_give_the_same_claims():
    articles = [load_text(POST, path=f"post-{i}.md") for i in range(3)]
    one = extract_articles(articles, n_process=1)
    two = extract_articles([load_text(POST, path=f"post-{i}.md") for i in range(3)], n_process=2)
    assert [(c.path, c.start, c.subject, c.cues) for c in one] == [(c.path, c.start, c.subject, c.cues) for c in two]


def test_pipeline_one_process_on_small_machines(monkeypatch):
    from factcheck.extract import pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    assert pipeline.default_processes(10_000) == 1
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 8)
    assert pipeline.default_processes(10_000) == 4
    assert pipeline.default_processes(10) == 1


# ---------------------------------------------------------------- long and invisible input

def _article(text: str, lang: str = "fr"):
    from factcheck.models import Article

    return Article(path="x.txt", text=text, file_text=text, lang=lang, date=dt.date(2023, 12, 13))


def test_pipeline_long_sentence_is_parsed_in_pieces_around_its_numbers():
    from factcheck.extract import pipeline

    filler = "sans point ni fin " * 3000  # one 54,000-character "sentence"
    text = "Les policiers ont saisi 720 kg de cocaïne " + filler + "puis 5 kg d'héroïne " + filler + "et 8 300 €."
    items = pipeline._work_items(text, "fr", [])
    assert len(items) == 3 and all(b - a <= pipeline.MAX_PIECE for a, b, _, _ in items)
    assert all(not cut_a and not cut_b for _, _, cut_a, cut_b in items)  # cut at blanks
    claims = extract_articles([_article(text)])
    assert [(c.text, c.value, c.unit) for c in claims] == [("720 kg", 720, "kilogram"), ("5 kg", 5, "kilogram"),
                                                           ("8 300 €", 8300, "EUR")]
    assert all(text[c.start:c.end] == c.text and len(c.sentence) <= pipeline.MAX_PIECE for c in claims)
    assert claims[0].subject == "cocaïne"


def test_pipeline_text_beyond_spacy_max_length():
    from factcheck.extract.pipeline import nlp_for

    size = nlp_for("fr").max_length + 1000
    text = "Il y a 5 kg " + "x" * size + " et 7 kg"  # no blank to cut at, far longer than spaCy takes
    claims = extract_articles([_article(text)])
    assert [(c.value, text[c.start:c.end]) for c in claims] == [(5, "5 kg"), (7, "7 kg")]


def test_pipeline_piece_cut_inside_a_word_keeps_offsets_true():
    from factcheck.extract import pipeline

    text = "5 kg " + "x" * 50_000 + "(12 kg) " + "y" * 50_000  # no blank before "12 kg" to cut at
    items = pipeline._work_items(text, "fr", [])
    assert len(items) == 2 and items[1][2]  # cut inside the x run
    claims = extract_articles([_article(text)])
    assert [(c.value, text[c.start:c.end]) for c in claims] == [(5, "5 kg"), (12, "12 kg")]


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200e", "\u200b" * 10_000])
def test_pipeline_format_characters_are_read_through(invisible):
    text = f"Les douaniers ont saisi 8{invisible}300 € et 5,{invisible}4 kg de ré{invisible}sine."
    claims = extract_articles([_article(text)])
    assert [(c.value, c.unit) for c in claims] == [(8300, "EUR"), (5.4, "kilogram")]
    for claim in claims:  # offsets into the text as it is, invisible characters included
        assert text[claim.start:claim.end].replace(invisible, "") == claim.text
        assert (claim.line, claim.column) == (1, claim.start + 1)


def test_pipeline_pieces_of_adjacent_numbers_lose_none():
    text = "x" * 3000 + " " + "(5 kg)" * 400  # one long "sentence", numbers with no blank between them
    claims = extract_articles([_article(text)])
    assert len(claims) == 400 and all(text[c.start:c.end] == "5 kg" for c in claims)


def test_pipeline_a_row_of_figures_with_a_word_is_read_without_the_parser(monkeypatch):
    """A line of many figures and one word (a numeric table's row) is read by the quantity
    grammar alone: the parser has nothing to read there, and would cost a parse a line."""
    from factcheck.extract import pipeline

    row = "12 14 17 19 23 kg 31 37 41 43 47 53\n"
    article = load_text(row * 30, path="rows.md", fmt="md", lang="fr")
    parsed = []
    original = pipeline.with_mentions
    monkeypatch.setattr(pipeline, "with_mentions", lambda doc, found: parsed.append(doc.text) or original(doc, found))
    claims = extract_articles([article])
    assert parsed == []
    assert len(claims) >= 30 and all(c.sentence for c in claims)


def test_pipeline_a_run_of_tiny_sentences_with_figures_is_read_without_the_parser(monkeypatch):
    """Thirty sentences of a word and a figure each ("lot . 7.") are a list, not prose: the
    parser would cost a document every few characters. A few short sentences in prose
    are still parsed."""
    from factcheck.extract import pipeline

    parsed = []
    original = pipeline.with_mentions
    monkeypatch.setattr(pipeline, "with_mentions", lambda doc, found: parsed.append(doc.text) or original(doc, found))
    article = load_text("Le stock. " + "lot . 7. " * 30, path="lots.md", fmt="md", lang="fr")
    claims = extract_articles([article])
    assert parsed == [] and len(claims) == 30
    prose = load_text("Bilan. Trois morts. Cinq blessés. Le feu est maîtrisé.", path="p.md", fmt="md", lang="fr")
    claims = extract_articles([prose])
    assert len(parsed) == 2 and [c.subject for c in claims] == ["mort", "blessé"]


@pytest.mark.parametrize("verb", ["a annoncé", "a fait état", "a fait savoir"])
def test_pipeline_a_day_that_dates_the_telling_does_not_date_the_fact(verb):
    text = ("---\ndate: 2024-03-15\nlang: fr\n---\n\nLe ministre " + verb + " vendredi de 312 interpellations "
            "lors des manifestations.\n")
    [claim] = extract_articles([load_text(text, path="a.md")])
    assert claim.when is None


@pytest.mark.parametrize("lang, text, places", [
    ("fr", "Un second rassemblement avait lieu à Dax. Il a réuni 3 500 personnes. Il a duré 2 heures.",
     {"3 500": "Dax", "2 heures": "Dax"}),
    ("en", "A second rally was held in Leeds. It drew 3,500 people.", {"3,500": "Leeds"}),
    # an impersonal "il" and a sentence of its own place do not go on
    ("fr", "Un rassemblement avait lieu à Dax. Il y a eu 3 blessés.", {"3": ""}),
    ("fr", "Un rassemblement avait lieu à Dax. Ils étaient 800 à Pau.", {"800": "Pau"}),
])
def test_pipeline_a_sentence_opening_on_a_pronoun_goes_on_in_the_place_before(lang, text, places):
    claims = {c.text: c for c in factcheck.extract(text, lang=lang)}
    assert {t: claims[t].place for t in places} == places
    assert all(text[c.start:c.end] == c.text for c in claims.values())
