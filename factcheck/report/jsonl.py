"""``--format jsonl``: one finding per line, the same object as in ``--format json``."""

from __future__ import annotations

import json

from factcheck.models import Report


def render(report: Report) -> str:
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in report.findings)
