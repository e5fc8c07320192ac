"""Language folders: each language's data files hold the same tables, so a new language
copied from French knows what to translate, and every table compiles."""

from __future__ import annotations

import re

import pytest

from factcheck.lang import codes, language_tables


def test_lang_folders_are_the_supported_languages():
    assert codes() == ("en", "fr")


@pytest.mark.parametrize("name", ["align.yaml", "extract.yaml", "moments.yaml"])
def test_lang_every_language_has_the_same_tables(name):
    tables = language_tables(name)
    assert set(tables) == set(codes())
    keys = {code: set(t) for code, t in tables.items()}
    assert keys["en"] == keys["fr"], keys["en"] ^ keys["fr"]


def _patterns(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _patterns(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _patterns(v)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_lang_every_pattern_compiles(code):
    for name in ("align.yaml", "extract.yaml", "moments.yaml"):
        for key, value in language_tables(name)[code].items():
            if key.endswith(("_patterns", "_patterns_cased")) or key in ("outcomes", "spans", "reported_on", "cues", "events"):
                for p in _patterns(value):
                    re.compile(p)
