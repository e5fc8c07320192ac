"""``factcheck serve``: the desk (web pages and HTTP API) over a claim store: one web process,
and ``--workers`` processes that check drafts in parallel."""

from __future__ import annotations

import argparse
import os
import sys

from factcheck.errors import FactcheckError

TOKEN_ENV = "FACTCHECK_TOKEN"


class UsageError(FactcheckError):
    """``serve`` cannot start as asked (missing extra, a public address without a token)."""


def _port(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError("a port is from 0 to 65535")
    return n


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of workers") from None
    if not 0 <= n <= 64:
        raise argparse.ArgumentTypeError("give 0 to 64 workers (0: checks run in the web process)")
    return n


def add_parser(sub: argparse._SubParsersAction) -> None:
    from factcheck.commands.check import _bytes

    p = sub.add_parser("serve", help="the fact-checker's desk: web pages and an HTTP API over the claim store",
                       description="Serve the desk: check drafts against the claim store in a browser or through "
                                   "the HTTP API (POST /api/check), browse the archive, record decisions. Binds "
                                   f"to 127.0.0.1; any other address needs a token in ${TOKEN_ENV}. Needs the "
                                   "serve extra: pip install 'factcheck[serve]'.")
    p.add_argument("--store", metavar="FILE",
                   help="the claim store (default: config 'store', else .factcheck/store.sqlite)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_port, default=8321, help="port (default 8321)")
    p.add_argument("--root", action="append", metavar="DIR", dest="roots",
                   help="folder the desk may index (repeatable; default: the store's base folder)")
    p.add_argument("--max-bytes", type=_bytes, default=None, metavar="N",
                   help="largest request accepted, in bytes (default 10000000)")
    p.add_argument("--workers", type=_workers, default=None, metavar="N",
                   help="processes that check drafts in parallel, each with its own pipelines (default: the "
                        "number of CPUs, at most 4; 0: checks run one at a time in the web process)")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: .factcheck.toml or "
                   "pyproject.toml [tool.factcheck], searched upwards from the working directory)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.serve import missing_extra

    missing = missing_extra()
    if missing is not None:
        raise UsageError(f"factcheck serve needs the web extra ({missing} is missing): "
                         "install factcheck[serve] (pip install 'factcheck[serve]')")
    from factcheck.config import load_config, override
    from factcheck.serve.security import is_loopback
    from factcheck.store import store_base

    token = os.environ.get(TOKEN_ENV) or None
    if not is_loopback(args.host) and token is None:
        raise UsageError(f"--host {args.host} lets other machines connect: set {TOKEN_ENV} to a secret token "
                         "first (clients send it as Authorization: Bearer), or bind to 127.0.0.1")
    if token is not None and len(token) < 16:
        raise UsageError(f"{TOKEN_ENV} is too short: use at least 16 characters (e.g. python -c "
                         "\"import secrets; print(secrets.token_urlsafe(24))\")")
    cfg = override(load_config(args.config), store=args.store)
    store = cfg.store_path()
    roots = tuple(args.roots or (store_base(store),))
    for root in roots:
        if not os.path.isdir(root):
            raise UsageError(f"--root {root}: no such folder")
    from factcheck.serve.app import DEFAULT_MAX_BYTES, ServeConfig, create_app, serve_forever
    from factcheck.serve.pool import default_workers

    workers = default_workers() if args.workers is None else args.workers
    print(f"factcheck: opening {store} and loading the pipelines"
          + (f" in {workers} check worker{'s' if workers > 1 else ''}" if workers else "") + " …",
          file=sys.stderr, flush=True)
    app = create_app(ServeConfig(store=store, roots=roots, token=token, workers=workers,
                                 max_bytes=args.max_bytes or DEFAULT_MAX_BYTES))
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"factcheck: the desk is at http://{host}:{args.port}/ (Ctrl-C stops it)", file=sys.stderr, flush=True)
    serve_forever(app, args.host, args.port)
    return 0
