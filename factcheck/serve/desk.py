"""The desk's engine: pipelines and rules loaded once, drafts checked against the store,
each check kept so its page can be reloaded (and decided on) later.

Checks run in a pool of worker processes (``pool.CheckPool``, ``factcheck serve
--workers N``), each with its own pipelines, so that N checks use N cores; a check only
reads the store (``archive.open_archive``), so they never wait for each other's locks. With
no workers (``ServeConfig.workers = 0``, what the tests' in-process app uses) checks run
one at a time in the server's process (``Desk.lock``: spaCy pipelines are not made for
concurrent calls). A check's result is kept as a ``CheckView`` — the JSON document
``check --format json`` prints, and what the page shows of each finding — in the table
``desk_checks`` of the store's file (the last ``KEEP_CHECKS``), so every worker's check
can be read back whichever thread answers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from factcheck.models import SEVERITIES, Article, Claim, Finding, Report, Rule
from factcheck.serve.decisions import Decisions, connect

if TYPE_CHECKING:
    from factcheck.serve.pool import CheckPool

KEEP_CHECKS = 500
CONTEXT = 160  # characters of prose each side of a cited number
DEFAULT_NAME = "draft.md"

TABLE = """
CREATE TABLE IF NOT EXISTS desk_checks (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    view TEXT NOT NULL              -- CheckView as JSON
)
"""


@dataclass(frozen=True, slots=True)
class Side:
    """One claim of a finding as the page shows it: where it is, and its passage."""

    draft: bool
    path: str
    title: str
    source: str
    date: str
    before: str
    cited: str
    after: str
    subject: str
    place: str


@dataclass(frozen=True, slots=True)
class FindingView:
    key: str                     # factcheck.fingerprint.fingerprint: what a decision is keyed on
    severity: str
    rule: str
    name: str
    message: str
    explanation: str             # the rule's doc
    confidence: float
    why: tuple[str, ...]
    sides: tuple[Side, ...]
    entry: dict[str, Any]        # the finding's baseline entry


@dataclass(frozen=True, slots=True)
class CheckView:
    id: str
    created_at: str
    name: str
    lang: str
    title: str
    seconds: float
    document: str                # the JSON document of ``check --format json``
    findings: tuple[FindingView, ...]
    warnings: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()

    def by_severity(self) -> list[tuple[str, list[FindingView]]]:
        """The findings grouped by severity, most severe first."""
        return [(s, [f for f in self.findings if f.severity == s]) for s in reversed(SEVERITIES)
                if any(f.severity == s for f in self.findings)]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> CheckView:
        data = json.loads(text)
        findings = tuple(FindingView(**{**f, "why": tuple(f["why"]), "sides": tuple(Side(**s) for s in f["sides"])})
                         for f in data.pop("findings"))
        return cls(**{**data, "findings": findings, "warnings": tuple(data.get("warnings", ())),
                      "stories": tuple(data.get("stories", ()))})


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft as the desk received it (the text, and what stands for its front matter)."""

    text: str
    name: str = DEFAULT_NAME
    fmt: str = "md"
    lang: str | None = None
    date: str | None = None
    title: str = ""
    source: str = ""


def draft_name(name: str | None, fmt: str = "md") -> str:
    """The file name a draft is known by (a baseline matches it): the last part of what was
    given, never a path, never read."""
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    if not base or base in (".", ".."):
        return DEFAULT_NAME if fmt == "md" else f"draft.{fmt}"
    return base[:200]


@dataclass(slots=True)
class Desk:
    """What the running server holds: the store, the archive roots, the rules, the lock, the
    check workers."""

    store: str
    roots: tuple[str, ...]
    rules: list[Rule] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    decisions: Decisions | None = None
    pool: CheckPool | None = None  # worker processes for checks; None: checks run here, one at a time

    def __post_init__(self) -> None:
        from factcheck.store import ClaimStore

        ClaimStore.open(self.store).close()  # created when missing; a wrong file is refused now
        with connect(self.store) as conn:
            conn.execute(TABLE)
        self.decisions = Decisions(self.store)
        if not self.rules:
            from factcheck.rules import load_rules

            self.rules = load_rules()

    def warm(self, langs: tuple[str, ...] = ("fr", "en")) -> list[str]:
        """Load the pipelines now, so the first check does not pay for them; returns the loaded ones."""
        from factcheck.errors import FactcheckError
        from factcheck.extract.pipeline import extract_text

        loaded = []
        for lang in langs:
            try:
                extract_text("12 personnes.", lang)
                loaded.append(lang)
            except FactcheckError:
                continue
        return loaded

    def run(self, draft: Draft) -> tuple[Report, CheckView]:
        """Check a draft against the store; the report and its view (kept for its page)."""
        if self.pool is not None:
            report, view = self.pool.check(draft)
        else:
            with self.lock:
                report, view = check(draft, self.store, self.rules)
        self._keep(view)
        return report, view

    def _keep(self, view: CheckView) -> None:
        with connect(self.store) as conn:
            conn.execute("INSERT INTO desk_checks (id, created_at, view) VALUES (?, ?, ?)",
                         (view.id, view.created_at, view.to_json()))
            conn.execute("DELETE FROM desk_checks WHERE id NOT IN "
                         "(SELECT id FROM desk_checks ORDER BY created_at DESC LIMIT ?)", (KEEP_CHECKS,))

    def check_view(self, check_id: str) -> CheckView | None:
        with connect(self.store) as conn:
            row = conn.execute("SELECT view FROM desk_checks WHERE id = ?", (check_id,)).fetchone()
        return CheckView.from_json(row[0]) if row else None

    def recent(self, n: int = 20) -> list[tuple[str, str, str, int]]:
        """(id, created_at, name, findings) of the last checks."""
        with connect(self.store) as conn:
            rows = conn.execute("SELECT id, created_at, view FROM desk_checks ORDER BY created_at DESC LIMIT ?",
                                (n,)).fetchall()
        out = []
        for cid, created, view in rows:
            data = json.loads(view)
            out.append((cid, created, data.get("name", ""), len(data.get("findings", ()))))
        return out

    def resolve_root_path(self, given: str) -> str:
        """The real path of a folder or file named in a request, which must be inside an
        archive root (relative paths are taken from the first root)."""
        from factcheck.errors import InputError

        if not given or "\x00" in given:
            raise InputError("give a folder to index")
        candidate = given if os.path.isabs(given) else os.path.join(self.roots[0], given)
        real = os.path.realpath(candidate)
        if not any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in self.roots):
            raise PermissionError(f"{given}: outside the archive roots ({', '.join(self.roots)})")
        if not os.path.exists(real):
            raise InputError(f"{given}: no such folder or file under the archive roots")
        return real


def check(draft: Draft, store: str, rules: list[Rule]) -> tuple[Report, CheckView]:
    """One draft checked against the store: the report and what its page shows (a pure
    function of its arguments, so that a worker process can run it)."""
    from factcheck import api
    from factcheck.report import json_report

    report = api.check_draft(draft.text, store=store, lang=draft.lang or None, date=draft.date or None,
                             title=draft.title, source=draft.source, fmt=draft.fmt, rules=rules, path=draft.name)
    drafts = [a for a in report.articles if a.path == draft.name]
    lang = drafts[0].lang if drafts else (draft.lang or "fr")
    docs = {r.id: r.doc for r in rules}
    view = CheckView(
        id=secrets.token_urlsafe(9), created_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        name=draft.name, lang=lang, title=drafts[0].title if drafts else draft.title,
        seconds=round(report.seconds or 0.0, 3), document=json_report.render(report),
        findings=tuple(finding_view(f, report.articles, docs, draft.name) for f in report.findings),
        warnings=tuple(report.warnings),
        stories=tuple(sorted({a.story for a in report.articles if a.path != draft.name and a.story})))
    return report, view


def _date(article: Article | None) -> str:
    if article is None or article.date is None:
        return ""
    return {"year": f"{article.date:%Y}", "month": f"{article.date:%Y-%m}"}.get(article.date_precision,
                                                                                 article.date.isoformat())


def finding_view(f: Finding, articles: list[Article], docs: dict[str, str], draft_path: str) -> FindingView:
    """What the page shows of a finding: each claim's passage and where it comes from."""
    from factcheck.baseline import _entry
    from factcheck.fingerprint import fingerprint
    from factcheck.report.locations import articles_by_key, passage

    by_key = articles_by_key(articles)
    sides = []
    for c in f.claims:
        art = by_key.get(c.article_key)
        p = passage(c, art, CONTEXT)
        sides.append(Side(draft=c.path == draft_path, path=c.path, title=art.title if art else "",
                          source=art.source if art else "", date=_date(art), before=p.before, cited=p.cited,
                          after=p.after, subject=c.subject_full or c.subject, place=c.place))
    return FindingView(key=fingerprint(f), severity=f.severity, rule=f.rule_id, name=f.rule_name, message=f.message,
                       explanation=docs.get(f.rule_id, ""), confidence=round(f.confidence, 3), why=tuple(f.why),
                       sides=tuple(sides), entry=_entry(f))


def claim_row(c: Claim) -> dict[str, Any]:
    """A claim as the archive's tables show it."""
    from factcheck.report.locations import value_label

    art = c.article
    return {"value": value_label(c), "unit": c.unit, "text": c.text, "subject": c.subject_full or c.subject,
            "place": c.place, "time": c.when.isoformat() if c.when else c.period, "source": art.source if art else "",
            "date": art.date.isoformat() if art and art.date else "", "path": c.path, "story": art.story if art else ""}


def elapsed(started: float) -> float:
    return round(time.perf_counter() - started, 3)
