"""``--format html``: one self-contained page (placeholder until the full report lands)."""

from __future__ import annotations

import html as _html
from typing import Sequence

from factcheck.models import Report, Rule


def render(report: Report, rules: Sequence[Rule] = ()) -> str:
    items = "".join(f"<li>{_html.escape(f.rule_id)} {_html.escape(f.message)}</li>" for f in report.findings)
    return f"<!doctype html><meta charset=utf-8><title>factcheck</title><ul>{items}</ul>\n"
