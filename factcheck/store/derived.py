"""What a check needs of an archived article that depends on that article alone, made when it
is indexed and kept in the store as records.

A draft checked against the archive is compared with every claim of its story: the
aligner's features of each archived claim (``align.features``), its subject key, the
article's text folded as places are looked up in it, and the article's event moments
(``moment_conflict``) would otherwise be computed again on every check. Each is a pure
function of one claim (with its ``ArticleInfo``) or one article, so it is computed here
once, at index time, and read back equal (``tests/store/test_derived.py``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from factcheck.align.features import Features, features
from factcheck.align.subjects import fold
from factcheck.extract.moments import Moment, find_moments
from factcheck.models import Article, Claim


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def frame_record(claim: Claim) -> str:
    """The claim's aligner features as stored (``Features.to_record`` as JSON)."""
    return _json(features(claim).to_record())


def frame_from(record: str, claim: Claim) -> Features:
    """``features(claim)`` back from ``frame_record(claim)``; the claim may have been re-tagged
    into another story since (the story is read from it, not from the record)."""
    return Features.from_record(json.loads(record), claim)


def folded_text(article: Article) -> str:
    """The article's prose folded as ``align.article_texts`` folds it."""
    return fold(article.text)


_MOMENT_FIELDS = ("start", "end", "text", "minutes", "event", "approx", "whole_hour", "day", "night")


def moments_record(article: Article) -> str:
    """The article's event moments (``find_moments``) as a JSON list of field lists."""
    found = find_moments(article.text, article.lang, article.date, article.date_precision)
    return _json([[m.start, m.end, m.text, m.minutes, m.event, m.approx, m.whole_hour,
                   m.day.isoformat() if m.day else None, m.night] for m in found])


def moments_from(record: str) -> tuple[Moment, ...]:
    out = []
    for row in json.loads(record):
        values = dict(zip(_MOMENT_FIELDS, row))
        values["day"] = dt.date.fromisoformat(values["day"]) if values["day"] else None
        out.append(Moment(**values))
    return tuple(out)
