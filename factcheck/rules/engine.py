"""Apply configured rules to aligned claims and return findings in a deterministic order."""

from __future__ import annotations

from typing import Iterable, Sequence

from factcheck.align import Candidate, align
from factcheck.models import Article, Claim, Finding, Rule
from factcheck.rules.kinds import KINDS, CheckContext, Kind


def _articles_of(claims: Iterable[Claim]) -> list[Article]:
    seen: dict[int, Article] = {}
    for c in claims:
        if c.article is not None:
            seen.setdefault(id(c.article), c.article)
    return list(seen.values())


def _pair_key(cand: Candidate) -> tuple:
    return tuple(sorted(((cand.a.path, cand.a.start, cand.a.end), (cand.b.path, cand.b.start, cand.b.end))))


def _sort_key(f: Finding) -> tuple:
    first = f.claims[0] if f.claims else None
    return ((first.path, first.start) if first else ("", 0), f.rule_id,
            tuple((c.path, c.start, c.end) for c in f.claims))


def apply_rules(claims: Sequence[Claim], rules: Sequence[Rule], *,
                candidates: Sequence[Candidate] | None = None,
                articles: Sequence[Article] | None = None) -> list[Finding]:
    """Run every enabled rule. Pair rules see each aligned pair in priority order, and the
    first rule that fires on a pair owns it (a unit slip is not also a value conflict).
    ``candidates`` defaults to ``align(claims)``; ``articles`` to the claims' articles.
    """
    claims = list(claims)
    if candidates is None:
        candidates = align(claims)
    ctx = CheckContext(claims=claims, candidates=list(candidates),
                       articles=list(articles) if articles is not None else _articles_of(claims))
    kinds: list[Kind] = [KINDS[r.kind](r) for r in rules if r.enabled]
    for k in kinds:
        prepare = getattr(k, "prepare", None)
        if prepare is not None:
            prepare(ctx)
    pair_kinds = sorted((k for k in kinds if k.pairwise), key=lambda k: (k.priority, k.rule.id))
    findings: list[Finding] = []
    taken: set[tuple] = set()
    for cand in ctx.candidates:
        key = _pair_key(cand)
        for k in pair_kinds:
            if key in taken:
                break
            f = k.check_pair(cand)
            if f is not None:
                findings.append(f)
                taken.add(key)
    for k in sorted(kinds, key=lambda k: k.rule.id):
        findings.extend(k.check(ctx))
    unique: dict[tuple, Finding] = {}
    for f in findings:
        unique.setdefault((f.rule_id, tuple((c.path, c.start, c.end) for c in f.claims)), f)
    return sorted(unique.values(), key=_sort_key)
