"""Hand-built claims for tests: every context field the aligner reads is set consistently."""

from __future__ import annotations

from factcheck.models import Claim


def make_claim(sentence: str, text: str, value: float, unit: str = "", *, subject: str = "",
               subject_full: str = "", qualifier: str = "exact", path: str = "story/a.md", offset: int = 0,
               lang: str = "fr", predicate: str = "", place: str = "", attribution: str = "",
               period: str = "", period_days: float | None = None, high: float | None = None,
               occurrence: int = 0) -> Claim:
    """A hand-built claim whose text sits in ``sentence`` (which starts at ``offset`` in its file).

    For tests and examples: every context field the aligner reads is set consistently.
    """
    pos = -1
    for _ in range(occurrence + 1):
        pos = sentence.index(text, pos + 1)
    return Claim(start=offset + pos, end=offset + pos + len(text), text=text, value=float(value), unit=unit,
                 qualifier=qualifier, high=high, subject=subject, subject_full=subject_full or subject,
                 sentence=sentence, sentence_start=offset, predicate=predicate, place=place,
                 attribution=attribution, period=period, period_days=period_days, path=path, lang=lang)
