"""Every fuzz target for a few examples (``make fuzz`` runs them for 100,000 in all).

A failure here is a real one: the input hypothesis prints raised something other than a
``FactcheckError``, or a stage returned something invalid for it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from .targets import TARGETS

# A few seconds in all on a loaded machine: few examples, no deadline, no database noise.
SHORT = settings(max_examples=12, deadline=None, database=None,
                 suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_fuzz_target_short_run(target):
    @SHORT
    @given(target.strategy)
    def run(example):
        target.check(example)

    run()
