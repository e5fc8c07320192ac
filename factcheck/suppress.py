"""Dropping findings the authors have accepted: inline comments, and ``--changed-since``.

Inline: the loader records ``<!-- factcheck: ignore FC101 -->`` (next paragraph) and
``<!-- factcheck: off -->`` … ``<!-- factcheck: on -->`` as ``Article.meta["suppressions"]``,
a list of ``{start, end, rules, line}`` file-offset ranges. ``resolve_rule_names`` turns
the rules a comment names (ids or names, any case) into ids, and returns a warning for each
that names no rule; it runs before extraction, which copies the ranges into each claim's
``ArticleInfo.suppressions``. A finding is dropped when any of its claims lies in a range
whose ``rules`` is empty (every rule) or names the finding's rule.
"""

from __future__ import annotations

import os
from typing import Collection, Iterable

from factcheck.models import Article, Claim, Finding, Rule


def resolve_rule_names(articles: Iterable[Article], known: list[Rule]) -> list[str]:
    """Rewrite each suppression's rules as rule ids; one warning per reference to no rule."""
    from factcheck.rules.names import did_you_mean, find_rule

    warnings = []
    for art in articles:
        for rng in art.meta.get("suppressions") or ():
            ids = []
            for ref in rng.get("rules") or ():
                rule = find_rule(ref, known)
                if rule is None:
                    warnings.append(f"{art.path}:{rng.get('line', 1)}: unknown rule '{ref}' in a factcheck "
                                    f"comment, which suppresses nothing{did_you_mean(ref, known)}")
                    ids.append(ref)
                else:
                    ids.append(rule.id)
            if rng.get("rules"):
                rng["rules"] = ids
    return warnings


def suppressed(claim: Claim, rule_id: str) -> bool:
    art = claim.article
    if art is None:
        return False
    return any(rng.start <= claim.start and claim.end <= rng.end and (not rng.rules or rule_id in rng.rules)
               for rng in art.suppressions)


def apply_suppressions(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if not any(suppressed(c, f.rule_id) for c in f.claims)]


def _file_of(claim: Claim) -> str:
    path = claim.article.path if claim.article is not None else claim.path
    return os.path.realpath(path)


def only_changed(findings: Iterable[Finding], changed: Collection[str]) -> list[Finding]:
    """The findings citing at least one article whose file is in ``changed`` (real paths).

    Each kept finding cites the changed articles' claims first: formats that place a finding
    at one location (GitHub annotations, SARIF ``locations``, the JUnit case) put it in the
    file the change touched, where its author will see it, and give the unchanged article
    as the related location.
    """
    changed = {os.path.realpath(p) for p in changed}
    out = []
    for f in findings:
        touched = [c for c in f.claims if _file_of(c) in changed]
        if touched:
            f.claims = (*touched, *(c for c in f.claims if _file_of(c) not in changed))
            out.append(f)
    return out
