"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning (``upload-sarif``).

One run; ``tool.driver.rules`` describes the loaded rules (doc, examples, default level);
one result per finding, located at its first claim (under ``--changed-since``, a claim of a
changed article) with the other claims as ``relatedLocations``, linked from the message. ``partialFingerprints["factcheck/v1"]`` hashes the rule id and the
claims' text, subject and file name, never line numbers, so an alert survives edits
elsewhere in the article.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from factcheck.fingerprint import fingerprint
from factcheck.models import Claim, Finding, Report, Rule
from factcheck.report.locations import region, relative_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/factcheck/factcheck"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _help(rule: Rule) -> str:
    parts = [rule.doc]
    for label, examples in (("Bad (fires)", rule.bad), ("Good (quiet)", rule.good)):
        if examples:
            parts.append(f"{label}:")
            parts += [" / ".join(f"« {p} »" for p in ex.passages) for ex in examples]
    return "\n".join(parts)


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.id} {rule.name}"},
        "fullDescription": {"text": rule.doc},
        "help": {"text": _help(rule)},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": {"kind": rule.kind, "tags": [rule.kind]},
    }


def _location(claim: Claim, root: str | None, index: int | None = None) -> dict[str, Any]:
    r = region(claim)
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": relative_path(claim.path, root), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": r.start_line, "startColumn": r.start_column,
                       "endLine": r.end_line, "endColumn": r.end_column,
                       "snippet": {"text": claim.text}},
        }
    }
    if index is not None:
        loc["id"] = index
        loc["message"] = {"text": f"{claim.text} ({claim.subject})" if claim.subject else claim.text}
    return loc


def _message(f: Finding, root: str | None) -> str:
    """The finding's message; the other claims are linked to their ``relatedLocations`` by id
    (``[a.md:7](1)``), which code scanning shows as links."""
    others = [f"[{relative_path(c.path, root)}:{region(c).start_line}]({i})" for i, c in enumerate(f.claims[1:], 1)]
    text = f.message.replace("[", "\\[").replace("]", "\\]")
    return text + (f" (see {', '.join(others)})" if others else "")


def render(report: Report, rules: Sequence[Rule] = (), root: str | None = None, version: str | None = None) -> str:
    if version is None:
        from factcheck import __version__ as version
    rules = list(rules)
    known = {r.id for r in rules}
    # a finding whose rule was not passed still needs a descriptor for ruleIndex
    for f in report.findings:
        if f.rule_id not in known:
            known.add(f.rule_id)
            rules.append(Rule(id=f.rule_id, name=f.rule_name, kind=f.kind, severity=f.severity,
                              message={}, doc=f.rule_name))
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": LEVEL.get(f.severity, "warning"),
            "message": {"text": _message(f, root)},
            "locations": [_location(c, root) for c in f.claims[:1]],
            "partialFingerprints": {"factcheck/v1": fingerprint(f)},
            "properties": {"confidence": f.confidence, "why": list(f.why)},
        }
        if len(f.claims) > 1:
            result["relatedLocations"] = [_location(c, root, i) for i, c in enumerate(f.claims[1:], 1)]
        results.append(result)
    data = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": version,
                "semanticVersion": version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(r) for r in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the repository root"}}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
