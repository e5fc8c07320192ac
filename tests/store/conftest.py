"""Fixtures of the claim store tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_articles import write_articles  # noqa: E402


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """tmp_path with ``articles/`` (3 stories of 2 articles) and the working directory there."""
    write_articles(tmp_path / "articles", 3, 2)
    monkeypatch.chdir(tmp_path)
    return tmp_path
