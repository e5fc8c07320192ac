"""``factcheck rules [ID]``: the rule table, or one rule's full doc with its examples."""

from __future__ import annotations

import argparse
import io
import sys

from rich.console import Console
from rich.table import Table

from factcheck.errors import ConfigError
from factcheck.models import Rule
from factcheck.output import write_output


def add_parser(sub: argparse._SubParsersAction) -> None:
    from factcheck.commands.check import add_config_flags

    p = sub.add_parser("rules", help="list the rules, or show one",
                       description="List the rules the configuration enables (id, name, severity, kind, doc), "
                                   "or show one rule's documentation with its bad and good examples.")
    p.add_argument("rule", nargs="?", metavar="RULE", help="a rule id or name, e.g. FC101 or unit-slip")
    add_config_flags(p)
    p.set_defaults(run=run)


def _first_sentence(doc: str) -> str:
    end = doc.find(". ")
    return doc if end == -1 else doc[:end + 1]


def render_table(rules: list[Rule], color: bool = False, width: int = 120) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    table = Table(box=None)
    for name in ("id", "name", "severity", "kind"):
        table.add_column(name, no_wrap=True)
    used = sum(max([len(name), *(len(getattr(r, name) or "") for r in rules)]) + 2
               for name in ("id", "name", "severity", "kind"))
    room = max(20, width - used - 3)
    table.add_column("doc", no_wrap=True, max_width=room)
    for r in rules:
        doc = _first_sentence(r.doc)
        table.add_row(r.id, r.name, r.severity, r.kind, doc if len(doc) <= room else doc[:room - 1] + "…")
    console.print(table)
    return buf.getvalue()


def render_rule(rule: Rule) -> str:
    lines = [f"{rule.id} {rule.name}", "",
             f"severity: {rule.severity}", f"kind:     {rule.kind}"]
    if rule.params:
        lines.append("params:   " + ", ".join(f"{k}={v}" for k, v in rule.params.items()))
    lines += ["", rule.doc, "", "Message:"]
    lines += [f"  {lang}: {tmpl}" for lang, tmpl in rule.message.items()]
    for label, examples in (("Bad (the rule fires):", rule.bad), ("Good (the rule stays quiet):", rule.good)):
        if examples:
            lines += ["", label]
            for ex in examples:
                tag = f"[{ex.lang}] " if ex.lang != "fr" else ""
                lines.append(f"  - {tag}" + "\n    ".join(f"« {p} »" for p in ex.passages))
    if rule.path:
        lines += ["", f"file: {rule.path}"]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from factcheck.commands.check import load_configured_rules, resolve_config
    from factcheck.rules import default_rule_dirs, load_rules

    cfg = resolve_config(args)
    if args.rule:
        from factcheck.rules.names import did_you_mean, find_rule

        # show any known rule, even one the configuration ignores (with its configured settings if any)
        by_id = {r.id: r for r in load_rules([*default_rule_dirs(), *cfg.rule_dirs])}
        by_id.update({r.id: r for r in load_configured_rules(cfg)})
        rule = find_rule(args.rule, list(by_id.values()))
        if rule is None:
            raise ConfigError(f"no rule {args.rule}{did_you_mean(args.rule, list(by_id.values()))}")
        write_output(render_rule(rule), None)
        return 0
    write_output(render_table(load_configured_rules(cfg), color=sys.stdout.isatty()), None)
    return 0
