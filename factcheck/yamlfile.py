"""YAML reading for the program's own data (language tables, lexicons, rules, baselines).

One loader for all of it: libyaml's C parser when PyYAML was built with it (the wheels
on PyPI are), else the pure-Python one. Same safe schema either way; the C parser reads
the ~60 documents a check loads in a fifth of the time, which a cold CLI run feels.
"""

from __future__ import annotations

from typing import Any

import yaml

LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    """``yaml.safe_load`` through ``LOADER``."""
    return yaml.load(text, Loader=LOADER)  # noqa: S506 — LOADER is a safe loader


def compose(text: str) -> yaml.Node | None:
    """The document's node tree, with line and column marks, through ``LOADER``."""
    return yaml.compose(text, Loader=LOADER)
