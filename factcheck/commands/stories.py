"""``factcheck stories PATH...``: which articles report the same event, found from what they say."""

from __future__ import annotations

import argparse
import json

from factcheck.errors import InputError
from factcheck.models import Article, ArticleInfo
from factcheck.output import write_output


def add_parser(sub: argparse._SubParsersAction) -> None:
    from factcheck.commands.check import add_input_arguments, add_max_bytes_argument
    from factcheck.commands.extract import add_jobs_argument

    p = sub.add_parser("stories", help="group articles into stories (the same event) and list them",
                       description="Group the articles found under PATHs by the event they report (names, "
                                   "words, figures and days; folders are not used) and list each story with "
                                   "its articles. A story named in an article's front matter is kept. "
                                   "Exit 0, or 2 when an input could not be read.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (.md .txt .html .jsonl)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", "-o", help="write the list to this file instead of stdout")
    p.add_argument("--store", metavar="FILE", help="list the stories of a claim store instead of PATHs")
    p.add_argument("--lang", help="language of articles that do not declare one (fr, en)")
    add_max_bytes_argument(p)
    add_input_arguments(p)
    add_jobs_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.commands.check import input_errors_exit
    from factcheck.commands.extract import load_inputs
    from factcheck.extract.pipeline import extract_articles
    from factcheck.story import apply_stories, list_stories

    if args.store is not None:
        return _from_store(args)
    if not args.paths:
        raise InputError("no input given; pass article files or folders (or --store FILE)")
    articles, errors = load_inputs(args)
    if not articles:  # every input failed, each reported on stderr: nothing to list
        return 2
    claims = extract_articles(articles, n_process=args.jobs)
    apply_stories(articles, claims, "auto")
    stories = list_stories(articles)
    text = render_json(stories) if args.format == "json" else render_text(stories)
    write_output(text, args.output)
    return input_errors_exit([str(e) for e in errors], 0)


def _from_store(args: argparse.Namespace) -> int:
    """``--store FILE``: the stories the claim store recorded when it indexed the articles."""
    from factcheck.store import ClaimStore
    from factcheck.story import list_stories

    if args.paths:
        raise InputError("give article files or folders, or --store FILE, not both")
    with ClaimStore.open(args.store, readonly=True) as store:
        stories = list_stories(store.articles())
    text = render_json(stories) if args.format == "json" else render_text(stories)
    write_output(text, args.output)
    return 0


def _date(article: Article | ArticleInfo) -> str | None:
    """The publication date at its precision (2019-05 for a month), or None."""
    if article.date is None:
        return None
    return {"year": f"{article.date:%Y}", "month": f"{article.date:%Y-%m}"}.get(article.date_precision,
                                                                                 article.date.isoformat())


def _article(article: Article | ArticleInfo) -> dict:
    return {"path": article.path, "id": article.id, "title": article.title, "date": _date(article),
            "source": article.source}


def render_json(stories) -> str:
    """A list of ``{id, title, articles: [{path, id, title, date, source}]}``."""
    data = [{"id": s.id, "title": s.title, "articles": [_article(a) for a in s.articles]} for s in stories]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_text(stories) -> str:
    """One block per story: its id, title and size, then one line per article."""
    blocks = []
    for s in stories:
        n = len(s.articles)
        lines = [f"{s.id}  ({n} article{'s' if n > 1 else ''})", f"  {s.title}"]
        for a in s.articles:
            label = a.label
            extra = " · ".join(x for x in (a.source, a.title if a.title != s.title else "") if x)
            lines.append(f"    {_date(a) or 'undated':<10}  {label}" + (f"  — {extra}" if extra else ""))
        blocks.append("\n".join(lines))
    footer = f"{len(stories)} stor{'ies' if len(stories) != 1 else 'y'}, " \
             f"{sum(len(s.articles) for s in stories)} article(s)"
    return "\n\n".join(blocks) + ("\n\n" if blocks else "") + footer + "\n"
