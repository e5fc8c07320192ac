"""The command line: parse arguments, call the library, print, return an exit code.

Exit codes follow linters (ruff, Vale): 0 nothing at or above the fail level, 1 findings,
2 usage or input errors. Every ``FactcheckError`` becomes one line on stderr and code 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from factcheck import __version__
from factcheck.commands import COMMANDS
from factcheck.errors import FactcheckError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find numeric contradictions between press reports.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, a usage error is 2
        return int(exc.code or 0)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
