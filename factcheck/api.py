"""The library API: what the CLI and other programs call."""

from __future__ import annotations

from factcheck.models import Claim


def extract(text: str, lang: str = "fr") -> list[Claim]:
    """Numeric claims in ``text`` (offsets into ``text``), with value, unit, qualifier and subject."""
    from factcheck.extract.pipeline import extract_text

    return extract_text(text, lang)
