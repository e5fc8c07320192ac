"""Command tests run the CLI with ``api.check`` replaced by a hand-built report (no model)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factcheck_sample import make_report  # noqa: E402


@pytest.fixture
def fake_check(monkeypatch):
    """Replace ``factcheck.api.check``; returns the list of calls (paths, kwargs)."""
    calls = []

    def check(paths, **kwargs):
        calls.append((list(paths), kwargs))
        return make_report()

    monkeypatch.setattr("factcheck.api.check", check)
    return calls
