"""``factcheck config``: the resolved configuration and where each value came from."""

from __future__ import annotations

import argparse

from factcheck.commands.check import add_config_flags
from factcheck.output import write_output


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="show the resolved configuration",
                       description="Print the configuration check would use, and where each value comes "
                                   "from: default, the configuration file, or a flag.")
    add_config_flags(p)
    p.set_defaults(run=run)


def render(rows: list[tuple[str, str, str]]) -> str:
    """One ``key = value    # from`` line per setting, aligned, easy to grep."""
    kw = max(len(k) for k, _, _ in rows)
    vw = min(60, max(len(v) for _, v, _ in rows))
    return "".join(f"{k:<{kw}} = {v:<{vw}}  # {src}\n" for k, v, src in rows)


def run(args: argparse.Namespace) -> int:
    from factcheck.commands.check import load_configured_rules, resolve_config
    from factcheck.config import describe

    cfg = resolve_config(args)
    rules = load_configured_rules(cfg)  # validates select/ignore/per-rule settings against the rules
    rows = describe(cfg)
    rows.append(("rules run", ", ".join(f"{r.id}:{r.severity}" for r in rules), "resolved"))
    write_output(render(rows), None)
    return 0
