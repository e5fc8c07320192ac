"""Dense text (tables flattened into a line, runs of figures and signs): the work per figure
does not grow with the number of figures around it. Operation counts, never wall time;
the sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from claims import make_claim

from factcheck.align import align
from factcheck.align.blocking import candidate_pairs, in_table
from factcheck.align.subjects import SubjectIndex
from factcheck.extract import context, pipeline
from factcheck.extract.context import TABLE_FIGURES
from factcheck.extract.pipeline import extract_articles, extract_text
from factcheck.models import Article
from factcheck.rules import apply_rules, load_rules

features_module = sys.modules["factcheck.align.features"]


def _table(n: int) -> str:
    """One "sentence" of ``n`` figures and no word: "1 % 9 € 5 …" glued together."""
    return "".join(("1%", "9€", "5$")[i % 3] for i in range(n))


def test_dense_table_frame_is_the_figure_cell():
    sentence = "Résultats : " + ", ".join(f"Ville{i} {i + 100} voix" for i in range(200)) + "."
    figure = "150"
    offset = sentence.index(figure)
    cell, at = features_module.frame_text(sentence, offset, len(figure), "fr")
    assert cell[at:at + len(figure)] == figure and len(cell) <= 2 * features_module._CELL + len(figure)
    assert "Ville50" in cell and "149" not in cell and "151" not in cell  # between the figures around it
    prose = "Selon la préfecture, 150 policiers et 12 gendarmes ont été mobilisés mercredi à Caen."
    assert features_module.frame_text(prose, prose.index(figure), 3, "fr") == (prose, prose.index(figure))


def test_dense_features_read_as_much_text_per_figure_in_a_small_and_a_large_table(monkeypatch):
    read: list[int] = []
    original = features_module.clause_around

    def spy(sentence, offset, length):
        read.append(len(sentence))
        return original(sentence, offset, length)

    monkeypatch.setattr(features_module, "clause_around", spy)
    per_figure = []
    for n in (40, 400):
        claims = extract_text(_table(n), "fr")
        assert len(claims) >= n // 2
        read.clear()
        for c in claims:
            features_module.features(c)
        per_figure.append(sum(read) / len(read))
    assert per_figure[1] <= per_figure[0] + 1


def test_dense_lines_without_words_and_tables_are_not_parsed_and_text_is_scanned_once(monkeypatch):
    scans = {"pipeline": 0, "component": 0}
    for name, module in (("pipeline", pipeline), ("component", sys.modules["factcheck.extract.component"])):
        original = module.scan

        def counting(*args, _name=name, _original=original, **kwargs):
            scans[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, "scan", counting)
    parsed: list[str] = []
    nlp = pipeline.nlp_for("fr")
    original_pipe = nlp.pipe

    def pipe(items, *args, **kwargs):
        if not kwargs.get("as_tuples"):  # spaCy's own inner call
            return original_pipe(items, *args, **kwargs)
        items = list(items)
        parsed.extend(getattr(doc, "text", doc) for doc, _ in items)
        return original_pipe(items, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", pipe)
    table = ", ".join(f"{i + 1} kg de résine" for i in range(TABLE_FIGURES + 1)) + "\n"
    short_lines = "Saisie de 9 kg\n" * (TABLE_FIGURES + 1)  # a list: short lines, more than TABLE_FIGURES figures
    text = "Bilan : 12 interpellations.\n" + "7+\n" * 300 + "3 %\n" * 100 + table + short_lines
    claims = extract_articles([Article(path="x.txt", text=text, file_text=text, lang="fr")])
    assert len(claims) == 401 + 2 * (TABLE_FIGURES + 1) and all(text[c.start:c.end] == c.text for c in claims)
    assert parsed == ["Bilan : 12 interpellations."]  # not the lines without words, the table or the list
    assert scans == {"pipeline": 1, "component": 0}  # the whole text, once


def test_dense_cue_window_of_a_table_figure_is_its_cell(monkeypatch):
    windows: list[str] = []
    original = context.cues

    def spy(window, lang):
        windows.append(window)
        return original(window, lang)

    monkeypatch.setattr(context, "cues", spy)
    extract_text(_table(3 * TABLE_FIGURES), "fr")
    assert windows and max(len(w) for w in windows) <= 4
    windows.clear()
    prose = "Au total, 8 300 € en liquide et 2 armes de poing ont été saisis, dont 3 nouvelles."
    extract_text(prose, "fr")
    assert "Au total, 8 300 € en liquide et 2 armes" in windows[0]  # prose: sixty characters each side


def test_dense_from_to_pairs_are_looked_for_near_each_figure(monkeypatch):
    from factcheck.rules.kinds import percent_mismatch

    tried = [0]

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text):
            tried[0] += 1
            return self.pattern.search(text)

    monkeypatch.setattr(percent_mismatch, "_TO", Counting(percent_mismatch._TO))
    monkeypatch.setattr(percent_mismatch, "_UP_FROM", Counting(percent_mismatch._UP_FROM))
    counts = []
    for n in (20, 80):
        sentence = "Les prix sont passés " + ", ".join(f"de {i + 5} € à {i + 6} €" for i in range(n)) + ", soit 10 %."
        claims = extract_text(sentence, "fr")
        groups = {"EUR": [c for c in claims if c.unit == "EUR"]}
        tried[0] = 0
        percent_mismatch.PercentMismatch._from_to_pairs(sentence, groups)
        counts.append(tried[0])
    assert counts[1] <= 4.5 * counts[0]  # linear in the figures, not in their pairs


def test_dense_table_figures_are_not_paired():
    def sentence_of(n: int) -> list:
        sentence = ", ".join(f"{i + 100} kg" for i in range(n)) + "."
        return [make_claim(sentence, f"{i + 100} kg", i + 100, "kilogram", subject="cocaïne", path=f"s/{name}.md")
                for name in ("a", "b") for i in range(n)]

    prose = sentence_of(TABLE_FIGURES)
    assert not any(in_table(prose)) and candidate_pairs(prose, SubjectIndex(prose))
    table = sentence_of(TABLE_FIGURES + 1)
    assert all(in_table(table)) and candidate_pairs(table, SubjectIndex(table)) == []


def _calls(function, *args) -> int:
    """Python and C calls made by ``function(*args)``: an operation count, not a time."""
    count = [0]

    def profile(frame, event, arg):
        if event in ("call", "c_call"):
            count[0] += 1

    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count[0]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dense_check_calls_per_figure_do_not_grow_with_the_table(lang):
    rules = load_rules()

    def check(text: str) -> None:
        articles = [Article(path=f"s/{name}.txt", text=text, file_text=text, lang=lang, date=dt.date(2024, 3, 1))
                    for name in ("a", "b")]
        claims = extract_articles(articles)
        apply_rules(claims, rules, candidates=align(claims), articles=articles)

    check(_table(10))  # imports and caches
    per_figure = [_calls(check, _table(n)) / n for n in (60, 240)]
    assert per_figure[1] <= 1.25 * per_figure[0], per_figure
