"""``--format json``: one JSON object with every finding and the claims it cites."""

from __future__ import annotations

import json

from factcheck.models import Report


def render(report: Report) -> str:
    data = {
        "findings": [f.to_dict() for f in report.findings],
        "summary": {
            "articles": len(report.articles),
            "claims": len(report.claims),
            "findings": report.counts(),
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
