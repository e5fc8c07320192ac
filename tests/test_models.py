"""The domain objects: what they promise to the report formats."""

from __future__ import annotations

import json
import math

import pytest

from factcheck.models import Claim, json_number


@pytest.mark.parametrize("value, shown", [(math.inf, "inf"), (-math.inf, "-inf"), (math.nan, "nan"), (1e308, 1e308)])
def test_models_json_number_is_valid_json(value, shown):
    assert json.loads(json.dumps(json_number(value), allow_nan=False)) == shown


def test_models_claim_to_dict_never_writes_infinity():
    claim = Claim(start=0, end=3, text="inf", value=math.inf, high=math.nan, period_days=-math.inf)
    data = json.loads(json.dumps(claim.to_dict(), allow_nan=False))
    assert (data["value"], data["high"], data["period_days"]) == ("inf", "nan", "-inf")
