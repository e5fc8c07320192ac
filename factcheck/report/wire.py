"""A whole ``Report`` as JSON and back: how ``factcheck serve`` hands a check to
``factcheck check --server``.

The client renders the report itself (text, SARIF, JUnit … need the articles' texts and
every claim), so the wire carries the compared articles, the claims as their lossless
records and the findings as indexes into the claims. ``--format json`` stays the public
document; this one is for factcheck talking to factcheck, and carries its own version.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from factcheck.models import Article, Claim, Finding, Report

VERSION = 1
_ARTICLE_FIELDS = ("path", "text", "file_text", "offset", "id", "title", "source", "date_precision", "lang", "story")


def _article(a: Article) -> dict[str, Any]:
    data = {k: getattr(a, k) for k in _ARTICLE_FIELDS}
    data["date"] = a.date.isoformat() if a.date else None
    data["event_day"] = a.event_day.isoformat() if a.event_day else None
    data["meta"] = json.loads(json.dumps(a.meta, ensure_ascii=False, default=str))
    return data


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def to_wire(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (``from_wire`` gives back an equivalent report)."""
    index = {id(c): i for i, c in enumerate(report.claims)}
    claims = [c.to_record() for c in report.claims]
    findings = []
    for f in report.findings:
        refs = []
        for c in f.claims:
            if id(c) not in index:  # a claim a rule rebuilt: carried along
                index[id(c)] = len(claims)
                claims.append(c.to_record())
            refs.append(index[id(c)])
        findings.append({"rule_id": f.rule_id, "rule_name": f.rule_name, "severity": f.severity,
                         "message": f.message, "kind": f.kind, "confidence": f.confidence, "why": list(f.why),
                         "claims": refs})
    return {"version": VERSION, "articles": [_article(a) for a in report.articles], "claims": claims,
            "n_claims": len(report.claims),
            "findings": findings, "input_errors": list(report.input_errors), "hidden": dict(report.hidden),
            "warnings": list(report.warnings), "seconds": report.seconds,
            "started": report.started.isoformat() if report.started else None}


def from_wire(data: dict[str, Any], rename: dict[str, str] | None = None) -> Report:
    """The report ``to_wire`` wrote. ``rename`` maps an article path to another (a draft the
    server knew by its file name becomes the path the client gave): its claims follow."""
    rename = rename or {}
    if data.get("version") != VERSION:
        raise ValueError(f"report wire version {data.get('version')!r}, this factcheck reads {VERSION}")
    articles = []
    for a in data["articles"]:
        fields = {k: a[k] for k in _ARTICLE_FIELDS}
        fields["path"] = rename.get(fields["path"], fields["path"])
        articles.append(Article(**fields, date=_date(a.get("date")), event_day=_date(a.get("event_day")),
                                meta=dict(a.get("meta") or {})))
    claims = []
    for record in data["claims"]:
        claim = Claim.from_record(record)
        if claim.path in rename or (claim.article is not None and claim.article.path in rename):
            info = claim.article
            if info is not None:
                info = dataclasses.replace(info, path=rename.get(info.path, info.path))
            claim = dataclasses.replace(claim, path=rename.get(claim.path, claim.path), article=info)
        claims.append(claim)
    findings = [Finding(rule_id=f["rule_id"], rule_name=f["rule_name"], severity=f["severity"], message=f["message"],
                        claims=tuple(claims[i] for i in f["claims"]), kind=f.get("kind", ""),
                        confidence=f.get("confidence", 1.0), why=tuple(f.get("why") or ()))
                for f in data["findings"]]
    n_listed = int(data.get("n_claims", len(claims)))
    started = dt.datetime.fromisoformat(data["started"]) if data.get("started") else None
    return Report(articles=articles, claims=claims[:n_listed], findings=findings,
                  input_errors=list(data.get("input_errors") or ()), hidden=dict(data.get("hidden") or {}),
                  warnings=list(data.get("warnings") or ()), started=started, seconds=data.get("seconds"))
