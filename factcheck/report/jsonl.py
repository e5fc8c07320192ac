"""``--format jsonl``: one finding per line, the same object as in ``--format json``."""

from __future__ import annotations

import json

from factcheck.models import Report
from factcheck.report.json_report import finding_dict


def render(report: Report) -> str:
    return "".join(json.dumps(finding_dict(f), ensure_ascii=False) + "\n" for f in report.findings)
