"""``factcheck check PATH...``: numeric contradictions between articles and inside each one."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from factcheck.commands.extract import add_jobs_argument
from factcheck.errors import InputError
from factcheck.models import SEVERITIES, Report, Rule, severity_rank
from factcheck.output import write_output

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "html")


def add_config_flags(p: argparse.ArgumentParser) -> None:
    """Flags that override the configuration file (shared with ``factcheck config``)."""
    p.add_argument("--config", metavar="FILE", help="configuration file (default: .factcheck.toml or "
                   "pyproject.toml [tool.factcheck], searched upwards from the working directory)")
    p.add_argument("--lang", help="language of articles that do not declare one (fr, en)")
    p.add_argument("--select", action="append", metavar="RULES",
                   help="only these rules: ids, id prefixes or names (FC101,FC2,rounding)")
    p.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules: ids, id prefixes or names")
    p.add_argument("--fail-on", choices=SEVERITIES, default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--rule-dir", action="append", metavar="DIR", dest="rule_dirs",
                   help="extra folder of rule files (repeatable)")
    add_max_bytes_argument(p)
    add_story_argument(p)


def add_story_argument(p: argparse.ArgumentParser) -> None:
    from factcheck.config import STORY_MODES

    p.add_argument("--story", choices=STORY_MODES, default=None,
                   help="which articles are compared: folder (the articles of one folder; default of check) "
                        "or auto (grouped by the events they report; default of index); a story named in front "
                        "matter always wins (config: story)")


def _bytes(value: str) -> int:
    try:
        n = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of bytes") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def add_max_bytes_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-bytes", type=_bytes, default=None, metavar="N",
                   help="refuse article files larger than N bytes (default: 20000000; config: max-bytes)")


def add_input_arguments(p: argparse.ArgumentParser) -> None:
    """How bad input is met: every bad file reported, or a stop at the first."""
    p.add_argument("--strict-input", action="store_true",
                   help="stop at the first file that cannot be read (default: report each bad file on "
                        "stderr, check the others, exit 2 at the end)")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="on stderr, one note per article whose publication date is missing or partial "
                        "(what it leaves unchecked)")


def print_date_notes(articles) -> None:
    """``--verbose``: one line per article without a full publication date."""
    for article in articles:
        note = article.date_note()
        if note:
            print(f"factcheck: note: {article.label}: {note}", file=sys.stderr)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="find numeric contradictions",
                       description="Find numeric contradictions between articles and inside each one. "
                                   "Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on errors.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files or folders (a folder is a story, unless --story auto)")
    p.add_argument("--format", action="append", type=output_spec, metavar="FORMAT[:PATH]", dest="formats",
                   help=f"report format ({', '.join(FORMATS)}; default text), with ':PATH' to write it to a file. "
                        "Repeat it to write several reports from one run, e.g. "
                        "--format github --format sarif:factcheck.sarif")
    p.add_argument("--output", "-o", help="write the report that has no ':PATH' to this file instead of stdout")
    add_config_flags(p)
    p.add_argument("--baseline", metavar="FILE", help="drop the findings listed in this baseline file")
    p.add_argument("--write-baseline", metavar="FILE",
                   help="write the findings to this baseline file (YAML, or JSON for *.json) and exit 0")
    p.add_argument("--changed-since", metavar="REF",
                   help="report only findings citing an article changed since this git ref "
                        "(git diff REF...HEAD, plus uncommitted and untracked files)")
    p.add_argument("--against", metavar="STORE",
                   help="treat PATHs as drafts: compare each with the archived articles of its story in this "
                        "claim store (factcheck index) and report only findings that cite a draft")
    p.add_argument("--server", metavar="URL",
                   help="treat PATHs as drafts checked by a running 'factcheck serve' at URL (e.g. "
                        "http://127.0.0.1:8321) against its store: no model is loaded here; "
                        "$FACTCHECK_TOKEN is sent when set")
    p.add_argument("--no-suppress", action="store_true", help="ignore <!-- factcheck: ignore/off --> comments")
    add_input_arguments(p)
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="P",
                   help="drop pair findings whose same-fact confidence is below P (0 to 1; default 0)")
    p.add_argument("--revisions", action="store_true",
                   help="also report, as info, figures that differ between articles about different days "
                        "of an evolving count (likely revisions; counted in the summary otherwise)")
    add_jobs_argument(p)
    p.set_defaults(run=run)


def output_spec(value: str) -> tuple[str, str | None]:
    """``FORMAT`` or ``FORMAT:PATH`` → (format, path or None); a path of ``-`` is stdout."""
    fmt, sep, path = value.partition(":")
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise argparse.ArgumentTypeError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    if sep and not path:
        raise argparse.ArgumentTypeError(f"'{value}': give a file after the colon, e.g. {fmt}:report.{fmt}")
    return fmt, (path if sep else None)


def plan_outputs(formats: list[tuple[str, str | None]] | None, output: str | None) -> list[tuple[str, str | None]]:
    """Where each report goes: its own path, else ``--output``, else stdout (``None`` in the plan).

    Two reports cannot share stdout, nor one file.
    """
    plan = [(fmt, path if path is not None else (output or "-")) for fmt, path in (formats or [("text", None)])]
    by_place: dict[str, list[str]] = {}
    for fmt, path in plan:
        by_place.setdefault("-" if path == "-" else os.path.realpath(path), []).append(fmt)
    for place, fmts in by_place.items():
        if len(fmts) > 1:
            where = "stdout" if place == "-" else next(p for f, p in plan if f == fmts[0])
            raise InputError(f"--format: {', '.join(fmts)} would all be written to {where}; "
                             f"give each report its own file, e.g. --format {fmts[-1]}:report.{fmts[-1]}")
    return [(fmt, None if path == "-" else path) for fmt, path in plan]


def exit_code(report: Report, fail_on: str) -> int:
    threshold = severity_rank(fail_on)
    return 1 if any(severity_rank(f.severity) >= threshold for f in report.findings) else 0


def _git(args: list[str], cwd: str | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, timeout=60, check=False, cwd=cwd)
    except (OSError, subprocess.SubprocessError) as exc:
        raise InputError(f"cannot run git ({exc}); --changed-since needs git") from None


def repo_root() -> str:
    """The git work tree's top folder (SARIF/GitHub paths are relative to it), else the cwd."""
    try:
        out = _git(["rev-parse", "--show-toplevel"])
    except InputError:
        return os.getcwd()
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else os.getcwd()


def changed_files(ref: str) -> set[str]:
    """Absolute paths of files changed since ``ref`` (committed, uncommitted, untracked)."""
    top = _git(["rev-parse", "--show-toplevel"])
    if top.returncode != 0:
        raise InputError("--changed-since: not inside a git repository")
    root = top.stdout.strip()
    out: set[str] = set()
    for args in (["diff", "--name-only", f"{ref}...HEAD"], ["diff", "--name-only", "HEAD"],
                 ["ls-files", "--others", "--exclude-standard"]):
        res = _git(args, cwd=root)
        if res.returncode != 0:
            msg = (res.stderr.strip().splitlines() or ["git failed"])[0]
            raise InputError(f"--changed-since {ref}: {msg}; fetch the ref first (git fetch origin)")
        out.update(os.path.join(root, line) for line in res.stdout.splitlines() if line.strip())
    return out


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


def resolve_config(args: argparse.Namespace):
    from factcheck.config import load_config, override

    cfg = load_config(args.config)
    return override(cfg, lang=args.lang, select=args.select, ignore=args.ignore, fail_on=args.fail_on,
                    rule_dirs=args.rule_dirs, max_bytes=args.max_bytes, story=args.story)


def input_error_printer(args: argparse.Namespace):
    """``None`` under ``--strict-input`` (the first bad file stops the run), else a function
    that prints each bad file as one line on stderr, as it is met."""
    if args.strict_input:
        return None

    def report(exc: InputError) -> None:
        print(f"factcheck: error: {exc}", file=sys.stderr, flush=True)

    return report


def load_all_rules(cfg) -> list[Rule]:
    """Every rule the configuration can see (built-in and its rule-dirs), before select/ignore."""
    from factcheck.rules import default_rule_dirs, load_rules

    return load_rules([*default_rule_dirs(), *cfg.rule_dirs])


def load_configured_rules(cfg, all_rules: list[Rule] | None = None) -> list[Rule]:
    from factcheck.config import configure_rules

    return configure_rules(all_rules if all_rules is not None else load_all_rules(cfg), cfg)


def run(args: argparse.Namespace) -> int:
    from factcheck import api, baseline

    if not 0.0 <= args.min_confidence <= 1.0:
        raise InputError(f"--min-confidence {args.min_confidence}: give a probability from 0 to 1")
    from factcheck.config import path_selected
    from factcheck.progress import stage_progress

    outputs = plan_outputs(args.formats, args.output)
    cfg = resolve_config(args)
    all_rules = load_all_rules(cfg)
    rules = load_configured_rules(cfg, all_rules)
    # a new baseline lists every current finding, so an old one is not applied while writing it
    base = baseline.load(args.baseline) if args.baseline and not args.write_baseline else None
    changed = changed_files(args.changed_since) if args.changed_since else None
    path_filter = (lambda p: path_selected(p, cfg)) if (cfg.include or cfg.exclude) else None
    if args.server:
        report = remote_report(args, cfg, rules, base)
    else:
        with stage_progress() as progress:
            report = api.check(args.paths, lang=cfg.lang, rules=rules, path_filter=path_filter,
                               suppress=not args.no_suppress, baseline=base, changed=changed, progress=progress,
                               n_process=args.jobs, min_confidence=args.min_confidence, max_bytes=cfg.max_bytes,
                               on_input_error=input_error_printer(args), known_rules=all_rules,
                               story=cfg.story or "folder", against=args.against, revisions=args.revisions)
    for warning in report.warnings:
        print(f"factcheck: warning: {warning}", file=sys.stderr)
    if args.verbose:
        print_date_notes(report.articles)
    if args.write_baseline:
        write_output(baseline.render(report.findings, json_format=args.write_baseline.endswith(".json")),
                     args.write_baseline)
        print(f"factcheck: wrote {len(report.findings)} finding(s) to {args.write_baseline}", file=sys.stderr)
        return input_errors_exit(report.input_errors, 0)
    root = repo_root() if any(fmt in ("sarif", "github", "junit") for fmt, _ in outputs) else None
    for fmt, path in outputs:
        color = path is None and sys.stdout.isatty()
        write_output(render(report, fmt, color, rules=rules, fail_on=cfg.fail_on, root=root), path)
    return input_errors_exit(report.input_errors, exit_code(report, cfg.fail_on))


def remote_report(args: argparse.Namespace, cfg, rules: list[Rule], base) -> Report:
    """``--server URL``: the drafts checked by a running desk, then filtered here as a local
    check filters (the selected rules, --min-confidence, the baseline)."""
    from factcheck.remote import check_remote

    if args.against or args.changed_since or args.no_suppress or args.revisions:
        raise InputError("--server checks drafts against the server's store: it does not combine with "
                         "--against, --changed-since, --no-suppress or --revisions")
    report = check_remote(args.server, args.paths, lang=cfg.lang, max_bytes=cfg.max_bytes)
    selected = {r.id for r in rules}
    report.findings = [f for f in report.findings if f.rule_id in selected
                       and (len({c.article_key for c in f.claims}) < 2 or f.confidence >= args.min_confidence)]
    if base is not None:
        kept = base.filter(report.findings)
        report.hidden["baseline"] = len(report.findings) - len(kept)
        report.findings = kept
    return report


def input_errors_exit(errors: list[str], code: int) -> int:
    """Exit 2 after a run that skipped bad files (each was reported on stderr as it was met)."""
    return 2 if errors else code
