"""How sure we are that two claims state the same fact: a calibrated probability.

Each candidate pair is described by a few pieces of evidence (how the subjects match,
the same event verb, the same source, the same place bound to both numbers, sentences
that share words, …). A logistic model turns them into a probability. Its weights are
data (``factcheck/data/confidence.json``), fitted with scikit-learn on pairs of claims
annotated in real press clusters by ``scripts/fit_confidence.py`` and validated by
cluster; nothing here is a hand-set constant.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.align.same_fact import Candidate

#: The evidence a pair is described by, in the model's order.
EVIDENCE = (
    "subject_same", "subject_typo", "subject_sentence", "subject_context", "subject_value",
    "score", "predicate_same", "predicate_differ", "attribution_same", "support",
    "scope_same", "scope_one_sided", "same_article", "when_differ", "both_exact",
    "day_same", "change_same",
)


def evidence(cand: Candidate) -> dict[str, float]:
    """The evidence of one candidate pair, as numbers (0/1 flags, the score, counts)."""
    reasons = set(cand.reasons)
    fa, fb = cand.frames
    return {
        "subject_same": float(cand.subject in ("same", "synonym")),
        "subject_typo": float(cand.subject == "typo"),
        "subject_sentence": float(cand.subject == "sentence"),
        "subject_context": float(cand.subject == "context"),
        "subject_value": float(cand.subject == "value"),
        "score": cand.score,
        "predicate_same": float("predicate:same" in reasons),
        "predicate_differ": float("predicate:differ" in reasons),
        "attribution_same": float("attribution" in cand.support),
        "support": float(len(cand.support)),
        "scope_same": float(bool(fa and fb and fa.scope and fa.scope == fb.scope)),
        "scope_one_sided": float(bool(fa and fb and bool(fa.scope) != bool(fb.scope))),
        "same_article": float(cand.same_article),
        "when_differ": float("when:differ" in reasons),
        "both_exact": float(cand.a.qualifier == "exact" and cand.b.qualifier == "exact"),
        "day_same": float(bool(fa and fb and fa.day and fa.day == fb.day)),
        "change_same": float(bool(fa and fb and fa.change and fa.change == fb.change and fa.span == fb.span)),
    }


@functools.lru_cache(maxsize=1)
def model() -> dict:
    """The fitted weights: ``{"intercept": float, "weights": {name: float}, "fitted_on": …}``."""
    path = resources.files("factcheck") / "data" / "confidence.json"
    return json.loads(path.read_text(encoding="utf-8"))


def confidence(cand: Candidate) -> float:
    """P(same fact | evidence), rounded to two decimals."""
    m = model()
    z = m["intercept"] + sum(m["weights"].get(k, 0.0) * v for k, v in evidence(cand).items())
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 2)
