"""Drafts against the archive: the claims a claim store already holds for a draft's story.

``check DRAFT --against STORE`` and ``api.check_draft`` compare a new draft with what was
already published, without reading the archive's files again: the store gives the
draft's story (found from what the draft says, ``factcheck.story.draft_stories``) and
that story's claims, extracted when it was indexed. The draft's claims and the
archived ones then go through the same align → rules stages as any check, and only the
findings that cite the draft are kept.

A draft belongs to the story it matches best, as an indexed article would, and to the
other stories it matches almost as well (a round-up of two events; at most ``MAX_STORIES``
scoring ``CLOSE`` × the best or more); for this run they are one story, named after the best. A story named in the draft's front matter
that the store knows wins. A draft that matches no story is checked on its own.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.models import Article, Claim, Finding
from factcheck.errors import StoreError
from factcheck.store import ClaimStore

MAX_STORIES = 3  # a draft joining more stories than this is a round-up, not a follow-up
CLOSE = 0.8      # … and another story counts when it matches this share of the best score


@dataclass(slots=True)
class Archived:
    """What the store gives for a set of drafts: archived articles and claims (re-tagged with
    the story each draft was put in), the drafts' claims re-tagged the same way, and one
    note per draft that matched no story."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    draft_claims: list[Claim] = field(default_factory=list)
    stories: dict[str, tuple[str, ...]] = field(default_factory=dict)  # draft key → stories matched
    notes: list[str] = field(default_factory=list)


def open_archive(path: str | os.PathLike[str]) -> ClaimStore:
    """The store a draft is checked against, read-only. It must exist (a typo must not create
    an empty archive). Nothing of a check writes to it (a draft's story look-up,
    ``StoryIndex.candidates``, only reads), so checks never wait for the write lock: several
    run at once, and alongside an index run. A store of an older schema is migrated first."""
    if not os.path.isfile(path):
        raise StoreError(f"{os.fspath(path)}: no claim store here; create it with: factcheck index PATH... "
                         f"--store {os.fspath(path)}")
    try:
        return ClaimStore.open(path, readonly=True)
    except StoreError:
        if not _needs_migration(path):
            raise
    ClaimStore.open(path).close()
    return ClaimStore.open(path, readonly=True)


def _needs_migration(path: str | os.PathLike[str]) -> bool:
    """True for a store of an older schema that ``schema.MIGRATIONS`` can bring up to date."""
    import sqlite3

    from factcheck.store import schema

    try:
        conn = sqlite3.connect(f"{os.path.abspath(path)}", timeout=1)
        try:
            app, version = schema.read_header(conn, os.fspath(path))
        finally:
            conn.close()
    except (sqlite3.Error, StoreError):
        return False
    return (app == schema.APPLICATION_ID and version < schema.SCHEMA_VERSION
            and all(v in schema.MIGRATIONS for v in range(version, schema.SCHEMA_VERSION)))


def draft_story_ids(store: ClaimStore, draft: Article, claims: Sequence[Claim]) -> tuple[str, ...]:
    """The stored stories a draft belongs to, best first: the one its front matter declares
    when the store knows it, else the stories it matches by content."""
    from factcheck.story import declared, draft_stories

    if declared(draft) and draft.story in store.stories():
        return (draft.story,)
    matches = draft_stories(store.connection, draft, claims)
    return tuple(m.story for m in matches[:MAX_STORIES] if m.score >= CLOSE * matches[0].score)


def gather(store: ClaimStore, drafts: Sequence[Article], claims: Sequence[Claim]) -> Archived:
    """The archive's side of a check of ``drafts`` (whose extracted claims are ``claims``)."""
    out = Archived()
    by_draft: dict[str, list[Claim]] = {}
    for c in claims:
        by_draft.setdefault(c.article_key, []).append(c)
    seen_articles: set[str] = set()
    retagged: dict[str, str] = {}  # archived article key → the run's story for it
    for draft in drafts:
        own = by_draft.get(draft.key, [])
        stories = draft_story_ids(store, draft, own)
        out.stories[draft.key] = stories
        if not stories:
            out.notes.append(f"{draft.label}: no story in {store.path} matches this draft; "
                             "it is checked on its own")
            out.draft_claims.extend(own)
            continue
        run_story = stories[0]
        draft.story = run_story
        info = draft.info()
        out.draft_claims.extend(dataclasses.replace(c, article=info) for c in own)
        for story in stories:
            for a in store.articles(story=story):
                if a.key not in retagged:
                    retagged[a.key] = run_story
    drafts_keys = {d.key for d in drafts}
    for key, story in retagged.items():
        if key in drafts_keys or key in seen_articles:
            continue  # a draft indexed earlier: the draft as it is now replaces it
        article = store.article(key)
        if article is None:
            continue
        seen_articles.add(key)
        article.story = story
        out.articles.append(article)
        info = article.info()
        out.claims.extend(dataclasses.replace(c, article=info) for c in store.claims(article_id=key))
    return out


def drafts_findings(findings: Sequence[Finding], draft_keys: set[str]) -> list[Finding]:
    """The findings that cite a draft, each with the draft's claims first: formats that place
    a finding at its first claim (SARIF, GitHub annotations) then point at the draft, where
    its author will see it, and give the archived articles as related locations."""
    out = []
    for f in findings:
        mine = [c for c in f.claims if c.article_key in draft_keys]
        if mine:
            f.claims = (*mine, *(c for c in f.claims if c.article_key not in draft_keys))
            out.append(f)
    return out
