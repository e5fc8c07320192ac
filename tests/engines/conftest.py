"""Fixtures of the engine tests: a small archive in a temporary working directory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine_archive import write_archive  # noqa: E402


@pytest.fixture
def archive(tmp_path, monkeypatch) -> Path:
    """``tmp_path/articles`` holds the archive; the working directory is ``tmp_path``."""
    write_archive(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path
