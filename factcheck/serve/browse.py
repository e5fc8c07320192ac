"""Reading the archive for the desk: stories, a story's articles and claims, claim search.

Read-only queries on the claim store (a read-only connection per call), shaped for the
pages and the API.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from factcheck.models import ArticleInfo, Claim

MAX_ROWS = 500


@dataclass(frozen=True, slots=True)
class Search:
    """A claim search: subject and place are substrings (case folded), the value a range."""

    subject: str = ""
    place: str = ""
    low: float | None = None
    high: float | None = None

    @property
    def empty(self) -> bool:
        return not (self.subject or self.place or self.low is not None or self.high is not None)


def stories(store_path: str) -> list[dict[str, Any]]:
    """The stories with their articles (``factcheck stories --store`` as data)."""
    from factcheck.commands.stories import render_json
    from factcheck.store import ClaimStore
    from factcheck.story import list_stories

    with ClaimStore.open(store_path, readonly=True) as store:
        return json.loads(render_json(list_stories(store.articles())))


def story_claims(store_path: str, story: str) -> list[Claim] | None:
    """A story's claims, article by article; None when the store has no such story."""
    from factcheck.store import ClaimStore

    with ClaimStore.open(store_path, readonly=True) as store:
        if story not in store.stories():
            return None
        return store.claims(story=story)


def search(store_path: str, query: Search, limit: int = MAX_ROWS) -> list[Claim]:
    """Claims whose subject / place contain the words given and whose value (in base units:
    grams → kg, km → m) lies in the range, at most ``limit``."""
    from factcheck.store import ClaimStore
    from factcheck.store.store import _claim

    where, args = [], []
    if query.subject:
        where.append("(c.subject LIKE ? OR lower(json_extract(c.record, '$.subject_full')) LIKE ?)")
        args += [f"%{query.subject.lower()}%"] * 2
    if query.place:
        where.append("lower(json_extract(c.record, '$.place')) LIKE ?")
        args.append(f"%{query.place.lower()}%")
    if query.low is not None:
        where.append("c.base_value >= ?")
        args.append(query.low)
    if query.high is not None:
        where.append("c.base_value <= ?")
        args.append(query.high)
    sql = ("SELECT c.record, a.info FROM claims c JOIN articles a ON a.id = c.article"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.rowid, c.seq LIMIT ?")
    with ClaimStore.open(store_path, readonly=True) as store:
        rows = store.connection.execute(sql, [*args, limit]).fetchall()
    infos: dict[str, ArticleInfo] = {}
    out = []
    for record, info in rows:
        if info not in infos:
            infos[info] = ArticleInfo.from_record(json.loads(info))
        out.append(_claim(json.loads(record), infos[info]))
    return out


def number(value: str | None, what: str) -> float | None:
    """A bound of the value range from a query string (blank: none)."""
    from factcheck.errors import InputError

    if value is None or not value.strip():
        return None
    try:
        n = float(value.strip().replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except ValueError:
        raise InputError(f"{what} {value!r}: give a number") from None
    if not math.isfinite(n):
        raise InputError(f"{what} {value!r}: give a finite number")
    return n
