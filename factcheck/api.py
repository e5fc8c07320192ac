"""The library API: what the CLI and other programs call.

Data flows one way: load articles → extract claims → align → apply rules → report.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import TYPE_CHECKING, Callable, Collection, Sequence

from factcheck.errors import InputError
from factcheck.models import Article, Claim, Report, Rule

if TYPE_CHECKING:
    from factcheck.baseline import Baseline


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
    path_filter: Callable[[str], bool] | None = None,
    suppress: bool = True,
    baseline: Baseline | None = None,
    changed: Collection[str] | None = None,
    progress: Callable[[str, int], None] | None = None,
    min_confidence: float = 0.0,
    max_bytes: int | None = None,
    on_input_error: Callable[[InputError], None] | None = None,
    known_rules: Sequence[Rule] | None = None,
    story: str = "folder",
    against: str | os.PathLike[str] | None = None,
    revisions: bool = False,
) -> Report:
    """Check articles (files or folders) against each other and themselves.

    ``path_filter(path)`` keeps an article (config ``include``/``exclude``). Findings in
    ranges suppressed by ``<!-- factcheck: … -->`` comments are dropped unless ``suppress``
    is False; a ``Baseline`` drops the findings it lists; ``changed`` (absolute paths) keeps
    only the findings that cite at least one changed article. ``progress(stage, n_articles)``
    is called as each stage starts (extract, align, rules, report). Pair findings whose
    same-fact confidence is below ``min_confidence`` are dropped. Files over ``max_bytes``
    (default 20 MB) are refused. Two figures that differ between articles about different
    days of an evolving count (a toll, an area burned) are likely revisions, not errors:
    ``Report.hidden["revisions"]`` counts them, and ``revisions`` reports them as info.

    Suppression comments may name rules by id or name; one that names none of
    ``known_rules`` (default: ``rules``; pass every loaded rule when ``rules`` is a
    selection) gives a line in ``Report.warnings``.

    ``story`` says which articles are compared: ``"folder"`` (the articles of one folder,
    keyed on its path) or ``"auto"`` (articles grouped by what they say, see
    ``factcheck.story``); a story named in an article's front matter wins in both.

    ``against`` (a claim store's file) makes the articles drafts: each is compared with the
    archived articles of its story (``factcheck.archive``) and with itself, and only the
    findings that cite a draft are kept; a draft that matches no story gives a line in
    ``Report.warnings``.

    An input problem (a file that cannot be read, a path that does not exist) raises
    ``InputError``, unless ``on_input_error`` is given: it is then called with each problem
    as it is met, the other files are checked, and ``Report.input_errors`` lists them all.
    """
    from factcheck.load import DEFAULT_MAX_BYTES, load_paths
    from factcheck.rules import load_rules
    from factcheck.suppress import resolve_rule_names

    started, clock = dt.datetime.now(dt.timezone.utc), time.perf_counter()

    errors: list[InputError] | None = None
    if on_input_error is not None:
        errors = _Reporting(on_input_error)
    articles = load_paths(paths, lang=lang, max_bytes=max_bytes or DEFAULT_MAX_BYTES, errors=errors)
    if path_filter is not None:
        articles = [a for a in articles if path_filter(a.path)]
    rules = list(rules) if rules is not None else load_rules()
    warnings = resolve_rule_names(articles, list(known_rules) if known_rules is not None else rules)
    return _check_articles(articles, rules, warnings=warnings, errors=errors or [], n_process=n_process,
                           suppress=suppress, baseline=baseline, changed=changed, progress=progress,
                           min_confidence=min_confidence, story=story, against=against,
                           revisions=revisions, started=started, clock=clock)


def check_draft(
    text: str,
    *,
    store: str | os.PathLike[str],
    lang: str | None = None,
    date: dt.date | str | None = None,
    title: str = "",
    source: str = "",
    fmt: str = "md",
    rules: Sequence[Rule] | None = None,
    min_confidence: float = 0.0,
    path: str = "<string>",
) -> Report:
    """Check one draft, given as text, against the archive in the claim store ``store``.

    No file is needed: ``date`` (a ``datetime.date`` or ``YYYY-MM-DD``), ``title`` and
    ``source`` stand for the front matter the draft may not have. ``path`` names the draft
    in the report (its file name is what a baseline entry matches); nothing is read from it.
    The report holds only the findings that cite the draft, and the archived articles it
    was compared with.
    """
    from factcheck.load import load_text
    from factcheck.rules import load_rules

    started, clock = dt.datetime.now(dt.timezone.utc), time.perf_counter()
    draft = load_text(text, path=path, fmt=fmt, lang=lang)
    if date is not None:
        try:
            draft.date = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        except ValueError:
            raise InputError(f"date {date!r}: give a date as YYYY-MM-DD") from None
        draft.date_precision = "day"
    draft.title = title or draft.title
    draft.source = source or draft.source
    return _check_articles([draft], list(rules) if rules is not None else load_rules(), warnings=[], errors=[],
                           min_confidence=min_confidence, against=store, started=started, clock=clock)


def _check_articles(
    articles: list[Article],
    rules: list[Rule],
    *,
    warnings: list[str],
    errors: list[InputError],
    started: dt.datetime,
    clock: float,
    n_process: int | None = None,
    suppress: bool = True,
    baseline: Baseline | None = None,
    changed: Collection[str] | None = None,
    progress: Callable[[str, int], None] | None = None,
    min_confidence: float = 0.0,
    story: str = "folder",
    against: str | os.PathLike[str] | None = None,
    revisions: bool = False,
) -> Report:
    """Loaded articles → claims → stories (→ the archive's claims) → pairs → findings → filters."""
    from factcheck.align import align
    from factcheck.extract.pipeline import extract_articles
    from factcheck.known import NOTHING
    from factcheck.rules import apply_rules
    from factcheck.story import apply_stories
    from factcheck.suppress import apply_suppressions, only_changed

    def step(stage: str, n: int) -> None:
        if progress is not None:
            progress(stage, n)

    step("extract", len(articles))
    claims = extract_articles(articles, n_process=n_process)
    drafts: set[str] | None = None
    compared = articles
    known = NOTHING
    if against is not None:
        from factcheck.archive import gather, open_archive

        with open_archive(against) as store:
            archived = gather(store, articles, claims)
        warnings = [*warnings, *archived.notes]
        drafts = {a.key for a in articles}
        claims = archived.draft_claims + archived.claims
        compared = articles + archived.articles
        known = archived.known
    else:
        claims = apply_stories(articles, claims, story)  # after extraction: figures and event days tell stories apart
    step("align", len(compared))
    candidates = align(claims, compared, involving=drafts, known=known)
    step("rules", len(compared))
    findings = apply_rules(claims, rules, candidates=candidates, articles=compared,
                           min_confidence=min_confidence, involving=drafts, known=known)
    if drafts is not None:
        from factcheck.archive import drafts_findings

        findings = drafts_findings(findings, drafts)
    if changed is not None:  # first, so that the hidden counts are of findings that would be reported
        findings = only_changed(findings, changed)
    hidden = {"suppressed": 0, "baseline": 0, "revisions": 0}
    if not revisions:
        kept = [f for f in findings if not f.revision]
        hidden["revisions"] = len(findings) - len(kept)
        findings = kept
    if suppress:
        kept = apply_suppressions(findings)
        hidden["suppressed"] = len(findings) - len(kept)
        findings = kept
    if baseline is not None:
        kept = baseline.filter(findings)
        hidden["baseline"] = len(findings) - len(kept)
        findings = kept
    step("report", len(compared))
    return Report(articles=compared, claims=claims, findings=findings,
                  input_errors=[str(e) for e in errors], hidden=hidden, warnings=warnings,
                  started=started, seconds=time.perf_counter() - clock)


class _Reporting(list):
    """A list of input errors that passes each one on as it is appended."""

    def __init__(self, callback: Callable[[InputError], None]) -> None:
        super().__init__()
        self._callback = callback

    def append(self, exc: InputError) -> None:
        super().append(exc)
        self._callback(exc)
