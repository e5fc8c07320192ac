"""Story grouping on short articles written for these tests: events told apart by place,
days and figures, one event followed over days, incremental adds and draft look-ups."""

from __future__ import annotations

import sqlite3

import pytest

from factcheck.extract.pipeline import extract_articles
from factcheck.load import load_text
from factcheck.story import (
    StoryIndex, add_article, apply_stories, article_key, create_story_tables, draft_stories, group, list_stories,
    story_id, terms_of,
)


def art(path: str, title: str, date: str, body: str, lang: str = "fr", story: str = "") -> object:
    front = f'---\ntitle: "{title}"\ndate: {date}\nlang: {lang}\n' + (f"story: {story}\n" if story else "") + "---\n\n"
    return load_text(front + body + "\n", path=path)


FIRE = [
    art("in/feu-1.md", "Incendie à l'entrepôt Maréchal de Villefranche-sur-Orne", "2024-05-14",
        "Un incendie a ravagé mardi l'entrepôt Maréchal, dans la zone artisanale de Villefranche-sur-Orne. "
        "Les pompiers de l'Orne ont mobilisé 85 sapeurs-pompiers. Le stock de palettes a brûlé sur 4 200 m2."),
    art("in/feu-2.md", "Villefranche-sur-Orne : l'entrepôt Maréchal détruit par les flammes", "2024-05-15",
        "Au lendemain de l'incendie de l'entrepôt Maréchal, à Villefranche-sur-Orne, les pompiers surveillent "
        "encore les fumées. Selon le maire, 4 200 m2 de bâtiments sont perdus et 30 salariés au chômage technique."),
    art("in/feu-3.md", "Entrepôt Maréchal : une enquête ouverte après l'incendie", "2024-05-16",
        "Le parquet d'Alençon a ouvert une enquête sur l'incendie de l'entrepôt Maréchal à Villefranche-sur-Orne. "
        "Les 30 salariés de l'entrepôt attendent des nouvelles de la direction."),
]
FLOOD = [
    art("in/crue-1.md", "Crue de la Brévenne : Saint-Aubin-des-Prés sous les eaux", "2024-05-14",
        "La Brévenne est sortie de son lit mardi à Saint-Aubin-des-Prés. La préfecture a fait évacuer "
        "120 habitants des quartiers bas, et la rivière a atteint 3,20 m à l'échelle du pont Neuf."),
    art("in/crue-2.md", "Saint-Aubin-des-Prés : la Brévenne commence à baisser", "2024-05-15",
        "Le niveau de la Brévenne baisse lentement à Saint-Aubin-des-Prés. Les 120 habitants évacués "
        "ne rentreront pas avant la fin de la semaine, selon la préfecture."),
]


def _stories(articles, claims=()) -> dict[str, str]:
    found = group(articles, claims)
    return {a.path: found[article_key(a)] for a in articles}


def test_two_events_in_two_towns_on_the_same_day_are_two_stories():
    stories = _stories([*FIRE, *FLOOD])
    assert len({stories[a.path] for a in FIRE}) == 1
    assert len({stories[a.path] for a in FLOOD}) == 1
    assert stories[FIRE[0].path] != stories[FLOOD[0].path]


def test_one_event_reported_over_three_days_is_one_story():
    assert len(set(_stories(FIRE).values())) == 1


def test_two_articles_alone_are_one_story():
    # in a run of two articles every shared term is in every row: the background rows keep
    # BM25's inverse document frequency from making them worthless
    assert len(set(_stories(FIRE[:2]).values())) == 1


def test_same_words_months_apart_are_two_stories():
    later = art("in/feu-4.md", FIRE[0].title, "2024-09-20", FIRE[0].text.strip())
    stories = _stories([FIRE[0], later])
    assert stories[FIRE[0].path] != stories[later.path]


def test_figures_help_and_are_terms_in_base_units():
    a = art("x/a.md", "Saisie", "2024-03-05", "Les douaniers ont saisi 492 kg de cocaïne.")
    b = art("x/b.md", "Saisie", "2024-03-05", "Une saisie de 492 kilos de cocaïne.")
    claims = extract_articles([a, b])
    ta = terms_of(a, [c for c in claims if c.article_key == a.key])
    tb = terms_of(b, [c for c in claims if c.article_key == b.key])
    assert ta.figures and ta.figures == tb.figures


def test_names_are_capitalised_words_never_written_in_lower_case():
    terms = terms_of(FIRE[0])
    assert {"villefranche", "orne", "marechal"} <= set(terms.names)
    assert "incendie" in terms.words and "incendie" not in terms.names  # capitalised only at the start
    assert "mardi" not in terms.words  # the calendar says nothing of the event


def test_english_title_case_headline_words_are_not_names():
    a = art("en/a.md", "Fire Destroys Warehouse In Kestlebury", "2024-05-14",
            "A fire destroyed a warehouse in Kestlebury on Tuesday; the warehouse held timber.", lang="en")
    terms = terms_of(a)
    assert "kestlebury" in terms.names and "warehouse" not in terms.names and "warehouse" in terms.words


def test_story_ids_are_readable_and_stable():
    first = _stories([*FIRE, *FLOOD])
    again = _stories([*FLOOD, *FIRE])
    assert first == again
    assert first[FIRE[0].path].startswith("incendie-a-l-entrepot-marechal-de-")
    assert story_id("Crue : la Sarthe déborde", "a.md") == story_id("Crue : la Sarthe déborde", "a.md")
    assert story_id("Crue : la Sarthe déborde", "a.md") != story_id("Crue : la Sarthe déborde", "b.md")


def test_incremental_add_joins_a_story_or_starts_one_without_regrouping():
    conn = sqlite3.connect(":memory:")
    before = {a.path: add_article(conn, a) for a in [FIRE[0], FIRE[1], FLOOD[0]]}
    assert before[FIRE[0].path] == before[FIRE[1].path] != before[FLOOD[0].path]
    assert add_article(conn, FIRE[2]) == before[FIRE[0].path]
    assert add_article(conn, FLOOD[1]) == before[FLOOD[0].path]
    stories = StoryIndex(conn).stories()
    assert {k: v for v, keys in stories.items() for k in keys if k in before} == before
    other = art("in/autre.md", "Festival de jazz à Montbrisson", "2024-05-15",
                "Le festival de jazz de Montbrisson a accueilli 4 000 spectateurs ce week-end sur la place du Marché.")
    assert add_article(conn, other) not in stories
    assert add_article(conn, other) == StoryIndex(conn).story_of(article_key(other))  # added once


def test_draft_lookup_returns_candidates_without_adding_it():
    conn = sqlite3.connect(":memory:")
    fire_story = add_article(conn, FIRE[0])
    add_article(conn, FLOOD[0])
    count = conn.execute("SELECT count(*) FROM story_of").fetchone()[0]
    draft = art("brouillon.md", "Maréchal : l'entrepôt en cendres", "2024-05-15",
                "Brouillon. L'entrepôt Maréchal de Villefranche-sur-Orne a brûlé mardi ; 85 pompiers engagés.")
    matches = draft_stories(conn, draft)
    assert matches and matches[0].story == fire_story and 0 < matches[0].score <= 1
    assert all(m.story != fire_story for m in matches[1:])
    assert conn.execute("SELECT count(*) FROM story_of").fetchone()[0] == count
    assert StoryIndex(conn).story_of(article_key(draft)) is None


def test_tables_are_created_once_and_named_for_the_store():
    conn = sqlite3.connect(":memory:")
    create_story_tables(conn)
    create_story_tables(conn)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"story_terms", "story_of", "story_df"} <= names
    assert all(n.startswith("story_") for n in names)


def test_declared_story_wins_and_others_may_join_it():
    declared = art("ailleurs/feu.md", FIRE[0].title, "2024-05-14", FIRE[0].text.strip(), story="feu-marechal")
    articles = [declared, FIRE[1], FLOOD[0]]
    apply_stories(articles, mode="auto")
    assert declared.story == "feu-marechal" and FIRE[1].story == "feu-marechal"
    assert FLOOD[0].story != "feu-marechal"


def test_folder_mode_leaves_the_loaders_story():
    a = art("x/y.md", "T", "2024-05-14", "Un texte.")
    apply_stories([a], mode="folder")
    assert a.story == "x"


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        apply_stories([], mode="magic")


def test_undated_article_is_grouped_by_content():
    undated = load_text(FIRE[1].file_text.replace("date: 2024-05-15\n", ""), path="in/feu-sans-date.md")
    assert undated.date is None
    assert len(set(_stories([FIRE[0], undated]).values())) == 1


def test_list_stories_orders_articles_by_date_and_titles_by_first_article():
    articles = [FIRE[2], FLOOD[0], FIRE[0], FIRE[1]]
    apply_stories(articles, mode="auto")
    listed = list_stories(articles)
    fire = next(s for s in listed if FIRE[0] in s.articles)
    assert [a.path for a in fire.articles] == [a.path for a in FIRE]
    assert fire.title == FIRE[0].title and fire.id == FIRE[0].story


def test_articles_built_in_memory_without_paths_are_told_apart():
    a = load_text(FIRE[0].file_text)
    b = load_text(FLOOD[0].file_text)
    assert a.path == b.path == "<string>"
    apply_stories([a, b], mode="auto")
    assert a.story != b.story
