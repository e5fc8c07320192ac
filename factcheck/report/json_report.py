"""``--format json``: one JSON object with every finding and the claims it cites.

``summary``: ``articles``, ``claims``, ``findings`` (per severity), ``hidden`` (findings
dropped by suppression comments, by the baseline, and likely revisions not shown), ``undated`` and ``partly_dated``
(articles without a full publication date), ``input_errors`` (files that could not be read).
Each finding carries its ``fingerprint``: the key a baseline entry and a desk decision
(``POST /api/decisions``) name it by, so a script can act on a finding without another format.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.fingerprint import fingerprint
from factcheck.models import Finding, Report


def finding_dict(finding: Finding) -> dict[str, Any]:
    """The finding as ``--format json`` and ``jsonl`` write it."""
    return {**finding.to_dict(), "fingerprint": fingerprint(finding)}


def render(report: Report) -> str:
    data = {
        "findings": [finding_dict(f) for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
