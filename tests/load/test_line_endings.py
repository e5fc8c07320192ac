"""Line endings and encodings: a file reads the same whatever its line breaks (\\n, \\r\\n, an
old Mac's lone \\r) and whatever Unicode encoding its byte order mark names; every offset,
line and column points into the file as it is on disk."""

from __future__ import annotations

import json

import pytest

from factcheck.errors import InputError
from factcheck.extract.pipeline import extract_articles, sentence_spans
from factcheck.load import load_paths
from factcheck.load.reader import line_column
from factcheck.models import LineIndex

from .conftest import assert_lines_kept, assert_offsets_true

ENDINGS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
MARKDOWN = [
    "---", "title: Saisie", "date: 2023-12-13", "lang: fr", "---", "", "# Une saisie record",
    "", "Les policiers ont saisi 720 kg de cocaïne.", "Mercredi 13 décembre, ils ont saisi 720 g d'héroïne.",
    "", "> Plus de 300 policiers mobilisés", "",
]
PLAIN = ["Les policiers ont saisi 720 kg de cocaïne.", "", "Il y a deux ans, ils étaient 300."]


def _lines(text: str, eol: str) -> list[str]:
    return text.split(eol)


def _check_positions(articles, claims, eol):
    files = {a.key: a.file_text for a in articles}
    for claim in claims:
        file_text = files[claim.article_key]
        assert file_text[claim.start:claim.end] == claim.text
        line = _lines(file_text, eol)[claim.line - 1]
        assert line[claim.column - 1:].startswith(claim.text), (claim.text, claim.line, claim.column)


@pytest.mark.parametrize("eol", list(ENDINGS.values()), ids=list(ENDINGS))
@pytest.mark.parametrize("name, lines", [("a.md", MARKDOWN), ("a.txt", PLAIN)])
def test_line_endings_read_alike(write, eol, name, lines):
    path = write(name, eol.join(lines))
    [article] = load_paths([path], lang="fr")
    assert_offsets_true(article)
    assert_lines_kept(article)
    claims = extract_articles([article])
    reference = extract_articles(load_paths([write("ref-" + name, "\n".join(lines))], lang="fr"))
    assert [(c.text, c.value, c.unit, c.line, c.column) for c in claims] == \
        [(c.text, c.value, c.unit, c.line, c.column) for c in reference]
    _check_positions([article], claims, eol)
    if name == "a.md":
        assert article.title == "Saisie" and article.date is not None and "---" not in article.text


@pytest.mark.parametrize("eol", list(ENDINGS.values()), ids=list(ENDINGS))
def test_line_endings_jsonl(write, eol):
    records = [{"text": "Les policiers ont saisi 720 kg.", "lang": "fr"}, {"text": "Ils ont saisi 72 kg.", "lang": "fr"}]
    path = write("feed.jsonl", eol.join(json.dumps(r, ensure_ascii=False) for r in records) + eol)
    articles = load_paths([path])
    assert [a.meta["line"] for a in articles] == [1, 2]
    claims = extract_articles(articles)
    assert [(c.text, c.line) for c in claims] == [("720 kg", 1), ("72 kg", 2)]
    _check_positions(articles, claims, eol)


@pytest.mark.parametrize("text, offset, expected", [
    ("a\nb\r\nc\rd", 0, (1, 1)), ("a\nb\r\nc\rd", 2, (2, 1)), ("a\nb\r\nc\rd", 5, (3, 1)),
    ("a\nb\r\nc\rd", 7, (4, 1)), ("\r\r\r x", 4, (4, 2)), ("ab\r\n", 3, (1, 4)),
])
def test_line_endings_line_and_column(text, offset, expected):
    assert line_column(text, offset) == expected
    pos = LineIndex(text).position(offset)
    assert (pos.line, pos.column) == expected


def test_line_endings_end_sentences():
    text = "Il y a 5 kg\rEt 7 kg\r\rPuis 9 kg"
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Il y a 5 kg", "Et 7 kg", "Puis 9 kg"]


def test_line_endings_front_matter_error_names_the_line(write):
    path = write("bad.md", "---\rtitle: [unclosed\rlang: fr\r---\r\rTexte de 5 kg.\r")
    with pytest.raises(InputError, match=r"bad\.md:\d+: invalid YAML in front matter"):
        load_paths([path])


ARTICLE = "---\ntitle: T\nlang: fr\n---\n\nLes policiers ont saisi 720 kg de cocaïne.\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"])
def test_encodings_with_a_byte_order_mark_are_read(write, codec):
    data = ARTICLE.encode(codec)
    if codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        data = "\ufeff".encode(codec) + data  # these codecs write no mark themselves
    [article] = load_paths([write("a.md", data)])
    assert article.meta["bom"] is True and article.file_text == ARTICLE and article.title == "T"
    [claim] = extract_articles([article])
    assert ARTICLE[claim.start:claim.end] == "720 kg" and (claim.line, claim.column) == (6, 25)


@pytest.mark.parametrize("data, message", [
    (ARTICLE.encode("utf-16-le"), "looks like UTF-16 without a byte order mark"),
    (ARTICLE.encode("utf-16-be"), "looks like UTF-16 without a byte order mark"),
    (b"\xff\xfe" + "Texte".encode("utf-16-le") + b"\x00\xd8", "not valid UTF-16"),
    ("Texte\x00suite 5 kg".encode("utf-16"), "NUL character at line 1, column 6"),
    (b"Les policiers\nont saisi\x00 5 kg", "looks like a binary file (NUL byte at byte offset 23)"),
])
def test_encodings_refused_with_a_clear_line(write, data, message):
    with pytest.raises(InputError) as err:
        load_paths([write("a.txt", data)], lang="fr")
    assert message in str(err.value) and "\n" not in str(err.value)
