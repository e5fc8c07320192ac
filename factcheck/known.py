"""What a run already knows of some claims and articles: computed before it, not again.

Features, subject keys, folded texts and moments depend on one claim or one article
alone, so the claim store computes them when it indexes an article
(``factcheck.store.derived``) and a check of a draft against the archive reads them
instead of computing them for every archived claim. ``align`` and the rules take a
``Known`` and compute only what it lacks (the draft's own claims and text).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.align.features import Features
    from factcheck.extract.moments import Moment


@dataclass(frozen=True, slots=True)
class Known:
    """Per claim (by ``Claim.id``, for the claims as this run has them) and per article (by key)."""

    features: Mapping[str, Features] = field(default_factory=dict)    # claim id → ``features(claim)``
    subjects: Mapping[str, str] = field(default_factory=dict)         # claim id → ``subjects.base_key(claim)``
    folded: Mapping[str, str] = field(default_factory=dict)           # article key → ``subjects.fold(text)``
    moments: Mapping[str, tuple[Moment, ...]] = field(default_factory=dict)  # article key → its moments


NOTHING = Known()
