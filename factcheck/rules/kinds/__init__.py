"""Rule kinds: one module per kind, and the one table that maps a YAML ``kind:`` to its class."""

from __future__ import annotations

from factcheck.rules.kinds.base import CheckContext, Kind
from factcheck.rules.kinds.bound_conflict import BoundConflict
from factcheck.rules.kinds.conversion_mismatch import ConversionMismatch
from factcheck.rules.kinds.digit_error import DigitError
from factcheck.rules.kinds.hedge_conflict import HedgeConflict
from factcheck.rules.kinds.moment_conflict import MomentConflict
from factcheck.rules.kinds.percent_mismatch import PercentMismatch
from factcheck.rules.kinds.period_conflict import PeriodConflict
from factcheck.rules.kinds.rounding import Rounding
from factcheck.rules.kinds.sum_mismatch import SumMismatch
from factcheck.rules.kinds.unit_slip import UnitSlip
from factcheck.rules.kinds.value_conflict import ValueConflict
from factcheck.rules.kinds.weekday_date import WeekdayDate

KINDS: dict[str, type[Kind]] = {
    "unit_slip": UnitSlip,
    "digit_error": DigitError,
    "value_conflict": ValueConflict,
    "rounding": Rounding,
    "bound_conflict": BoundConflict,
    "hedge_conflict": HedgeConflict,
    "period_conflict": PeriodConflict,
    "weekday_date": WeekdayDate,
    "sum_mismatch": SumMismatch,
    "percent_mismatch": PercentMismatch,
    "conversion_mismatch": ConversionMismatch,
    "moment_conflict": MomentConflict,
}

__all__ = ["KINDS", "Kind", "CheckContext"]
