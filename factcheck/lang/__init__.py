"""What the program knows of each language, one folder per language (``fr/``, ``en/``).

As in spaCy's ``spacy/lang/<code>/``, a language is a folder of data files: the aligner's
cue words, patterns and word lists (``align.yaml``), extraction's cue words and verbs of
saying (``extract.yaml``) and the once-only events whose time of day is checked
(``moments.yaml``). Weights and language-independent tables stay in
``factcheck/data``. An aligner table a language lacks falls back to French's, an extraction
one to English's. Number words, units, months and weekdays are still tables in the
extraction modules themselves (``extract/numbers.py``, ``extract/dates.py``,
``data/unit_surfaces.tsv``), so a third language also needs entries there.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from factcheck import yamlfile


@functools.lru_cache(maxsize=None)
def codes() -> tuple[str, ...]:
    """The language codes that have a folder here, sorted."""
    root = resources.files("factcheck") / "lang"
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


def language_tables(name: str) -> dict[str, dict[str, Any]]:
    """``{code: tables}`` from each language folder's data file ``name`` (absent: skipped)."""
    out: dict[str, dict[str, Any]] = {}
    for code in codes():
        path = resources.files("factcheck") / "lang" / code / name
        if path.is_file():
            out[code] = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    return out
