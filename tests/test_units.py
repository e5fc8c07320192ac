"""The program's pint registry and the lexicon of unit surfaces."""

from __future__ import annotations

import pytest

from factcheck.units import CURRENCIES, SURFACES, lookup, to_base, unit_kind, ureg


@pytest.mark.parametrize("surface, lang, unit, factor", [
    ("kg", "fr", "kilogram", 1.0),
    ("kilos", "fr", "kilogram", 1.0),
    ("M€", "fr", "EUR", 1e6),
    ("km/h", "fr", "kilometer / hour", 1.0),
    ("pour cent", "fr", "percent", 1.0),
    ("gallons", "fr", "gallon", 1.0),
    ("francs", "fr", "FRF", 1.0),
    ("centimes", "fr", "EUR", 0.01),
    ("pence", "en", "GBP", 0.01),
    ("hp", "en", "horsepower", 1.0),
    ("GHz", "en", "gigahertz", 1.0),
])
def test_units_lookup(surface, lang, unit, factor):
    found = lookup(surface, lang)
    assert found is not None
    assert (found.unit, found.factor) == (unit, factor)


@pytest.mark.parametrize("surface, lang", [("an", "en"), ("m€", "fr"), ("in", "en"), ("has", "en")])
def test_units_not_a_unit_in_that_language(surface, lang):
    assert lookup(surface, lang) is None


def test_units_every_surface_resolves_with_our_registry():
    for surface in SURFACES:
        for lang in ("fr", "en"):
            found = lookup(surface, lang)
            if found is None or found.unit in CURRENCIES or found.unit == "percent":
                continue
            ureg.parse_units(found.unit)


def test_units_currencies_are_separate_dimensions():
    assert {"EUR", "USD", "GBP", "FRF", "HKD"} <= CURRENCIES
    assert ureg.parse_units("EUR").dimensionality != ureg.parse_units("USD").dimensionality


def test_units_kinds_and_base_values():
    assert unit_kind("") == "count"
    assert unit_kind("EUR") == "money"
    assert unit_kind("year") == "duration"
    assert to_base(5.4, "kilogram") == pytest.approx(5.4)
    assert to_base(720, "gram") == pytest.approx(0.72)
    assert to_base(0, "degree_Celsius") == pytest.approx(273.15)


def test_units_quantulum3_block_is_up_to_date():
    """The English surfaces copied from quantulum3 match what the script generates today."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "units_from_quantulum3.py"
    spec = importlib.util.spec_from_file_location("units_from_quantulum3", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    curated, block = module.split_table(module.TABLE.read_text(encoding="utf-8"))
    assert block == module.generate(curated)


def test_registry_cache_is_built_whole_and_reused(tmp_path, monkeypatch):
    from factcheck import units

    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(units.platformdirs, "user_cache_dir", lambda name: str(tmp_path / name))
    with units.resources.as_file(units._DATA / "units.txt") as path:
        first = units._cached_registry(str(path))
        folders = list((tmp_path / "factcheck").iterdir())
        assert [f.name.startswith("pint-") for f in folders] == [True]  # no half-built folder left
        assert any(folders[0].iterdir())
        second = units._cached_registry(str(path))
    for registry in (first, second):
        assert registry.Quantity(720, "g").to("kg").magnitude == 0.72
        assert registry.Quantity(8300, "EUR").dimensionality == units.ureg.Quantity(1, "EUR").dimensionality


def test_registry_without_a_writable_cache_still_works(tmp_path, monkeypatch):
    from factcheck import units

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(units.platformdirs, "user_cache_dir", lambda name: str(blocker / name))
    with units.resources.as_file(units._DATA / "units.txt") as path:
        registry = units._cached_registry(str(path))
    assert registry.Quantity(2, "km").to("m").magnitude == 2000
