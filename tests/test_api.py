"""The library API end to end: factcheck.api.check on small stories written here."""

from __future__ import annotations

from factcheck.api import check

TEMPLATE = """---
title: "{title}"
source: "{source}"
date: {date}
lang: fr
---

Les policiers ont interpellé {n} personnes lors de l'opération antidrogue de la semaine.
"""


def _story(tmp_path, titles):
    story = tmp_path / "story"
    story.mkdir()
    for i, (title, n) in enumerate(titles):
        (story / f"{chr(97 + i)}.md").write_text(
            TEMPLATE.format(title=title, source=f"Journal {i}", date=f"2024-03-0{i + 1}", n=n), encoding="utf-8")
    return story


def test_api_same_town_different_counts_conflict(tmp_path):
    story = _story(tmp_path, [("Opération antidrogue à Alençon", "19"), ("Alençon : coup de filet", "onze")])
    assert any(f.rule_name == "value-conflict" for f in check([story]).findings)


def test_api_titles_naming_two_towns_are_two_events(tmp_path):
    story = _story(tmp_path, [("Opération antidrogue à Alençon", "19"), ("Opération antidrogue à Marseille", "onze")])
    assert check([story]).findings == []


def test_api_article_place_comes_from_the_title(tmp_path):
    story = _story(tmp_path, [("Opération antidrogue à Marseille", "19")])
    report = check([story])
    assert report.articles[0].meta["place"] == "Marseille"


def test_api_a_capitalised_adjective_after_a_colon_is_no_place(tmp_path):
    # French titles capitalise the word after the colon; the parser may take it for a place
    story = _story(tmp_path, [("Résultats du concours 2024 : Légère baisse des admis", "19"),
                              ("Grève : Forte mobilisation à Lyon", "onze")])
    places = [a.meta["place"] for a in check([story]).articles]
    assert places == ["", "Lyon"]
