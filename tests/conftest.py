"""Fixtures shared by the whole suite. The French spaCy pipeline loads once per run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Test helpers (tests/claims.py) and the benchmark's claim generator (bench/synthetic.py)
# are plain modules beside the suite, not part of the package.
for folder in (Path(__file__).parent, Path(__file__).parents[1] / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

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
