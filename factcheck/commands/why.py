"""``factcheck why A B``: why two claims were, or were not, reported as a conflict."""

from __future__ import annotations

import argparse
import json

from factcheck.output import write_output


def add_parser(sub: argparse._SubParsersAction) -> None:
    from factcheck.commands.check import add_config_flags

    p = sub.add_parser(
        "why", help="explain how two claims were paired and judged",
        description="Show the fact frames of two claims, whether the aligner compared them, the same-fact "
                    "evidence and confidence, and what each pair rule decided. Name a claim as PATH:LINE[:COL] "
                    "(as findings print it) or PATH@TEXT (the figure as written, e.g. 'a.md@720 kg').")
    p.add_argument("a", metavar="A", help="first claim: PATH:LINE[:COL] or PATH@TEXT")
    p.add_argument("b", metavar="B", help="second claim: PATH:LINE[:COL] or PATH@TEXT")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="other articles of the run (default: the two claims' files)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", "-o", help="write the explanation to this file instead of stdout")
    add_config_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.commands.check import load_configured_rules, resolve_config
    from factcheck.explain import explain, file_of, render_text, resolve
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_paths
    from factcheck.story import apply_stories

    cfg = resolve_config(args)
    rules = load_configured_rules(cfg)
    files = list(dict.fromkeys([file_of(args.a), file_of(args.b), *args.paths]))
    articles = load_paths(files, lang=cfg.lang)
    claims = extract_articles(articles)
    claims = apply_stories(articles, claims, cfg.story or "folder")  # the same stories as check
    ex = explain(claims, resolve(args.a, claims, articles), resolve(args.b, claims, articles), rules, articles)
    if args.format == "json":
        text = json.dumps(ex.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        text = render_text(ex)
    write_output(text, args.output)
    return 0
