"""What reviewers decided about findings, kept in the claim store's SQLite file.

A decision is keyed on the finding's fingerprint (``factcheck.fingerprint``: rule and, per
claim, text, subject and file name), so it holds for the same contradiction in a later
check of the draft. ``accepted`` is a waiver (a note and the reviewer's name); ``fixed``
says the draft was corrected. Accepted decisions export as a baseline file
(``factcheck.baseline``), which ``factcheck check --baseline`` and CI honour.

The table ``desk_decisions`` is created here, in the same file as the store's tables; the
store's schema does not know it, and ``factcheck index --rebuild`` starts without it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Iterator

import yaml

from factcheck.baseline import VERSION as BASELINE_VERSION
from factcheck.baseline import _HEADER as BASELINE_HEADER
from factcheck.errors import InputError

STATUSES = ("accepted", "fixed")
MAX_NOTE = 2000
MAX_NAME = 120

TABLE = """
CREATE TABLE IF NOT EXISTS desk_decisions (
    key TEXT PRIMARY KEY,           -- factcheck.fingerprint.fingerprint(finding)
    status TEXT NOT NULL,           -- accepted | fixed
    note TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    entry TEXT NOT NULL,            -- the finding's baseline entry (JSON)
    decided_at TEXT NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class Decision:
    key: str
    status: str
    note: str
    reviewer: str
    entry: dict[str, Any]
    decided_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "status": self.status, "note": self.note, "reviewer": self.reviewer,
                "rule": self.entry.get("rule", ""), "message": self.entry.get("message", ""),
                "decided_at": self.decided_at}


@contextlib.contextmanager
def connect(path: str) -> Iterator[sqlite3.Connection]:
    """A short-lived connection (one per operation: the desk serves requests from threads)."""
    conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


class Decisions:
    """The decisions of one store file."""

    def __init__(self, path: str) -> None:
        self.path = path
        with connect(path) as conn:
            conn.execute(TABLE)

    def decide(self, key: str, status: str, entry: dict[str, Any], note: str = "", reviewer: str = "") -> Decision:
        """Record (or replace) the decision on one finding."""
        if status not in STATUSES:
            raise InputError(f"decision {status!r}: choose from {', '.join(STATUSES)}")
        note, reviewer = note.strip()[:MAX_NOTE], reviewer.strip()[:MAX_NAME]
        if status == "accepted" and not reviewer:
            raise InputError("accepting a finding needs the reviewer's name")
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with connect(self.path) as conn:
            conn.execute("INSERT OR REPLACE INTO desk_decisions (key, status, note, reviewer, entry, decided_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (key, status, note, reviewer,
                                                        json.dumps(entry, ensure_ascii=False), now))
        return Decision(key, status, note, reviewer, entry, now)

    def undo(self, key: str) -> bool:
        with connect(self.path) as conn:
            return conn.execute("DELETE FROM desk_decisions WHERE key = ?", (key,)).rowcount > 0

    def all(self) -> list[Decision]:
        with connect(self.path) as conn:
            rows = conn.execute("SELECT key, status, note, reviewer, entry, decided_at FROM desk_decisions "
                                "ORDER BY decided_at DESC, key").fetchall()
        return [Decision(k, s, n, r, json.loads(e), d) for k, s, n, r, e, d in rows]

    def by_key(self, keys: list[str]) -> dict[str, Decision]:
        wanted = set(keys)
        return {d.key: d for d in self.all() if d.key in wanted}

    def baseline(self, json_format: bool = False) -> str:
        """The accepted findings as a baseline file (``check --baseline`` reads it)."""
        entries = [{**d.entry, "reason": d.note, "reviewer": d.reviewer}
                   for d in sorted(self.all(), key=lambda d: d.decided_at) if d.status == "accepted"]
        data = {"version": BASELINE_VERSION, "findings": entries}
        if json_format:
            return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return BASELINE_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
