"""The values a hedged figure allows."""

import pytest

from factcheck.models import Claim
from factcheck.rules.values import interval


def _approx(value: float, text: str = "", unit: str = "") -> Claim:
    return Claim(start=0, end=1, text=text or str(value), value=value, unit=unit, qualifier="approx")


@pytest.mark.parametrize("value, low, high", [
    (250, 225, 275),     # "environ 250": tens either way (10 %)
    (243, 238, 248),     # "about 243": a few units, not 24
    (1265, 1260, 1270),
    (2.25, 2.2, 2.3),    # the last written digit sets the step
    (15, 13.5, 16.5),    # a small count keeps its 10 %
])
def test_an_approximate_figure_is_hedged_to_its_last_written_digit(value, low, high):
    lo, hi = interval(_approx(value), 0.1)
    assert lo == pytest.approx(low) and hi == pytest.approx(high)


def test_the_width_is_taken_in_the_written_unit():
    lo, hi = interval(_approx(243, "about 243 kg", "kilogram"), 0.1)
    assert (lo, hi) == (pytest.approx(238), pytest.approx(248))
    lo, hi = interval(_approx(2.43, "environ 2,43 t", "tonne"), 0.1)
    assert (lo, hi) == (pytest.approx(2380), pytest.approx(2480))
