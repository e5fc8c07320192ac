"""Plain-text articles: the whole file is prose, kept exactly as read."""

from __future__ import annotations


def parse(source: str) -> str:
    """The text to analyse: all of it (a ``.txt`` file has no markup and no front matter)."""
    return source
