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
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.models import Article, Claim, Finding
from factcheck.errors import StoreError
from factcheck.store import ClaimStore, pipeline_fingerprint
from factcheck.known import Known
from factcheck.store.store import StoredArticle

if TYPE_CHECKING:
    from factcheck.align.features import Features
    from factcheck.extract.moments import Moment

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
    known: Known = field(default_factory=Known)  # what the store derived for the archived claims and articles


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
    wanted: list[tuple[str, str]] = []  # (stored story, the run's story for its articles), first draft first
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
        wanted.extend((story, run_story) for story in stories)
    by_story = _stored(store, list(dict.fromkeys(story for story, _ in wanted)))
    retagged: dict[str, tuple[StoredArticle, str]] = {}  # archived article key → (it, the run's story for it)
    for story, run_story in wanted:
        for stored in by_story.get(story, ()):
            retagged.setdefault(stored.article.key, (stored, run_story))
    drafts_keys = {d.key for d in drafts}
    current = pipeline_fingerprint()
    features: dict[str, Features] = {}
    subjects: dict[str, str] = {}
    folded: dict[str, str] = {}
    moments: dict[str, tuple[Moment, ...]] = {}
    for key, (stored, story) in retagged.items():
        if key in drafts_keys:
            continue  # a draft indexed earlier: the draft as it is now replaces it
        article, archived, frames = _retag(stored, story)
        out.articles.append(article)
        out.claims.extend(archived)
        if stored.fingerprint != current:
            continue  # derived by another pipeline: computed again in this run
        features.update(zip((c.id for c in archived), frames))
        subjects.update(zip((c.id for c in archived), stored.subjects))
        folded[key] = stored.folded
        moments[key] = stored.moments
    out.known = Known(features=features, subjects=subjects, folded=folded, moments=moments)
    return out


def _retag(stored: StoredArticle, story: str) -> tuple[Article, tuple[Claim, ...], Iterable[Features]]:
    """The stored article in the run's ``story`` (a copy: the cache keeps the original), its
    claims and their features, which say that story (replaced only in a round-up of stories)."""
    article = dataclasses.replace(stored.article, story=story)
    if stored.article.story == story:
        return article, stored.claims, stored.frames
    info = article.info()
    return (article, tuple(dataclasses.replace(c, article=info) for c in stored.claims),
            (dataclasses.replace(f, story=story) for f in stored.frames))


# Archived articles a process keeps between checks, by (store file, article id): a desk or an
# editor's plug-in checks draft after draft against the same stories. About 80 KiB each (a press
# article of ~20 claims, with its texts and features): 1,000 are some 80 MiB.
CACHE_ARTICLES = 1000
_CACHE: OrderedDict[tuple[str, str], StoredArticle] = OrderedDict()
_CACHE_LOCK = threading.Lock()  # the desk checks drafts in threads


def _stored(store: ClaimStore, stories: Sequence[str]) -> dict[str, list[StoredArticle]]:
    """Story → its stored articles in indexing order: from the process's cache when the
    store's version of the article is the cached one, else read (and cached). One read
    transaction, so that an indexer writing meanwhile is seen whole or not at all."""
    where = os.path.realpath(store.path)
    conn = store.connection
    outer = not conn.in_transaction
    if outer:
        conn.execute("BEGIN")
    try:
        rows = store.versions(stories)
        with _CACHE_LOCK:
            stale = [key for key, _, version in rows
                     if (hit := _CACHE.get((where, key))) is None or hit.version != version]
        loaded = store.checkable(stale) if stale else {}
    finally:
        if outer:
            conn.execute("COMMIT")
    out: dict[str, list[StoredArticle]] = {}
    with _CACHE_LOCK:
        for key, story, version in rows:
            stored = loaded.get(key) or _CACHE.get((where, key))
            if stored is None or stored.version != version:
                continue  # dropped from the cache by another thread meanwhile: the next check reads it
            _CACHE[(where, key)] = stored
            _CACHE.move_to_end((where, key))
            out.setdefault(story, []).append(stored)
        while len(_CACHE) > CACHE_ARTICLES:
            _CACHE.popitem(last=False)
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
