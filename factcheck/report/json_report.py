"""``--format json``: one JSON object with every finding and the claims it cites.

``summary``: ``articles``, ``claims``, ``findings`` (per severity), ``hidden`` (findings
dropped by suppression comments, by the baseline, and likely revisions not shown), ``undated`` and ``partly_dated``
(articles without a full publication date), ``input_errors`` (files that could not be read).
"""

from __future__ import annotations

import json

from factcheck.models import Report


def render(report: Report) -> str:
    data = {
        "findings": [f.to_dict() for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
