"""What the program knows of each language, one folder per language (``fr/``, ``en/``).

As in spaCy's ``spacy/lang/<code>/``, a language is a folder of data files: its cue words,
patterns and word lists. Shared defaults and weights stay in ``factcheck/data``; a table a
language lacks falls back to the defaults. Adding a language for the aligner is one new
folder with its ``align.yaml``.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


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
            out[code] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return out
