"""``factcheck stories PATH...`` and ``story = "auto"`` through the CLI, on articles written here:
two same-named folders in different places, and a draft outside any folder."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main

FIRE = ('---\ntitle: "{title}"\ndate: {date}\nlang: fr\nsource: "{source}"\n---\n\n'
        "L'incendie de l'entrepôt Maréchal, à Villefranche-sur-Orne, a mobilisé {n} pompiers mardi. "
        "Le feu a détruit 4 200 m2 de stockage et les 30 salariés de l'entrepôt sont au chômage technique.\n")
FLOOD = ('---\ntitle: "{title}"\ndate: {date}\nlang: fr\n---\n\n'
         "La Brévenne est sortie de son lit mardi à Saint-Aubin-des-Prés. La préfecture a fait évacuer "
         "120 habitants, et la rivière a atteint 3,20 m à l'échelle du pont Neuf.\n")


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """``lundi/dossier`` holds the fire, ``mardi/dossier`` the flood: two folders of one name."""
    monkeypatch.chdir(tmp_path)
    for folder, text in (("lundi/dossier", FIRE), ("mardi/dossier", FLOOD)):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "lundi/dossier/a.md").write_text(
        FIRE.format(title="Incendie à l'entrepôt Maréchal", date="2024-05-14", source="Le Courrier", n=85),
        encoding="utf-8")
    (tmp_path / "lundi/dossier/b.md").write_text(
        FIRE.format(title="L'entrepôt Maréchal détruit", date="2024-05-15", source="Radio Orne", n=85),
        encoding="utf-8")
    (tmp_path / "mardi/dossier/a.md").write_text(FLOOD.format(title="Crue de la Brévenne", date="2024-05-14"),
                                                 encoding="utf-8")
    (tmp_path / "mardi/dossier/b.md").write_text(FLOOD.format(title="La Brévenne baisse", date="2024-05-15"),
                                                 encoding="utf-8")
    return tmp_path


def test_stories_json_lists_each_story_with_its_articles(tree, capsys):
    assert main(["stories", "lundi", "mardi", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(len(s["articles"]) for s in data) == [2, 2]
    fire = next(s for s in data if s["title"] == "Incendie à l'entrepôt Maréchal")
    assert [a["path"] for a in fire["articles"]] == ["lundi/dossier/a.md", "lundi/dossier/b.md"]
    assert fire["articles"][0] == {"path": "lundi/dossier/a.md", "id": "a", "title": "Incendie à l'entrepôt Maréchal",
                                   "date": "2024-05-14", "source": "Le Courrier"}
    assert fire["id"].startswith("incendie-a-l-entrepot-marechal-")


def test_stories_text_one_block_per_story(tree, capsys):
    assert main(["stories", "lundi", "mardi"]) == 0
    out = capsys.readouterr().out
    blocks = out.strip().split("\n\n")
    assert len(blocks) == 3 and blocks[-1] == "2 stories, 4 article(s)"
    assert all("(2 articles)" in b for b in blocks[:2])
    assert "2024-05-14  lundi/dossier/a.md" in out


def test_stories_bad_path_is_one_line_and_exit_2(tree, capsys):
    assert main(["stories", "absent"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().count("\n") == 0 and "absent: no such file or folder" in captured.err


def test_stories_bad_path_among_good_ones_lists_the_rest_and_exits_2(tree, capsys):
    assert main(["stories", "lundi", "absent", "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 1 and "absent" in captured.err


def test_stories_needs_paths_or_a_store(tree, capsys):
    assert main(["stories"]) == 2
    assert "no input given" in capsys.readouterr().err


def test_stories_from_a_store_are_the_stories_it_indexed(tree, capsys):
    assert main(["index", "--store", "archive.db", "lundi", "mardi"]) == 0
    capsys.readouterr()
    assert main(["stories", "--store", "archive.db", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert main(["stories", "lundi", "mardi", "--format", "json"]) == 0
    assert listed == json.loads(capsys.readouterr().out)


def test_stories_from_a_missing_store_is_one_line(tree, capsys):
    assert main(["stories", "--store", "absent.db"]) == 2
    err = capsys.readouterr().err
    assert "absent.db: no claim store here" in err and err.count("\n") == 1


def _check(tree, capsys, *flags) -> list[dict]:
    main(["check", "--format", "json", *flags, "lundi", "mardi", "brouillon.md"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_check_auto_compares_a_draft_outside_any_folder(tree, capsys):
    (tree / "brouillon.md").write_text(
        FIRE.format(title="Maréchal : le brouillon", date="2024-05-15", source="Brouillon", n=58), encoding="utf-8")
    in_folder = _check(tree, capsys)
    auto = _check(tree, capsys, "--story", "auto")
    draft = lambda findings: [f for f in findings if any(c["path"] == "brouillon.md" for c in f["claims"])]  # noqa: E731
    assert draft(in_folder) == []  # alone in its folder: compared with nothing
    assert draft(auto) and all({c["path"] for c in f["claims"]} <= {"brouillon.md", "lundi/dossier/a.md",
                                                                    "lundi/dossier/b.md"} for f in draft(auto))


def test_check_story_key_in_configuration(tree, capsys):
    (tree / "brouillon.md").write_text(
        FIRE.format(title="Maréchal : le brouillon", date="2024-05-15", source="Brouillon", n=58), encoding="utf-8")
    (tree / ".factcheck.toml").write_text('story = "auto"\n')
    assert any(c["path"] == "brouillon.md" for f in _check(tree, capsys) for c in f["claims"])
    assert not any(c["path"] == "brouillon.md" for f in _check(tree, capsys, "--story", "folder")
                   for c in f["claims"])
