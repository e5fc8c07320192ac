"""The program's single pint registry, extended with currencies and French unit words.

Every module that needs units imports ``ureg``/``Q_`` from here; nobody builds a second
registry. ``lookup`` maps a unit as written in press copy ("kg", "kilos", "M€",
"km/h", "pour cent") to a canonical unit string plus a multiplier.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pint
import platformdirs

_DATA = resources.files("factcheck") / "data"


def _registry(units_file: str, cache_folder: str | None) -> pint.UnitRegistry:
    registry = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=cache_folder)
    registry.load_definitions(units_file)
    return registry


def _cached_registry(units_file: str) -> pint.UnitRegistry:
    """The registry, built from pint's parsed-definitions cache when one is at hand.

    Parsing pint's definitions costs about 0.2 s of every CLI start. The cache folder is
    named after pint's version and our units file, and filled in a private folder that is
    renamed into place whole, so that processes starting together (a worker pool, a CI
    matrix) never read a half-written cache. ``FACTCHECK_NO_CACHE=1``, or a cache folder
    that cannot be written, builds the registry without a cache.
    """
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return _registry(units_file, None)
    key = hashlib.sha256(Path(units_file).read_bytes() + pint.__version__.encode()).hexdigest()[:16]
    try:
        root = Path(platformdirs.user_cache_dir("factcheck"))
        folder = root / f"pint-{key}"
        if folder.is_dir():
            return _registry(units_file, str(folder))
        root.mkdir(parents=True, exist_ok=True)
        building = tempfile.mkdtemp(prefix="pint-", dir=root)
        registry = _registry(units_file, building)
        try:
            os.rename(building, folder)
        except OSError:  # another process got there first
            shutil.rmtree(building, ignore_errors=True)
        return registry
    except Exception:  # noqa: BLE001 — a cache is an optimisation: never fail because of it
        return _registry(units_file, None)


with resources.as_file(_DATA / "units.txt") as _path:
    ureg = _cached_registry(str(_path))
Q_ = ureg.Quantity

CURRENCIES: frozenset[str] = frozenset(
    re.findall(r"^([A-Z]{3}) = \[currency_\1\]", (_DATA / "units.txt").read_text(encoding="utf-8"), re.MULTILINE)
)
"""ISO 4217 codes of the currencies defined in units.txt (one pint dimension each)."""


DOLLARS: frozenset[str] = frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD"})
"""The currencies a bare "$" or "dollars" may stand for."""

_NAMED_DOLLAR = re.compile(r"[A-Za-z][ \u00a0]?\$|\$[ \u00a0]?[A-Z]|"
                           r"\b(?:US|U\.S\.|American|Australian|Canadian|New Zealand|Hong Kong|Singapore)[ \u00a0]+dollars?"
                           r"|dollars?[ \u00a0]+(?:US|américains?|australiens?|canadiens?|néo-zélandais|de Hong Kong|"
                           r"de Singapour)\b")


def unnamed_dollar(text: str, unit: str) -> bool:
    """An amount written "$13 million" or "13 millions de dollars", naming no country's
    dollar: read as US dollars, but a story about Australia may mean its own."""
    return (unit in DOLLARS and ("$" in text or "dollar" in text.lower())
            and not _NAMED_DOLLAR.search(text))


def dollars_maybe_one(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two amounts (text, unit) in dollars, one of which names no country's dollar: it may
    be the other's dollar, whatever unit it was read in."""
    return a[1] in DOLLARS and b[1] in DOLLARS and (unnamed_dollar(*a) or unnamed_dollar(*b))


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit as recognised in text: canonical unit string and the factor it implies."""

    unit: str
    factor: float = 1.0


def _parse_surface_table() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """surface -> {lang: expression}; the first line for a (surface, language) pair wins."""
    folded: dict[str, dict[str, str]] = {}
    exact: dict[str, dict[str, str]] = {}
    for raw in (_DATA / "unit_surfaces.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        surface, expr, langs = raw.split("\t")
        table, key = (exact, surface[1:]) if surface.startswith("=") else (folded, surface.strip().lower())
        entry = table.setdefault(key, {})
        for lang in langs.split():
            entry.setdefault(lang, expr)
    return folded, exact


_FOLDED, _EXACT = _parse_surface_table()
SURFACES: tuple[str, ...] = tuple(sorted(set(_FOLDED) | set(_EXACT), key=len, reverse=True))
"""Every unit surface factcheck knows, longest first (for building matchers)."""


@functools.lru_cache(maxsize=4096)
def _resolve(expr: str) -> UnitMatch:
    factor = 1.0
    if "*" in expr and expr.rsplit("*", 1)[-1].replace("e", "").replace(".", "").isdigit():
        expr, mult = expr.rsplit("*", 1)
        factor = float(mult)
    if expr in CURRENCIES or expr == "percent":
        return UnitMatch(expr, factor)
    return UnitMatch(str(ureg.parse_units(expr)), factor)


def lookup(surface: str, lang: str = "fr") -> UnitMatch | None:
    """The unit written as ``surface``, or None when it is not a unit factcheck knows."""
    surface = " ".join(surface.split())
    entry = _EXACT.get(surface)
    if entry is None or lang not in entry:
        key = surface.lower()
        entry = _FOLDED.get(key)
        if (entry is None or lang not in entry) and len(key) > 3 and key.endswith("s"):
            entry = _FOLDED.get(key[:-1])
    if entry is None or lang not in entry:
        return None
    return _resolve(entry[lang])


@functools.lru_cache(maxsize=1024)
def unit_kind(unit: str) -> str:
    """count, percent, money, duration or physical."""
    if not unit:
        return "count"
    if unit == "percent":
        return "percent"
    if unit in CURRENCIES:
        return "money"
    if dimension_of(unit) == "[time]":
        return "duration"
    return "physical"


@functools.lru_cache(maxsize=1024)
def dimension_of(unit: str) -> str:
    """A string naming the unit's dimension, so compatible units share a key."""
    if not unit:
        return "count"
    if unit == "percent":
        return "percent"
    if unit in CURRENCIES:
        return unit
    try:
        return str(ureg.parse_units(unit).dimensionality)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return f"unit:{unit}"  # a unit pint does not know: it compares only with itself


@functools.lru_cache(maxsize=1024)
def _base_factor(unit: str) -> tuple[float, bool]:
    try:
        offset = float(Q_(0.0, unit).to_base_units().magnitude) != 0.0  # °C, °F
        return float(Q_(1.0, unit).to_base_units().magnitude), offset
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return 1.0, False  # a unit pint does not know: its values compare only with its own


def to_base(value: float, unit: str) -> float:
    """``value`` in base units (kg, m, s, K). Counts, money and percentages stay as written."""
    if not unit or unit == "percent" or unit in CURRENCIES:
        return value
    factor, offset = _base_factor(unit)
    if offset:
        return float(Q_(value, unit).to_base_units().magnitude)
    return value * factor


def same_value(a: float, b: float, rel: float = 1e-9) -> bool:
    """Equality of two magnitudes up to float noise."""
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)
