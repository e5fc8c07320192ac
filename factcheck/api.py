"""The library API: what the CLI and other programs call.

Data flows one way: load articles → extract claims → align → apply rules → report.
"""

from __future__ import annotations

import os
from typing import Sequence

from factcheck.models import Claim, Report, Rule


def extract(text: str, lang: str = "fr") -> list[Claim]:
    """Numeric claims in ``text`` (offsets into ``text``), with value, unit, qualifier and subject."""
    from factcheck.extract.pipeline import extract_text

    return extract_text(text, lang)


def check(
    paths: Sequence[str | os.PathLike[str]],
    *,
    lang: str | None = None,
    rules: Sequence[Rule] | None = None,
    n_process: int | None = None,
) -> Report:
    """Check articles (files or folders) against each other and themselves."""
    from factcheck.align import align
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_paths
    from factcheck.rules import apply_rules, load_rules

    articles = load_paths(paths, lang=lang)
    claims = extract_articles(articles, n_process=n_process)
    candidates = align(claims)
    findings = apply_rules(claims, list(rules) if rules is not None else load_rules(), candidates=candidates,
                           articles=articles)
    return Report(articles=articles, claims=claims, findings=findings)
