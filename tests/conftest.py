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


# Property tests must pass on a loaded machine: no per-example deadline, no "too slow" check.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("factcheck", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("factcheck")
