"""``factcheck check PATH...``: numeric contradictions between articles and inside each one."""

from __future__ import annotations

import argparse
import sys

from factcheck.models import SEVERITIES, Report, severity_rank
from factcheck.output import write_output

FORMATS = ("text", "json")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="find numeric contradictions",
                       description="Find numeric contradictions between articles and inside each one. "
                                   "Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on errors.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (a folder is a story)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--lang", help="language of articles that do not declare one (fr, en)")
    p.add_argument("--fail-on", choices=SEVERITIES, default="warning",
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    p.set_defaults(run=run)


def exit_code(report: Report, fail_on: str) -> int:
    threshold = severity_rank(fail_on)
    return 1 if any(severity_rank(f.severity) >= threshold for f in report.findings) else 0


def render(report: Report, fmt: str, color: bool) -> str:
    if fmt == "json":
        from factcheck.report import json_report

        return json_report.render(report)
    from factcheck.report import text

    return text.render(report, color=color)


def run(args: argparse.Namespace) -> int:
    from factcheck.api import check

    report = check(args.paths, lang=args.lang)
    color = args.output is None and sys.stdout.isatty()
    write_output(render(report, args.format, color), args.output)
    return exit_code(report, args.fail_on)
