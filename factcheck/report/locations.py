"""Where a claim is, as CI formats want it: a path relative to a root, 1-based regions."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable

from factcheck.models import Article, Claim


@dataclass(frozen=True, slots=True)
class Region:
    start_line: int
    start_column: int
    end_line: int
    end_column: int  # exclusive, as SARIF and GitHub count it


def region(claim: Claim) -> Region:
    """From the positions extraction recorded; a hand-built claim without its end position
    is taken to end on its line."""
    if claim.line and claim.end_line:
        return Region(claim.line, claim.column, claim.end_line, claim.end_column)
    line, col = claim.line or 1, claim.column or 1
    return Region(line, col, line, col + len(claim.text))


@dataclass(frozen=True, slots=True)
class Passage:
    """The prose around a claim, for people: before, the claim as written, after."""

    before: str
    cited: str
    after: str


def passage(claim: Claim, article: Article | None = None, context: int = 90) -> Passage:
    """Up to ``context`` characters of prose each side of the claim, white space folded.

    It reads the prose of the claim's ``article`` (markup blanked by the loader), so "## "
    or "> " marks do not show up in the middle of a quoted passage; without the article,
    the claim's sentence.
    """
    art = article
    if art is not None:
        text, start = art.text, claim.start - art.offset
    else:
        text, start = claim.sentence, claim.start - claim.sentence_start
    end = start + (claim.end - claim.start)
    left, right = max(0, start - context), min(len(text), end + context)
    return Passage(("…" if left else "") + " ".join(text[left:start].split()),
                   text[start:end],
                   " ".join(text[end:right].split()) + ("…" if right < len(text) else ""))


def value_label(claim: Claim) -> str:
    """The claim's value for people, a range as "low – high" ("8 300", "18 – 25")."""
    def fmt(v: float) -> str:
        return f"{v:,.10g}".replace(",", "\u202f")

    return fmt(claim.value) + (f" – {fmt(claim.high)}" if claim.high is not None else "")


def relative_path(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` with forward slashes (as given when root is None or outside)."""
    if root is not None:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        if not rel.startswith(".."):
            path = rel
    return path.replace(os.sep, "/")


def story_of(claim: Claim) -> str:
    return claim.article.story if claim.article is not None else ""


def articles_by_key(articles: Iterable[Article]) -> dict[str, Article]:
    """The loaded articles by ``Article.key``, to find a claim's (``claim.article_key``)."""
    return {a.key: a for a in articles}
