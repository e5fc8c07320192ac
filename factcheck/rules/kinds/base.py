"""The base class of rule kinds: parameters with defaults, and how a finding is built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Iterable

from factcheck.align import Candidate
from factcheck.known import NOTHING, Known
from factcheck.models import Article, Claim, Finding, Rule


@dataclass(slots=True)
class CheckContext:
    """What a run gives the rules: every claim, the aligned candidates, the articles, and what
    was computed for some of them before the run (``Known``: the archive's, at index time)."""

    claims: list[Claim]
    candidates: list[Candidate]
    articles: list[Article]
    known: Known = NOTHING


class Kind:
    """A rule kind. A rule (one YAML file) is a configured instance of one kind.

    Pair kinds implement ``check_pair`` (called on each aligned candidate, in priority
    order; the first finding on a pair wins). Other kinds implement ``check``.
    """

    name: ClassVar[str] = ""
    PARAMS: ClassVar[dict[str, Any]] = {}
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset()
    pairwise: ClassVar[bool] = False
    priority: ClassVar[int] = 100
    # ``check`` compares articles with each other, so it needs every article of a story; the
    # others look inside one article and, for drafts checked against an archive, see only
    # the drafts (the archive's articles were checked when they were published)
    across_articles: ClassVar[bool] = False

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.params: dict[str, Any] = {**self.PARAMS, **(rule.params or {})}

    def check_pair(self, cand: Candidate) -> Finding | None:  # pragma: no cover - overridden
        return None

    def check(self, ctx: CheckContext) -> Iterable[Finding]:  # pragma: no cover - overridden
        return ()

    def finding(self, claims: Iterable[Claim], lang: str, severity: str | None = None, **values: Any) -> Finding:
        ordered_claims = tuple(sorted(claims, key=lambda c: (c.path, c.start, c.end)))
        return Finding(
            rule_id=self.rule.id,
            rule_name=self.rule.name,
            severity=severity or self.rule.severity,  # type: ignore[arg-type]
            message=self.rule.render_message(lang, **values),
            claims=ordered_claims,
            kind=self.name,
        )

    def scope_ok(self, cand: Candidate) -> bool:
        """``same_article: false`` keeps a kind to figures from different articles, except,
        with ``same_place: true``, two sentences of one article that bind the same subject to
        the same place ("10 000 personnes ont défilé à Ajaccio" … "À Ajaccio, environ 8 000
        personnes ont manifesté"): one article cannot give a place two counts of one thing."""
        if self.params.get("same_article", True) or not cand.same_article:
            return True
        fa, fb = cand.frames
        return (bool(self.params.get("same_place", False)) and fa is not None and fb is not None
                and bool(fa.scope) and fa.scope == fb.scope and fa.sentence != fb.sentence
                and cand.subject == "same")
