"""Apply configured rules to aligned claims and return findings in a deterministic order."""

from __future__ import annotations

from typing import Callable, Collection, Sequence

from factcheck.align import Candidate, align
from factcheck.known import NOTHING, Known
from factcheck.models import Article, Claim, Finding, Rule, severity_rank
from factcheck.rules.kinds import KINDS, CheckContext, Kind


def _pair_key(cand: Candidate) -> tuple:
    return tuple(sorted(((cand.a.path, cand.a.start, cand.a.end), (cand.b.path, cand.b.start, cand.b.end))))


def _sort_key(f: Finding) -> tuple:
    first = f.claims[0] if f.claims else None
    return ((first.path, first.start) if first else ("", 0), f.rule_id,
            tuple((c.path, c.start, c.end) for c in f.claims))


def _mention_key(c: Claim, kind: str) -> tuple:
    """What makes two mentions one figure for a rule: its value, and its hedge too except
    for a slip of the unit (« plus de 450 millions » slips the same way as « 450 millions »)."""
    if kind == "unit_slip":
        return (round(c.base_value, 6), c.dimension)
    return (round(c.base_value, 6), c.dimension, c.qualifier)


def _merge(findings: list[Finding], key: Callable[[Finding], tuple | None],
           best: Callable[[list[Finding]], Finding]) -> list[Finding]:
    """Findings with the same ``key`` (None: a finding of its own) join into the ``best``
    of them, which lists every mention of the group, in the order they first appear."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        k = key(f)
        groups.setdefault(("one", id(f)) if k is None else k, []).append(f)
    out = []
    for group in groups.values():
        if len(group) > 1:
            chosen = best(group)
            claims = {(c.path, c.start, c.end): c for f in group for c in f.claims}
            chosen.claims = tuple(sorted(claims.values(), key=lambda c: (c.path, c.start, c.end)))
            chosen.confidence = max(f.confidence for f in group)
            group = [chosen]
        out.extend(group)
    return out


def merge_mentions(findings: list[Finding]) -> list[Finding]:
    """One finding per conflicting fact: pair findings of one rule whose two figures are
    the same (ten repeats of "100 000" against one "99 805") join into one finding that
    lists every mention; the strongest confidence and severity of the group stand."""
    return _merge(findings,
                  lambda f: (f.rule_id, tuple(sorted((_mention_key(c, f.kind) for c in f.claims), key=repr)))
                  if len(f.claims) == 2 else None,
                  lambda group: max(group, key=lambda f: (severity_rank(f.severity), f.confidence)))


def _values(f: Finding) -> tuple | None:
    kind = KINDS.get(f.kind)
    values = frozenset((round(c.base_value, 6), c.dimension) for c in f.claims)
    return ("pair", values) if kind is not None and kind.pairwise and len(values) == 2 else None


def merge_rules(findings: list[Finding]) -> list[Finding]:
    """One conflicting fact that two pair rules report on different mentions (transposed
    digits on some, two values on others: "782 000" against "728 000") is one finding: the
    most specific rule's (the lowest ``priority``), listing every mention of both."""
    return _merge(findings, _values,
                  lambda group: min(group, key=lambda f: (f.revision, KINDS[f.kind].priority,
                                                          -severity_rank(f.severity), -f.confidence)))


def apply_rules(claims: Sequence[Claim], rules: Sequence[Rule], *,
                candidates: Sequence[Candidate] | None = None,
                articles: Sequence[Article] | None = None,
                error_confidence: float = 0.0, min_confidence: float = 0.0,
                involving: Collection[str] | None = None, known: Known = NOTHING) -> list[Finding]:
    """Run every enabled rule. Pair rules see each aligned pair in priority order, and the
    first rule that fires on a pair owns it (a unit slip is not also a value conflict).
    ``articles`` are the loaded articles of the claims: the rules that read an article's
    text (a weekday next to a date, what stands between a figure and its conversion) read
    these, and ``candidates`` defaults to ``align(claims, articles)``.

    A pair finding carries its pair's confidence: below ``error_confidence`` an error is
    reported as a warning (the pairing, not the arithmetic, is in doubt; off by default
    until the model separates true pairings better), below ``min_confidence`` it is
    dropped. Repeats of one conflict join one finding, whichever rules report them.

    ``involving`` (article keys: drafts checked against an archive) keeps the kinds that
    look inside one article to those articles. ``known`` is what was computed for some
    claims and articles before the run (``align``'s, and the rules').
    """
    claims = list(claims)
    articles = list(articles or ())
    if candidates is None:
        candidates = align(claims, articles, known=known)
    ctx = CheckContext(claims=claims, candidates=list(candidates), articles=articles, known=known)
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
                taken.add(key)
                if cand.confidence < min_confidence:
                    break
                f.confidence = cand.confidence
                f.why = tuple(r for r in (*cand.reasons, *(f"support:{s}" for s in cand.support)))
                if f.severity == "error" and cand.confidence < error_confidence:
                    f.severity = "warning"
                if cand.revision:
                    f.severity = "info"
                    f.why += (f"revision:{cand.revision}",)
                findings.append(f)
    inside = ctx
    if involving is not None:
        inside = CheckContext(claims=[c for c in claims if c.article_key in involving], candidates=ctx.candidates,
                              articles=[a for a in articles if a.key in involving], known=known)
    for k in sorted(kinds, key=lambda k: k.rule.id):
        findings.extend(k.check(ctx if k.across_articles else inside))
    unique: dict[tuple, Finding] = {}
    for f in findings:
        unique.setdefault((f.rule_id, tuple((c.path, c.start, c.end) for c in f.claims)), f)
    return sorted(merge_rules(merge_mentions(list(unique.values()))), key=_sort_key)
