"""JSON Lines: one article per line, the text value decoded in place at its file offset."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.load import folder_story, load_file
from factcheck.load.jsonl import decode_in_place

from .conftest import FIXTURES, assert_offsets_true


@pytest.fixture(scope="module")
def depeches():
    return load_file(FIXTURES / "inondation" / "c-depeches.jsonl")


def test_jsonl_one_article_per_nonblank_line(depeches):
    assert [a.meta["line"] for a in depeches] == [1, 3, 4]


def test_jsonl_ids_from_key_or_stem_and_line(depeches):
    assert [a.id for a in depeches] == ["afp-001", "c-depeches:3", "c-depeches:4"]


def test_jsonl_fields(depeches):
    a, b, c = depeches
    assert (a.date, a.source, a.lang) == (dt.date(2024, 2, 8), "Agence Ouest", "fr")
    assert (b.title, b.lang, b.meta["extra"]) == ("River peaks", "en", {"words": 19})
    assert c.date == dt.date(2024, 2, 9) and c.lang == "fr"


def test_jsonl_shares_whole_file(depeches):
    whole = (FIXTURES / "inondation" / "c-depeches.jsonl").read_text(encoding="utf-8")
    assert all(a.file_text == whole for a in depeches)


def test_jsonl_lines_share_one_line_index(depeches):
    # built once for the file: a feed of many lines is not indexed once per line
    assert all(a.position(a.offset) == depeches[0]._lines.position(a.offset) for a in depeches)
    assert len({id(a._lines) for a in depeches}) == 1


def test_jsonl_lines_are_feed_lines_of_the_folder_story(depeches):
    assert {a.story for a in depeches} == {folder_story(FIXTURES / "inondation" / "c-depeches.jsonl")}
    assert all(a.meta["feed"] for a in depeches)


def test_jsonl_story_key_names_the_story(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Un texte.", "story": "crue", "lang": "fr"}\n{"text": "Deux.", "lang": "fr"}\n')
    a, b = load_file(path)
    assert (a.story, "feed" in a.meta, "story" in a.meta, a.meta["story_declared"]) == ("crue", False, False, True)
    assert (b.story, b.meta["feed"], "story_declared" in b.meta) == (folder_story(path), True, False)


def test_jsonl_offset_is_first_char_of_text_value(depeches):
    for a in depeches:
        assert a.file_text[a.offset - 1] == '"'
        assert a.file_text[a.offset + len(a.text)] == '"'


def test_jsonl_offsets_true(depeches):
    for a in depeches:
        assert_offsets_true(a, escapes="\\")


def test_jsonl_decoded_text_reads_as_json_value(depeches):
    for a in depeches:
        line = a.file_text.splitlines()[a.meta["line"] - 1]
        value = json.loads(line)["text"]
        assert a.text.replace(" ", "") == value.replace(" ", "")


def test_jsonl_position_of_claim(depeches):
    a = depeches[0]
    i = a.text.index("3,90 m")
    assert a.position(a.offset + i).line == 1
    assert a.file_text[a.offset + i : a.offset + i + 6] == "3,90 m"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("caf\\u00e9 noir", "café      noir"),
        ("ligne\\nsuite", "ligne\n suite"),
        ('dit \\"oui\\"', 'dit " oui" '),
        ("a\\\\b", "a\\ b"),
        ("a\\/b", "a/ b"),
        ("\\ud83d\\ude00!", "😀           !"),
        ("\\ud83d seul", "\ufffd      seul"),
        ("tab\\tici", "tab\t ici"),
        ("sans échappement", "sans échappement"),
    ],
)
def test_jsonl_escape_decoded_at_first_char(raw, expected):
    assert decode_in_place(raw) == expected


def test_jsonl_text_key_anywhere_and_nested_values(write):
    line = '{"meta": {"text": "pas celui-ci", "n": [1, {"a": "}"}]}, "id": 7, "text": "Le vrai texte de 12 mots."}\n'
    (a,) = load_file(write("x.jsonl", line), lang="fr")
    assert a.text == "Le vrai texte de 12 mots." and a.id == "7"
    assert a.file_text[a.offset : a.offset + len(a.text)] == a.text


def test_jsonl_duplicate_text_key_uses_last_like_json(write):
    (a,) = load_file(write("x.jsonl", '{"text": "premier", "text": "Le second texte."}\n'), lang="fr")
    assert a.text == "Le second texte."


def test_jsonl_crlf_and_no_final_newline(write):
    path = write("x.jsonl", '{"text": "Un texte."}\r\n{"text": "Deux textes."}')
    a, b = load_file(path, lang="fr")
    assert (a.text, b.text, b.meta["line"]) == ("Un texte.", "Deux textes.", 2)
    assert_offsets_true(b, escapes="\\")


def test_jsonl_lang_per_line_beats_argument(write):
    path = write("x.jsonl", '{"text": "Le texte.", "lang": "fr-FR"}\n{"text": "The text."}\n')
    assert [a.lang for a in load_file(path, lang="en")] == ["fr", "en"]


def test_jsonl_lang_detected_per_line(write):
    path = write("x.jsonl", '{"text": "Le maire a annoncé une hausse des impôts."}\n{"text": "The mayor said taxes would rise."}\n')
    assert [a.lang for a in load_file(path)] == ["fr", "en"]


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"text": "ok"}\n{"text": "cassé"\n', r"^x\.jsonl:2: invalid JSON \(Expecting ',' delimiter at column 17\); write one JSON object per line$"),
        ('["text"]\n', r"^x\.jsonl:1: line is a JSON array, not an object; write one object per line$"),
        ('"texte"\n', r"^x\.jsonl:1: line is a JSON string, not an object"),
        ('\n\n{"id": 1}\n', r"^x\.jsonl:3: object has no \"text\" key; give each line the article as \"text\"$"),
        ('{"text": 12}\n', r"^x\.jsonl:1: \"text\" is a JSON number, not a string$"),
        ('{"text": null}\n', r"^x\.jsonl:1: \"text\" is a JSON null, not a string$"),
        ('{"text": "  "}\n', r"^x\.jsonl:1: \"text\" is empty; give the article text or remove the line$"),
        ('{"text": "Texte.", "date": "12/03/2024"}\n', r"^x\.jsonl:1: bad date '12/03/2024' in the JSON object; use YYYY-MM-DD, YYYY-MM or YYYY$"),
        ('{"text": "Texte.", "title": ["a"]}\n', r"^x\.jsonl:1: 'title' in the JSON object must be text, not list$"),
        ('{"text": "Texte.", "lang": "de"}\n', r"^x\.jsonl:1: language 'de' is not supported \(supported: fr, en\)$"),
        ('{"text": "Texte."}\n' + "[" * 100_000 + "\n", r"^x\.jsonl:2: invalid JSON"),
        ('{"text": "Texte.", "n": ' + "9" * 5000 + "}\n", r"^x\.jsonl:1: invalid JSON \(Exceeds the limit"),
    ],
)
def test_jsonl_bad_line_is_input_error(write, monkeypatch, content, message):
    monkeypatch.chdir(write("x.jsonl", content).parent)
    with pytest.raises(InputError, match=message):
        load_file("x.jsonl", lang="fr")


# ---------------------------------------------------------------- property

records = st.fixed_dictionaries(
    {"text": st.text(min_size=1).filter(lambda s: s.strip())},
    optional={"id": st.text(max_size=5), "source": st.text(max_size=5), "x": st.integers()},
)


@settings(max_examples=200, deadline=None)
@given(st.lists(records, min_size=1, max_size=4), st.booleans())
def test_jsonl_offsets_property(tmp_path_factory, objects, ascii_only):
    path = tmp_path_factory.mktemp("jsonl") / "p.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=ascii_only) + "\n" for o in objects), encoding="utf-8")
    articles = load_file(path, lang="fr")
    assert len(articles) == len(objects)
    for a, o in zip(articles, objects):
        assert_offsets_true(a, escapes="\\")
        expected = o["text"].replace("\ud800", "")  # no lone surrogates in st.text()
        assert "".join(c for c in a.text if c != " ") == "".join(c for c in expected if c != " ")
