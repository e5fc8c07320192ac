"""``factcheck index --engine ray`` and ``factcheck index --import DIR``: the options and the runs.

``--engine ray``: plan (which files changed, against the store), extract the changed files
on Ray into Parquet shards (``--shards DIR``, default ``<store>.shards`` beside the store),
then import the shards into the store: the store ends as the in-process index leaves it.
``--shards-only`` stops after the shards (a job on a cluster that cannot reach the store);
``factcheck index --import DIR`` loads them later. ``--prune`` works as for the local engine.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

ENGINES = ("local", "ray")


def add_engine_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("engines (factcheck[ray])")
    g.add_argument("--engine", choices=ENGINES, default="local",
                   help="where extraction runs: in this process (local, default) or on Ray (ray: a local Ray "
                        "with --jobs CPUs, or the cluster RAY_ADDRESS names); --jobs is then the number of actors")
    g.add_argument("--shards", metavar="DIR",
                   help="with --engine ray: the folder (or s3://, gs://... URI) the Parquet shards are written to "
                        "(default: beside the store, <store>.shards)")
    g.add_argument("--shards-only", action="store_true",
                   help="with --engine ray: write the shards and stop (import them later with --import DIR)")
    g.add_argument("--import", dest="import_dir", metavar="DIR",
                   help="load the shards of a --engine ray run into the store (no PATH)")


def wants_engine(args: argparse.Namespace) -> bool:
    """True when the options ask for something the local indexer does not do."""
    return args.engine != "local" or bool(args.import_dir) or bool(args.shards) or args.shards_only


def default_shards(store_path: str) -> str:
    root, ext = os.path.splitext(store_path)
    return (root if ext else store_path) + ".shards"


def _usage(args: argparse.Namespace) -> None:
    from factcheck.errors import ConfigError

    if args.import_dir:
        if args.paths:
            raise ConfigError("--import DIR loads shards and takes no PATH; index the PATHs in another run")
        if args.engine != "local" or args.shards or args.shards_only or args.prune:
            raise ConfigError("--import DIR goes alone (not with --engine, --shards, --shards-only or --prune)")
        return
    if args.engine != "ray":
        raise ConfigError("--shards and --shards-only go with --engine ray")
    if not args.paths:
        raise ConfigError("no input given; pass article files or folders")
    if args.shards_only and (args.prune or args.rebuild):
        raise ConfigError("--shards-only writes no store: --prune and --rebuild do not apply")


def run(args: argparse.Namespace) -> int:
    from factcheck.commands.check import input_error_printer, input_errors_exit, load_all_rules
    from factcheck.config import load_config, override, path_selected
    from factcheck.load.language import normalize_lang
    from factcheck.store import ClaimStore, IndexResult, WriterLock, pipeline_fingerprint, store_base

    _usage(args)
    clock = time.perf_counter()
    cfg = override(load_config(args.config), lang=args.lang, max_bytes=args.max_bytes, store=args.store,
                   story=args.story)
    path = cfg.store_path()
    on_error = input_error_printer(args)
    progress = _progress() if sys.stderr.isatty() else None
    result = IndexResult()
    if args.import_dir:
        from factcheck.engines.importer import import_shards

        with WriterLock(path, timeout=args.wait):
            store = ClaimStore.rebuild(path) if args.rebuild else ClaimStore.open(path)
            try:
                import_shards(store, args.import_dir, result=result, on_error=on_error, progress=progress,
                              story=cfg.story or "auto")
            finally:
                store.close()
                _clear(progress)
        return _finish(result, clock)

    from factcheck.engines import plan as planning
    from factcheck.engines import ray as engine  # MissingExtraError without Ray
    from factcheck.engines.importer import import_shards

    lang = normalize_lang(cfg.lang) if cfg.lang else None
    rules = load_all_rules(cfg)
    path_filter = (lambda p: path_selected(p, cfg)) if (cfg.include or cfg.exclude) else None
    shards_dir = args.shards or default_shards(path)
    fingerprint = pipeline_fingerprint()

    def make_shards(states) -> planning.Plan:
        found = planning.plan(args.paths, states, store_base(path), fingerprint, lang or "", cfg.max_bytes,
                              path_filter, on_error)
        result.unchanged += found.unchanged
        result.errors.extend(found.errors)
        engine.run(found.work, shards_dir, fingerprint=fingerprint, base=store_base(path), lang=lang,
                   max_bytes=cfg.max_bytes, known_rules=rules, jobs=args.jobs)
        return found

    if args.shards_only:
        states = {}
        if os.path.exists(path):
            with ClaimStore.open(path, readonly=True) as store:
                states = store.file_states()
        found = make_shards(states)
        print(f"shards: {len(found.work)} files to import in {shards_dir}, unchanged {result.unchanged}; "
              f"factcheck index --import {shards_dir}")
        return input_errors_exit(result.errors, 0)
    with WriterLock(path, timeout=args.wait):
        store = ClaimStore.rebuild(path) if args.rebuild else ClaimStore.open(path)
        try:
            states = store.file_states()
            found = make_shards(states)
            result.removed += found.stale_articles
            remove = list(found.stale)
            if args.prune:
                gone = planning.gone(states, found, args.paths)
                result.removed += sum(states[real].articles for real in gone)
                remove.extend(gone)
            import_shards(store, shards_dir, result=result, remove=remove, on_error=on_error, progress=progress,
                          story=cfg.story or "auto")
        finally:
            store.close()
            _clear(progress)
    return _finish(result, clock)


def _finish(result, clock: float) -> int:
    from factcheck.commands.index import finish

    result.seconds = time.perf_counter() - clock
    return finish(result)


def _progress():
    from factcheck.commands.index import progress_line

    return progress_line("imported")


def _clear(progress) -> None:
    from factcheck.commands.index import clear_progress

    clear_progress(progress)
