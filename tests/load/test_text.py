"""Plain text: the whole file is prose, kept byte for byte (as decoded)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.load import folder_story, load_file, load_text

from .conftest import FIXTURES, assert_lines_kept, assert_offsets_true


@pytest.fixture(scope="module")
def brut():
    (a,) = load_file(FIXTURES / "inondation" / "d-brut.txt")
    return a


def test_text_whole_file_is_prose(brut):
    assert brut.text == brut.file_text and brut.offset == 0


def test_text_crlf_kept(brut):
    assert brut.text.count("\r\n") == 3
    assert brut.position(brut.text.index("Le maire")).line == 3


def test_text_fields(brut):
    assert (brut.id, brut.story, brut.lang, brut.title, brut.date, brut.meta) == (
        "d-brut", folder_story(FIXTURES / "inondation" / "d-brut.txt"), "fr", "", None, {"format": "txt", "suppressions": []},
    )


@pytest.mark.parametrize("source", ["# Pas un titre\n*pas d'emphase*", "---\ntitle: pas du YAML\n---\n"])
def test_text_markup_is_not_interpreted(source):
    a = load_text(source, fmt="txt", lang="fr")
    assert a.text == source and a.title == ""


def test_text_bom_dropped(write):
    (a,) = load_file(write("b.txt", b"\xef\xbb\xbfLe texte."), lang="fr")
    assert a.text == "Le texte." and a.meta["bom"] is True


def test_text_in_memory_path_and_story():
    a = load_text("Le texte.", path="histoire/brut.txt", fmt="txt", lang="fr")
    assert (a.path, a.story, a.id) == ("histoire/brut.txt", "histoire", "brut")


def test_text_in_memory_default_path():
    a = load_text("Le texte.", fmt="txt", lang="fr")
    assert (a.path, a.story, a.id) == ("<string>", "", "<string>")


@pytest.mark.parametrize("fmt", ["pdf", "jsonl", ""])
def test_text_in_memory_unknown_format(fmt):
    with pytest.raises(InputError, match=r"unknown format .*; use md, txt or html"):
        load_text("Le texte.", fmt=fmt)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\x00\ufeff", blacklist_categories=("Cs",)), min_size=1))
def test_text_offsets_property(source):
    if not source.strip():
        return
    a = load_text(source, fmt="txt", lang="fr")
    assert a.text == source
    assert_offsets_true(a)
    assert_lines_kept(a)
