"""Paths: folders read recursively and sorted, paths kept as given, story = folder path."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.load import folder_story, load_file, load_paths

from .conftest import FIXTURES


@pytest.fixture
def tree(tmp_path, monkeypatch, write):
    """A small corpus in tmp_path (the working directory)."""
    monkeypatch.chdir(tmp_path)
    write("corpus/crue/b.md", "Le deuxième article.")
    write("corpus/crue/a.txt", "Le premier article.")
    write("corpus/crue/C.HTML", "<p>Le troisième article en page web, avec assez de texte pour trafilatura.</p>")
    write("corpus/crue/notes.pdf", "pas un article")
    write("corpus/crue/.brouillon.md", "Caché.")
    write("corpus/crue/.git/x.md", "Caché.")
    write("corpus/budget/depeches.jsonl", '{"text": "Une dépêche."}\n{"text": "Une autre dépêche."}\n')
    write("corpus/budget/2024/suite.markdown", "La suite.")
    write("corpus/index.htm", "<p>Le sommaire du dossier, une page comme une autre.</p>")
    return tmp_path


def paths(articles) -> list[str]:
    return [a.path for a in articles]


def test_paths_folder_recursive_sorted_hidden_skipped(tree):
    assert paths(load_paths(["corpus"], lang="fr")) == [
        "corpus/budget/2024/suite.markdown",
        "corpus/budget/depeches.jsonl",
        "corpus/budget/depeches.jsonl",
        "corpus/crue/C.HTML",
        "corpus/crue/a.txt",
        "corpus/crue/b.md",
        "corpus/index.htm",
    ]


def test_paths_story_is_folder_of_the_file(tree):
    stories = {(a.path, a.story) for a in load_paths(["corpus"], lang="fr")}
    assert ("corpus/crue/b.md", "corpus/crue") in stories
    assert ("corpus/budget/2024/suite.markdown", "corpus/budget/2024") in stories
    assert ("corpus/index.htm", "corpus") in stories


def test_paths_folder_argument_story_is_its_path(tree):
    assert {a.story for a in load_paths(["corpus/crue"], lang="fr")} == {"corpus/crue"}
    assert {a.story for a in load_paths(["./corpus/crue/"], lang="fr")} == {"corpus/crue"}


def test_paths_file_argument_story_is_parent_path(tree):
    (a,) = load_paths(["corpus/crue/b.md"], lang="fr")
    assert (a.path, a.story, a.id) == ("corpus/crue/b.md", "corpus/crue", "b")


def test_paths_same_named_folders_are_two_stories(tmp_path, monkeypatch, write):
    monkeypatch.chdir(tmp_path)
    write("lundi/crue/a.md", "Le premier article.")
    write("mardi/crue/a.md", "Un autre article.")
    stories = {a.path: a.story for a in load_paths(["lundi", "mardi"], lang="fr")}
    assert stories == {"lundi/crue/a.md": "lundi/crue", "mardi/crue/a.md": "mardi/crue"}


@pytest.mark.parametrize("given, expected", [("corpus/crue/", "corpus/crue/b.md"), ("./corpus/crue", "corpus/crue/b.md")])
def test_paths_relative_stays_relative(tree, given, expected):
    assert expected in paths(load_paths([given], lang="fr"))


def test_paths_dot_folder_story_is_real_name(tree, monkeypatch):
    monkeypatch.chdir(tree / "corpus" / "crue")
    articles = load_paths(["."], lang="fr")
    assert paths(articles) == ["C.HTML", "a.txt", "b.md"]
    assert {a.story for a in articles} == {(tree / "corpus" / "crue").resolve().as_posix()}


def test_paths_parent_relative_file(tree, monkeypatch):
    monkeypatch.chdir(tree / "corpus" / "budget")
    (a,) = load_paths(["../crue/b.md"], lang="fr")
    assert (a.path, a.story) == ("../crue/b.md", (tree / "corpus" / "crue").resolve().as_posix())


def test_paths_absolute_stays_absolute(tree):
    (a,) = load_paths([tree / "corpus" / "crue" / "b.md"], lang="fr")
    assert a.path == (tree / "corpus" / "crue" / "b.md").as_posix()


def test_paths_order_of_arguments_kept(tree):
    assert paths(load_paths(["corpus/crue/b.md", "corpus/crue/a.txt"], lang="fr")) == [
        "corpus/crue/b.md", "corpus/crue/a.txt",
    ]


def test_paths_same_file_loaded_once(tree):
    assert paths(load_paths(["corpus/crue/b.md", "corpus/crue"], lang="fr")) == [
        "corpus/crue/b.md", "corpus/crue/C.HTML", "corpus/crue/a.txt",
    ]


def test_paths_hidden_file_named_explicitly_is_read(tree):
    (a,) = load_paths(["corpus/crue/.brouillon.md"], lang="fr")
    assert a.text == "Caché."


def test_paths_single_path_accepted(tree):
    assert len(load_paths("corpus/crue", lang="fr")) == 3
    assert len(load_paths(Path("corpus/crue"), lang="fr")) == 3


def test_paths_jsonl_yields_many(tree):
    articles = load_file("corpus/budget/depeches.jsonl", lang="fr")
    assert [a.id for a in articles] == ["depeches:1", "depeches:2"] and {a.story for a in articles} == {"corpus/budget"}


def test_paths_forward_slashes(tree):
    assert all("\\" not in p for p in paths(load_paths(["corpus"], lang="fr")))


def test_paths_fixture_story():
    articles = load_paths([FIXTURES / "inondation"])
    assert {a.story for a in articles} == {folder_story(FIXTURES / "inondation" / "a.md")}
    assert [a.meta["format"] for a in articles] == ["md", "html", "jsonl", "jsonl", "jsonl", "txt"]
    assert [a.lang for a in articles] == ["fr", "fr", "fr", "en", "fr", "fr"]


def test_paths_folder_skips_readme(tmp_path):
    from factcheck.load import load_paths

    (tmp_path / "README.md").write_text("---\nlang: fr\n---\nCe dossier contient 3 articles.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\nlang: fr\n---\nLes policiers ont saisi 3 kg.\n", encoding="utf-8")
    assert [a.name for a in load_paths([tmp_path])] == ["a.md"]
