"""The library API: what the CLI and other programs call."""

from __future__ import annotations

from factcheck.extract.quantities import scan
from factcheck.models import Claim


def extract(text: str, lang: str = "fr") -> list[Claim]:
    return [Claim(m.start, m.end, text[m.start:m.end], m.value, m.unit, m.qualifier, m.high) for m in scan(text, lang)]
