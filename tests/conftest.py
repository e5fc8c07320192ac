"""Fixtures shared by the whole suite. The French spaCy pipeline loads once per run."""

from __future__ import annotations

import pytest

from factcheck.extract.pipeline import nlp_for


@pytest.fixture(scope="session")
def nlp_fr():
    return nlp_for("fr")


@pytest.fixture(scope="session")
def nlp_en():
    return nlp_for("en")
