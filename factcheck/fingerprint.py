"""Stable identities for findings: what a baseline entry and a SARIF fingerprint key on.

A finding is identified by its rule id and, for each claim it cites, the claim's text and
subject (whitespace collapsed, lower-cased) and the article's file name. Line numbers and
offsets are left out on purpose, so an edit elsewhere in the file keeps the identity.
"""

from __future__ import annotations

import hashlib
import json

from factcheck.models import Claim, Finding


def normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def file_name(claim: Claim) -> str:
    if claim.article is not None:
        return claim.article.name
    return claim.path.replace("\\", "/").rsplit("/", 1)[-1]


def claim_key(claim: Claim) -> tuple[str, str, str]:
    return (normalise(claim.text), normalise(claim.subject), file_name(claim))


def finding_key(finding: Finding) -> tuple:
    """(rule id, sorted claim keys): equal for the same contradiction after unrelated edits."""
    return (finding.rule_id, tuple(sorted(claim_key(c) for c in finding.claims)))


def fingerprint(finding: Finding) -> str:
    """A hex digest of ``finding_key`` (SARIF ``partialFingerprints["factcheck/v1"]``)."""
    data = json.dumps(finding_key(finding), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
