"""``factcheck extract FILE...``: the numeric claims of each article."""

from __future__ import annotations

import argparse
import json
import sys

from factcheck.output import write_output


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="list the numeric claims of articles",
                       description="List the numeric claims (value, unit, subject, qualifier) of articles.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (.md .txt .html .jsonl)")
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    p.add_argument("--lang", help="language of articles that do not declare one (fr, en)")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    from factcheck.commands.check import add_input_arguments, add_max_bytes_argument

    add_max_bytes_argument(p)
    add_input_arguments(p)
    add_jobs_argument(p)
    p.set_defaults(run=run)


MAX_JOBS = 64  # worker processes; more would exhaust file descriptors before giving any speed


def _positive(value: str) -> int:
    n = int(value)
    if not 1 <= n <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_JOBS}")
    return n


def add_jobs_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                   help="spaCy worker processes (default: several only on machines with 4 cores or more)")


def load_inputs(args: argparse.Namespace) -> tuple[list, list]:
    """The articles under ``args.paths`` (``--lang``, ``--max-bytes``), and the input errors,
    each reported on stderr as it is met (``--strict-input`` raises the first instead);
    with ``--verbose``, the notes on missing or partial dates."""
    from factcheck.commands.check import input_error_printer, print_date_notes
    from factcheck.config import load_config, override
    from factcheck.load import load_paths

    cfg = override(load_config(), lang=args.lang, max_bytes=args.max_bytes)
    report = input_error_printer(args)
    errors: list = []
    articles = load_paths(args.paths, lang=cfg.lang, max_bytes=cfg.max_bytes,
                          errors=None if report is None else errors)
    for exc in errors:
        report(exc)
    if args.verbose:
        print_date_notes(articles)
    return articles, errors


def run(args: argparse.Namespace) -> int:
    from factcheck.commands.check import input_errors_exit
    from factcheck.extract.pipeline import extract_articles

    articles, errors = load_inputs(args)
    claims = extract_articles(articles, n_process=args.jobs)
    if args.format == "json":
        text = json.dumps({"claims": [c.to_dict() for c in claims]}, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "jsonl":
        text = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in claims)
    else:
        from factcheck.report.claims_table import render

        text = render(articles, claims, color=args.output is None and sys.stdout.isatty())
    write_output(text, args.output)
    return input_errors_exit([str(e) for e in errors], 0)
