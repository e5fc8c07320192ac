"""``factcheck index PATH...``: extract the claims of an archive once, into the claim store."""

from __future__ import annotations

import argparse
import sys

from factcheck.commands.extract import add_jobs_argument

DEFAULT_WAIT = 10.0  # seconds a second indexer waits for the first


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 <= n <= 86_400:
        raise argparse.ArgumentTypeError("must be from 0 to 86400 seconds")
    return n


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("index", help="extract the claims of articles into the claim store",
                       description="Extract the claims of article files and folders into the claim store (one "
                                   "SQLite file), so that drafts can later be checked against them. Only new and "
                                   "changed files are extracted again. Exit 0, or 2 on errors.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (.md .txt .html .jsonl)")
    p.add_argument("--store", metavar="FILE",
                   help="the claim store (default: config 'store', else .factcheck/store.sqlite)")
    p.add_argument("--prune", action="store_true",
                   help="drop the stored articles whose files under PATH are gone or no longer selected")
    p.add_argument("--rebuild", action="store_true",
                   help="start from an empty store (after an upgrade that changed its format, or a damaged file)")
    p.add_argument("--wait", type=_seconds, default=DEFAULT_WAIT, metavar="SECONDS",
                   help=f"how long to wait for another indexer writing the store (default {DEFAULT_WAIT:g})")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: .factcheck.toml or "
                   "pyproject.toml [tool.factcheck], searched upwards from the working directory)")
    p.add_argument("--lang", help="language of articles that do not declare one (fr, en)")
    from factcheck.commands.check import add_input_arguments, add_max_bytes_argument, add_story_argument

    add_max_bytes_argument(p)
    add_story_argument(p)
    add_input_arguments(p)
    add_jobs_argument(p)
    from factcheck.engines.command import add_engine_arguments

    add_engine_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.engines import command as engines

    if engines.wants_engine(args):  # --engine ray, --import: factcheck.engines
        return engines.run(args)
    from factcheck.commands.check import input_error_printer, load_all_rules
    from factcheck.config import load_config, override, path_selected
    from factcheck.load.language import normalize_lang
    from factcheck.store import ClaimStore, WriterLock, index_paths

    cfg = override(load_config(args.config), lang=args.lang, max_bytes=args.max_bytes, store=args.store,
                   story=args.story)
    lang = normalize_lang(cfg.lang) if cfg.lang else None  # a bad --lang is one error, not one per file
    rules = load_all_rules(cfg)
    path_filter = (lambda p: path_selected(p, cfg)) if (cfg.include or cfg.exclude) else None
    path = cfg.store_path()
    progress = progress_line() if sys.stderr.isatty() else None
    with WriterLock(path, timeout=args.wait):
        store = ClaimStore.rebuild(path) if args.rebuild else ClaimStore.open(path)
        try:
            result = index_paths(store, args.paths, lang=lang, max_bytes=cfg.max_bytes, jobs=args.jobs,
                                 prune=args.prune, path_filter=path_filter, known_rules=rules,
                                 on_error=input_error_printer(args), progress=progress,
                                 story=cfg.story or "auto")
        finally:
            store.close()
            clear_progress(progress)
    return finish(result)


def finish(result) -> int:
    """The run's warnings and its one-line summary; exit 2 after files that could not be read."""
    from factcheck.commands.check import input_errors_exit

    for warning in result.warnings:
        print(f"factcheck: warning: {warning}", file=sys.stderr)
    print(result.summary())
    return input_errors_exit(result.errors, 0)


def progress_line(verb: str = "extracted"):
    """On a terminal, one line on stderr that counts the articles as batches are written."""
    def show(result) -> None:
        print(f"\rindexing: {result.indexed} articles {verb}, {result.unchanged} unchanged",
              end="", file=sys.stderr, flush=True)

    return show


def clear_progress(progress) -> None:
    if progress is not None:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
