"""Synthetic claims for the alignment benchmark: many stories, realistic subjects, units and values."""

from __future__ import annotations

import random

from factcheck.models import Claim

_SUBJECTS = ["policier", "manifestant", "blessé", "mort", "foyer", "habitant", "héroïne", "cocaïne",
             "budget", "déficit", "pompier", "hectare", "conteneur", "sac", "action", "arme", "élève"]
_UNITS = ["", "", "", "EUR", "kilogram", "gram", "percent", "meter", "hectare"]


def synthetic_claims(n: int, seed: int = 0, claims_per_story: int = 60) -> list[Claim]:
    """``n`` claims spread over stories of ``claims_per_story`` claims each (deterministic)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        story = f"story-{i // claims_per_story:05d}"
        art = f"{story}/article-{rng.randrange(4)}.md"
        value = float(rng.choice([rng.randrange(1, 30), rng.randrange(30, 2000), rng.randrange(1, 100) * 100]))
        subject = rng.choice(_SUBJECTS)
        unit = rng.choice(_UNITS)
        text = f"{value:g}"
        sentence = f"Selon la préfecture, {text} {subject}s ont été comptés."
        out.append(Claim(start=i * 10, end=i * 10 + len(text), text=text, value=value, unit=unit,
                         subject=subject, sentence=sentence, sentence_start=i * 10 - 21, path=art))
    return out
