"""Shared checks for the load tests: the offset contract every format must keep."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import Article

FIXTURES = Path(__file__).parent / "fixtures"


def assert_offsets_true(article: Article, escapes: str = "") -> None:
    """Every non-space character of ``text`` is the file's character at the same offset.

    ``escapes`` lists source characters that may stand for a decoded value instead
    (``&`` for HTML entities, ``\\`` for JSON escapes).
    """
    start = article.offset
    assert start + len(article.text) <= len(article.file_text)
    for i, c in enumerate(article.text):
        if c == " ":
            continue
        src = article.file_text[start + i]
        assert src == c or src in escapes, (i, c, src)


def assert_lines_kept(article: Article) -> None:
    """Line breaks of the file slice are line breaks of the text, at the same offsets."""
    piece = article.file_text[article.offset : article.offset + len(article.text)]
    assert len(piece) == len(article.text)
    for i, c in enumerate(piece):
        if c in "\r\n":
            assert article.text[i] == c, i


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under tmp_path (str → UTF-8, bytes as is) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    return _write
