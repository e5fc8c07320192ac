"""Fixtures for the formatter tests: the hand-built report of ``tests/factcheck_sample.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factcheck_sample import make_report, make_rules  # noqa: E402

from factcheck.models import Report, Rule  # noqa: E402


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture
def rules() -> list[Rule]:
    return make_rules()


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives a headless Chromium through Playwright")
