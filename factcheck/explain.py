"""Why two claims were, or were not, compared: what ``factcheck why A B`` prints.

A user who sees a miss (two figures that disagree and no finding) or a doubtful finding
needs the checker's own view of the pair: the fact frame of each claim, whether the
blocking step ever put them side by side, the same-fact evidence and confidence, and
what each pair rule decided. Everything here re-runs the real stages on the same claims
(nothing is recomputed by a second, simplified path), so what it says is what ``check``
did.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from factcheck.align import Candidate, align, article_texts, claim_features
from factcheck.align.blocking import keys
from factcheck.align.confidence import confidence, evidence
from factcheck.align.features import Features
from factcheck.align.same_fact import score_pair
from factcheck.align.subjects import SubjectIndex
from factcheck.errors import InputError
from factcheck.models import Article, Claim, Finding, Rule
from factcheck.report.locations import region

_REF = re.compile(r"^(?P<path>.+?):(?P<line>\d+)(?::(?P<col>\d+))?$")


@dataclass(frozen=True, slots=True)
class RuleVerdict:
    """What one pair rule made of the pair: its finding, or the gate that stopped it."""

    rule_id: str
    name: str
    fired: bool
    reason: str


@dataclass(frozen=True, slots=True)
class Explanation:
    a: Claim
    b: Claim
    frames: tuple[Features, Features]
    blocking: tuple[str, ...]          # the blocking keys the two claims share (none: never compared)
    candidate: Candidate
    compared: bool                     # the aligner produced this pair
    evidence: dict[str, float]
    verdicts: tuple[RuleVerdict, ...]

    def to_dict(self) -> dict[str, Any]:
        cand = self.candidate
        return {
            "claims": [_claim_view(c, f) for c, f in zip((self.a, self.b), self.frames)],
            "compared": self.compared,
            "blocking": list(self.blocking),
            "same_fact": {
                "score": cand.score, "subject": cand.subject, "confidence": cand.confidence,
                "reasons": list(cand.reasons), "support": list(cand.support),
                "different": cand.different, "update": cand.update, "revision": cand.revision, "caveat": cand.caveat,
                "same_article": cand.same_article,
            },
            "evidence": self.evidence,
            "rules": [dataclasses.asdict(v) for v in self.verdicts],
        }


_FRAME_FIELDS = ("story", "date", "event_day", "when", "day", "phase", "change", "span", "clock", "daypart", "weekday", "counted", "category", "attribution", "predicate", "place", "scope", "region", "national", "role",
                 "year", "modifier", "other", "daily", "new", "step", "attribute", "update", "progressive")


def _claim_view(claim: Claim, frame: Features) -> dict[str, Any]:
    r = region(claim)
    data = {"ref": f"{claim.path}:{r.start_line}:{r.start_column}", **claim.to_dict()}
    values = {k: getattr(frame, k) for k in _FRAME_FIELDS}
    data["frame"] = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                     for k, v in values.items() if not _unset(k, v)}
    return data


def _unset(field: str, value: Any) -> bool:
    """Frame fields left at their "nothing said" value are not shown."""
    if field in ("clock", "weekday"):
        return value == -1  # 0 is midnight, or Monday
    return value in ("", None, False, (0, "")) or (field == "change" and value == 0)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split()).casefold()


def _same_path(claim_path: str, wanted: str) -> bool:
    return claim_path == wanted or claim_path.endswith("/" + wanted.lstrip("./"))


def _written_from(claim: Claim, n: int, files: Mapping[str, str]) -> str:
    """``n`` characters of the file from the claim's start ("six victimes" names the "six")."""
    text = files.get(claim.article_key)
    return text[claim.start:claim.start + n] if text is not None else claim.text


def _written_around(claim: Claim, n: int, files: Mapping[str, str]) -> str:
    """``n`` characters of the file each side of the claim ("moins de 300" names the "300")."""
    text = files.get(claim.article_key)
    return text[max(0, claim.start - n):claim.end + n] if text is not None else claim.text


def file_of(ref: str) -> str:
    """The file a claim reference names (``a.md:12:4`` and ``a.md@720 kg`` → ``a.md``)."""
    if "@" in ref:
        return ref.partition("@")[0]
    m = _REF.match(ref)
    return m["path"] if m else ref


def resolve(ref: str, claims: Sequence[Claim], articles: Iterable[Article] = ()) -> Claim:
    """The claim a reference names: ``PATH:LINE[:COL]`` (as findings print them) or
    ``PATH@TEXT`` (the claim whose written form contains TEXT; the claims' ``articles``
    give what is written around a figure)."""
    if "@" in ref:
        path, _, text = ref.partition("@")
        want = _norm(text)
        files = {a.key: a.file_text for a in articles}
        found = [c for c in claims if _same_path(c.path, path)
                 and (want in _norm(c.text) or _norm(_written_from(c, len(text) + 8, files)).startswith(want)
                      or (_norm(c.text) in want and want in _norm(_written_around(c, len(text) + 8, files))))]
        what = f"no claim written {text!r} in {path}"
    else:
        m = _REF.match(ref)
        if not m:
            raise InputError(f"{ref!r}: name a claim as PATH:LINE[:COL] or PATH@TEXT (e.g. a.md@'720 kg')")
        path, line, col = m["path"], int(m["line"]), m["col"]
        found = []
        for c in claims:
            if not _same_path(c.path, path):
                continue
            r = region(c)
            if r.start_line == line and (col is None or r.start_column <= int(col) < max(r.end_column, r.start_column + 1)
                                         or r.start_column == int(col)):
                found.append(c)
        what = f"no claim at {path}:{line}" + (f":{col}" if col else "")
    if not found:
        raise InputError(what + " (factcheck extract lists the claims)")
    if len(found) > 1:
        listed = ", ".join(f"{c.path}:{region(c).start_line}:{region(c).start_column} {c.text!r}"
                           for c in found[:6])
        raise InputError(f"{ref!r} names {len(found)} claims ({listed}); give LINE:COL")
    return found[0]


def _gate(kind: Any, cand: Candidate) -> str:
    """The first shared gate a pair rule applies that this pair fails ("" if none)."""
    from factcheck.rules.kinds.value_conflict import plausible_pair

    params = kind.params
    if cand.different:
        return f"not the same fact: {cand.different}"
    if cand.update:
        return f"a change the text explains: {cand.update}"
    if cand.caveat and kind.name not in ("unit_slip", "digit_error", "period_conflict"):
        return f"not the same measure: {cand.caveat}"
    if "min_score" in params and cand.score < params["min_score"]:
        return f"same-fact score {cand.score:.2f} below the rule's min_score {params['min_score']}"
    if not kind.scope_ok(cand):
        return "both figures are in one article and the rule compares articles (same_article: false)"
    if "support" in params and not plausible_pair(cand, params):
        accepted = set(params.get("support") or ())
        if params.get("need_support", True) and not (set(cand.support) & accepted):
            return ("nothing besides the subject says it is the same event "
                    f"(needs one of: {', '.join(sorted(accepted))})")
        return "the figures are too far apart to be one fact misreported (max_ratio)"
    return ""


def _verdicts(cand: Candidate, rules: Sequence[Rule], ctx: Any) -> tuple[RuleVerdict, ...]:
    from factcheck.rules.kinds import KINDS

    kinds = sorted((KINDS[r.kind](r) for r in rules if r.enabled and KINDS[r.kind].pairwise),
                   key=lambda k: (k.priority, k.rule.id))
    for k in kinds:  # as the engine does: some kinds index the run first
        prepare = getattr(k, "prepare", None)
        if prepare is not None:
            prepare(ctx)
    out: list[RuleVerdict] = []
    owner: Finding | None = None
    for k in kinds:
        f: Finding | None = k.check_pair(cand) if owner is None else None
        if f is not None:
            owner = f
            severity = f"info ({cand.revision})" if cand.revision else f.severity
            out.append(RuleVerdict(k.rule.id, k.rule.name, True, f"{severity}: {f.message}"))
            continue
        if owner is not None:
            out.append(RuleVerdict(k.rule.id, k.rule.name, False, f"the pair is already reported by {owner.rule_id}"))
            continue
        gate = _gate(k, cand)
        out.append(RuleVerdict(k.rule.id, k.rule.name, False,
                               gate or f"the figures do not conflict the way {k.name} looks for"))
    return tuple(out)


def explain(claims: Sequence[Claim], a: Claim, b: Claim, rules: Sequence[Rule],
            articles: Iterable[Article] = ()) -> Explanation:
    """The pair (a, b) as the checker sees it, among all ``claims`` of the run (and the
    ``articles`` they come from, as ``check`` passes them on)."""
    from factcheck.rules.kinds import CheckContext

    claims, articles = list(claims), list(articles)
    index = SubjectIndex(claims)
    shared = tuple(sorted(":".join(k[:1] + k[2:]) for k in set(keys(a, index)) & set(keys(b, index))))
    ident = {(a.path, a.start, a.end), (b.path, b.start, b.end)}
    candidates = align(claims, articles)
    found = [c for c in candidates if {(c.a.path, c.a.start, c.a.end), (c.b.path, c.b.start, c.b.end)} == ident]
    if found:
        cand = found[0]
    else:  # what the aligner would have said, had a blocking key brought them together
        fa, fb = claim_features(a), claim_features(b)
        cand = score_pair(a, b, fa, fb, index, texts=article_texts(articles))
        cand = dataclasses.replace(cand, confidence=confidence(cand))
    ctx = CheckContext(claims=claims, candidates=candidates, articles=articles)
    return Explanation(a, b, (claim_features(a), claim_features(b)), shared, cand, bool(found), evidence(cand),
                       _verdicts(cand, rules, ctx) if found else ())


def render_text(ex: Explanation) -> str:
    """The explanation for people: two frames, then the pairing, then each rule."""
    lines: list[str] = []
    for label, view in zip("AB", ex.to_dict()["claims"]):
        lines.append(f"{label}  {view['ref']}  {view['text']!r}  value {view['value']:g} {view['unit']}"
                     f"  ({view['qualifier']})  subject {view['subject'] or '-'}")
        for k, v in view["frame"].items():
            lines.append(f"     {k:<12} {v}")
    cand = ex.candidate
    if not ex.compared:
        if ex.a.dimension != ex.b.dimension:
            why = f"different dimensions ({ex.a.dimension or 'count'} / {ex.b.dimension or 'count'})"
        elif (ex.a.path, ex.a.start) == (ex.b.path, ex.b.start):
            why = "they are the same claim"
        elif not ex.blocking:
            why = "they share no blocking key (another story, or no common subject, digits or magnitude)"
        else:
            why = ("their shared keys are too common in this story to pair every claim that has them "
                   "(a bucket over the blocking limit)")
        lines.append(f"not compared: {why}")
    else:
        lines.append(f"compared: shared keys {', '.join(ex.blocking)}")
    lines.append(f"same fact: score {cand.score:.2f} (subject {cand.subject}), confidence {cand.confidence:.2f}")
    if cand.reasons or cand.support:
        lines.append(f"  evidence: {', '.join(cand.reasons)}; support: {', '.join(cand.support) or 'none'}")
    for label, value in (("different", cand.different), ("update", cand.update), ("revision", cand.revision),
                         ("caveat", cand.caveat)):
        if value:
            lines.append(f"  {label}: {value}")
    for v in ex.verdicts:
        mark = "FIRES" if v.fired else "no   "
        lines.append(f"  {mark} {v.rule_id} {v.name}: {v.reason}")
    return "\n".join(lines) + "\n"
