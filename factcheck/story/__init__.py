"""Stories: which articles report the same event, found from what they say.

An article's story decides which other articles its figures are compared with. By
default (``story = "folder"``) it is the folder the file lives in; with ``story =
"auto"`` articles are grouped by their names, words, figures and days (``terms.py``)
through an SQLite full-text index ranked by BM25 (``index.py``). A story named in front
matter (``story:``) or in a JSON object always wins.

Public API:

- ``create_story_tables(conn)``: the story tables in any SQLite connection (a claim
  store calls it on its own file).
- ``StoryIndex(conn)``: ``add`` one article to an indexed archive (it joins the best
  existing story or starts one, nothing else is regrouped); ``candidates`` for a draft,
  without adding it.
- ``add_article(conn, article, claims)`` and ``draft_stories(conn, article, claims)``:
  the same for one ``Article`` (what ``factcheck index`` and ``check --against`` call).
- ``group(articles, claims)``: stories for a set of articles, in memory.
- ``apply_stories(articles, claims, mode)``: set ``Article.story`` as the mode says (claims re-tagged).
- ``list_stories(articles)``: the stories of articles, for ``factcheck stories``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from factcheck.models import Article, ArticleInfo, Claim
from factcheck.story.index import StoryIndex, StoryMatch, StoryParams, create_story_tables, story_id
from factcheck.story.terms import StoryTerms, terms_of

__all__ = [
    "MODES", "Story", "StoryIndex", "StoryMatch", "StoryParams", "StoryTerms", "add_article", "apply_stories",
    "article_key", "batch_keys", "index_article", "create_story_tables", "draft_stories", "group", "list_stories", "story_id",
    "terms_of",
]

MODES = ("folder", "auto")


def article_key(article: Article) -> str:
    """How the index names an article: ``Article.key``, the key its claims carry."""
    return article.key


def declared(article: Article) -> bool:
    """True when the article's own metadata names its story (front matter, JSON ``story``)."""
    return bool(article.meta.get("story_declared"))


def new_story_id(article: Article) -> str:
    """The id of the story an article starts: its title (else its id) and its key."""
    key = article_key(article)
    return story_id(article.title or article.id or key, key)


def add_article(conn: sqlite3.Connection, article: Article, claims: Iterable[Claim] = (),
                params: StoryParams = StoryParams()) -> str:
    """Index one article in ``conn`` and return its story: the one it declares, else the best
    existing story, else a new one. Nothing else in the index is regrouped."""
    index = StoryIndex(conn, params)
    key = article_key(article)
    terms = terms_of(article, claims)
    if declared(article):
        if index.story_of(key) is None:
            index.insert(key, terms, article.title, story=article.story)
        return index.story_of(key) or article.story
    return index.add(key, terms, article.title, new_story_id(article))


def index_article(conn: sqlite3.Connection, article: Article, claims: Iterable[Claim] = (), mode: str = "auto",
                  params: StoryParams = StoryParams()) -> str:
    """Index one article of an archive and return its story. ``auto``: as ``add_article``;
    ``folder``: the story the loader gave it (its folder, or the one it declares), indexed
    all the same so that a draft can find it."""
    if mode == "auto":
        return add_article(conn, article, claims, params)
    index = StoryIndex(conn, params)
    key = article_key(article)
    if index.story_of(key) is None:
        index.insert(key, terms_of(article, claims), article.title, story=article.story)
    return index.story_of(key) or article.story


def draft_stories(conn: sqlite3.Connection, article: Article, claims: Iterable[Claim] = (),
                  params: StoryParams = StoryParams()) -> list[StoryMatch]:
    """The indexed stories a draft belongs to, best first, without adding it to the index."""
    return StoryIndex(conn, params).candidates(terms_of(article, claims))


def group(articles: Sequence[Article], claims: Iterable[Claim] = (), conn: sqlite3.Connection | None = None,
          params: StoryParams = StoryParams()) -> dict[str, str]:
    """Article key (``batch_keys``) → story id for ``articles``, grouped by what they say.

    Every article is indexed first (so that each term's rarity is measured on the whole
    set), then the articles are assigned one by one in the order of their days (undated
    last, then by path), each to the best story among those already assigned or to a new
    one: the incremental rule ``StoryIndex.add`` follows, so a batch and an archive fed
    one article at a time agree. Articles that declare their story keep it, and others may
    join it. ``conn`` defaults to a new in-memory database.
    """
    index = StoryIndex(conn if conn is not None else sqlite3.connect(":memory:"), params)
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_key, []).append(claim)
    out: dict[str, str] = {}
    pending: list[tuple[tuple, int, StoryTerms, Article, str]] = []
    for key, article in zip(batch_keys(articles), articles):
        known = index.story_of(key)
        if known is not None:  # already in the database (an archive): its story stays
            out[key] = known
            continue
        terms = terms_of(article, by_article.get(article.key, ()))
        if declared(article):
            index.insert(key, terms, article.title, story=article.story)
            out[key] = article.story
            continue
        doc = index.insert(key, terms, article.title)
        order = (terms.days is None, terms.days or (0, 0), article.path, article.offset, key)
        pending.append((order, doc, terms, article, key))
    for _, doc, terms, article, key in sorted(pending, key=lambda p: p[0]):
        out[key] = index.assign(doc, terms, new_story_id(article))
    return out


def batch_keys(articles: Sequence[Article]) -> list[str]:
    """Each article's ``article_key``, made unique in the batch: articles built in memory
    may share a path (``<string>``); the second is ``<string>#2``."""
    seen: dict[str, int] = {}
    keys = []
    for article in articles:
        key = article_key(article)
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys


def apply_stories(articles: Sequence[Article], claims: Sequence[Claim] = (), mode: str = "folder",
                  conn: sqlite3.Connection | None = None) -> list[Claim]:
    """Set each article's ``story`` as ``mode`` says, and return ``claims`` with their
    articles' new stories: ``folder`` leaves the loader's (the folder, or the declared
    story); ``auto`` groups the articles that declare none. Claims are values that carry
    their article's metadata, so a claim whose story changed is a new claim."""
    if mode == "folder":
        return list(claims)
    if mode != "auto":
        raise ValueError(f"unknown story mode {mode!r} (expected one of {', '.join(MODES)})")
    stories = group(articles, claims, conn)
    infos = {}
    for key, article in zip(batch_keys(articles), articles):
        if not declared(article):
            article.story = stories[key]
        infos[article.key] = article.info()
    return [c if c.article is None or c.article_key not in infos or c.article.story == infos[c.article_key].story
            else replace(c, article=infos[c.article_key]) for c in claims]


@dataclass(frozen=True, slots=True)
class Story:
    """A story as listed: its id, a title (its first article's) and its articles, oldest first."""

    id: str
    title: str
    articles: tuple[Article | ArticleInfo, ...]


def list_stories(articles: Sequence[Article | ArticleInfo]) -> list[Story]:
    """The stories of ``articles`` (by ``Article.story``), each with its articles in date order
    (undated last), stories in the order of their first article."""
    def when(a: Article | ArticleInfo) -> tuple:
        return (a.date is None, a.date.toordinal() if a.date else 0, a.path, a.offset)

    members: dict[str, list[Article]] = {}
    for article in sorted(articles, key=when):
        members.setdefault(article.story, []).append(article)
    return [Story(sid, next((a.title for a in arts if a.title), sid), tuple(arts)) for sid, arts in members.items()]
