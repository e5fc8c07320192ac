"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=…,line=…,col=…,endColumn=…,title=FC101 unit-slip::message``; warning is
``::warning``, info ``::notice``. The annotation sits on the first claim; the message names
the other passages. Escaping follows the Actions runner: ``%``, CR, LF in the message;
also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from factcheck.models import Report
from factcheck.report.locations import region, relative_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, root: str | None = None) -> str:
    lines = []
    for f in report.findings:
        message = f"{f.message} ({f.confidence_label})"
        props = [f"title={escape_property(f'{f.rule_id} {f.rule_name}')}"]
        if f.claims:
            first = f.claims[0]
            r = region(first)
            loc = [f"file={escape_property(relative_path(first.path, root))}", f"line={r.start_line}",
                   f"col={r.start_column}"]
            if r.end_line == r.start_line:
                loc.append(f"endColumn={r.end_column}")
            else:
                loc.append(f"endLine={r.end_line}")
            props = loc + props
            others = [f"{relative_path(c.path, root)}:{region(c).start_line}: {c.text}" for c in f.claims[1:]]
            if others:
                message += "\n" + "\n".join(f"see {o}" for o in others)
        lines.append(f"::{COMMAND.get(f.severity, 'warning')} {','.join(props)}::{escape_data(message)}\n")
    return "".join(lines)
