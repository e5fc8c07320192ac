"""Baseline (waiver) files: findings a team has reviewed and accepted.

``factcheck check --write-baseline FILE`` writes the current findings; ``--baseline FILE``
drops the findings listed in it, so only new ones fail the build. An entry is keyed on
the rule id and, for each claim, its text, its subject and the article's file name
(see ``factcheck.fingerprint``), never on line numbers: editing another paragraph does
not bring an accepted finding back. ``reason`` and ``reviewer`` are left for humans.

YAML unless the file name ends in ``.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from factcheck import yamlfile
from factcheck.errors import ConfigError
from factcheck.fingerprint import claim_key, file_name, finding_key, normalise
from factcheck.models import Finding

VERSION = 1
_HEADER = ("# factcheck baseline: accepted findings, matched on rule + claim text, subject and file name.\n"
           "# Fill in 'reason' and 'reviewer'; delete an entry to make its finding fail again.\n")


def _entry(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule_id,
        "name": f.rule_name,
        "message": f.message,
        "claims": [{"text": c.text, "subject": c.subject, "file": file_name(c)} for c in f.claims],
        "reason": "",
        "reviewer": "",
    }


def render(findings: Iterable[Finding], json_format: bool = False) -> str:
    data = {"version": VERSION, "findings": [_entry(f) for f in findings]}
    if json_format:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _key(entry: Any, where: str) -> tuple:
    if not isinstance(entry, dict) or not isinstance(entry.get("rule"), str) or \
            not isinstance(entry.get("claims"), list):
        raise ConfigError(f"{where}: each entry needs 'rule' and a list of 'claims'")
    keys = []
    for c in entry["claims"]:
        if not isinstance(c, dict) or not isinstance(c.get("text"), str):
            raise ConfigError(f"{where}: each claim needs 'text' (and 'subject', 'file')")
        keys.append((normalise(c["text"]), normalise(str(c.get("subject") or "")), str(c.get("file") or "")))
    return (entry["rule"].upper(), tuple(sorted(keys)))


@dataclass(slots=True)
class Baseline:
    path: str
    keys: set[tuple] = field(default_factory=set)

    def __contains__(self, finding: Finding) -> bool:
        return finding_key(finding) in self.keys

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if f not in self]


def load(path: str) -> Baseline:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file; create it with --write-baseline {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({exc})") from None
    try:
        data = json.loads(text) if p.suffix == ".json" else yamlfile.load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: invalid baseline file: {str(exc).splitlines()[0]}") from None
    if data is None:
        data = {"findings": []}
    if not isinstance(data, dict) or not isinstance(data.get("findings", []), list):
        raise ConfigError(f"{path}: a baseline is a mapping with a 'findings' list")
    entries = data.get("findings") or []
    return Baseline(path, {_key(e, f"{path}: findings[{i}]") for i, e in enumerate(entries)})


__all__ = ["Baseline", "load", "render", "claim_key"]
