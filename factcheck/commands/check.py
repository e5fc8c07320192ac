"""``factcheck check PATH...``: numeric contradictions between articles and inside each one."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from factcheck.models import SEVERITIES, Report, Rule, severity_rank
from factcheck.output import write_output

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "html")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="find numeric contradictions",
                       description="Find numeric contradictions between articles and inside each one. "
                                   "Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on errors.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (a folder is a story)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--lang", help="language of articles that do not declare one (fr, en)")
    p.add_argument("--fail-on", choices=SEVERITIES, default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    p.set_defaults(run=run)


def exit_code(report: Report, fail_on: str) -> int:
    threshold = severity_rank(fail_on)
    return 1 if any(severity_rank(f.severity) >= threshold for f in report.findings) else 0


def repo_root() -> str:
    """The git work tree's top folder (SARIF/GitHub paths are relative to it), else the cwd."""
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True,
                             timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return os.getcwd()
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else os.getcwd()


def render(report: Report, fmt: str, color: bool = False, *, rules: list[Rule] = (), fail_on: str = "warning",
           root: str | None = None) -> str:
    from factcheck import __version__
    from factcheck.report import github, html, json_report, jsonl, junit, sarif, text

    if fmt == "json":
        return json_report.render(report)
    if fmt == "jsonl":
        return jsonl.render(report)
    if fmt == "sarif":
        return sarif.render(report, rules, root=root, version=__version__)
    if fmt == "junit":
        return junit.render(report, fail_on=fail_on, root=root)
    if fmt == "github":
        return github.render(report, root=root)
    if fmt == "html":
        return html.render(report, rules=rules)
    return text.render(report, color=color)


def run(args: argparse.Namespace) -> int:
    from factcheck import api
    from factcheck.rules import load_rules

    fail_on = args.fail_on or "warning"
    rules = load_rules()
    report = api.check(args.paths, lang=args.lang, rules=rules)
    color = args.output is None and sys.stdout.isatty()
    root = repo_root() if args.format in ("sarif", "github", "junit") else None
    write_output(render(report, args.format, color, rules=rules, fail_on=fail_on, root=root), args.output)
    return exit_code(report, fail_on)
