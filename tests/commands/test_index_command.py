"""``factcheck index``: the claim store from the command line."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from tiny_articles import article_text, write_articles  # noqa: E402

from factcheck.cli import main  # noqa: E402
from factcheck.store import ClaimStore  # noqa: E402

SUMMARY = re.compile(r"^indexed (\d+), unchanged (\d+), removed (\d+), claims (\d+) in \d+\.\d s$")


@pytest.fixture
def archive(tmp_path, monkeypatch):
    write_articles(tmp_path / "articles", 2, 2)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _summary(capsys) -> tuple[int, ...]:
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1, out
    m = SUMMARY.match(out[0])
    assert m, out[0]
    return tuple(int(g) for g in m.groups())


def _error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("factcheck: error: "), err
    return err[0]


def test_index_then_nothing_to_do(archive, capsys):
    assert main(["index", "articles"]) == 0
    assert _summary(capsys) == (4, 0, 0, 16)
    assert (archive / ".factcheck" / "store.sqlite").is_file()
    assert main(["index", "articles"]) == 0
    assert _summary(capsys) == (0, 4, 0, 0)


def test_index_store_from_the_config_and_the_flag(archive, capsys):
    (archive / ".factcheck.toml").write_text('store = "data/claims.sqlite"\n')
    assert main(["index", "articles"]) == 0
    assert (archive / "data" / "claims.sqlite").is_file()
    assert main(["index", "articles", "--store", "other.sqlite"]) == 0
    assert (archive / "other.sqlite").is_file()
    capsys.readouterr()
    assert main(["config"]) == 0
    assert "data/claims.sqlite" in capsys.readouterr().out


def test_index_changed_file_and_prune(archive, capsys):
    assert main(["index", "articles"]) == 0
    (archive / "articles" / "crue-000" / "a0.md").write_text(article_text(0, 0, version=3), encoding="utf-8")
    (archive / "articles" / "crue-001" / "a1.md").unlink()
    assert main(["index", "articles"]) == 0
    capsys.readouterr()
    assert main(["index", "articles", "--prune"]) == 0
    assert _summary(capsys) == (0, 3, 1, 0)
    with ClaimStore.open(".factcheck/store.sqlite", readonly=True) as store:
        assert store.counts() == (3, 12)
        assert 23.0 in {c.value for c in store.claims(article_id="articles/crue-000/a0.md")}


def test_index_bad_file_is_one_line_and_exit_2(archive, capsys):
    (archive / "articles" / "crue-000" / "empty.md").write_text("")
    assert main(["index", "articles"]) == 2
    captured = capsys.readouterr()
    assert "empty.md" in captured.err and len(captured.err.strip().splitlines()) == 1
    assert SUMMARY.match(captured.out.strip()).group(1) == "4"


def test_index_bad_lang_is_one_error(archive, capsys):
    assert main(["index", "articles", "--lang", "xx"]) == 2
    assert "not supported" in _error_line(capsys)


def test_index_other_schema_version_says_how_to_rebuild(archive, capsys):
    assert main(["index", "articles", "--store", "s.sqlite"]) == 0
    conn = sqlite3.connect("s.sqlite")
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    capsys.readouterr()
    assert main(["index", "articles", "--store", "s.sqlite"]) == 2
    assert "factcheck index --rebuild" in _error_line(capsys)
    assert main(["index", "articles", "--store", "s.sqlite", "--rebuild"]) == 0
    assert _summary(capsys)[0] == 4


def test_index_garbage_store_exits_2_then_rebuilds(archive, capsys):
    Path("s.sqlite").write_bytes(b"\x00garbage\xff" * 300)
    assert main(["index", "articles", "--store", "s.sqlite"]) == 2
    assert "--rebuild" in _error_line(capsys)
    assert main(["index", "articles", "--store", "s.sqlite", "--rebuild"]) == 0


def test_index_never_overwrites_another_database(archive, capsys):
    conn = sqlite3.connect("app.sqlite")
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    for extra in ([], ["--rebuild"]):
        assert main(["index", "articles", "--store", "app.sqlite", *extra]) == 2
        assert "not a factcheck claim store" in _error_line(capsys)


def test_index_store_that_is_a_folder(archive, capsys):
    Path("dir.sqlite").mkdir()
    assert main(["index", "articles", "--store", "dir.sqlite"]) == 2
    assert "folder" in _error_line(capsys)
