"""Index runs started from the desk: one background thread each, progress pollable.

A run indexes one folder (or file) under the archive roots into the desk's store, as
``factcheck index`` does (``story = "auto"``), in the web process, holding the store's
writer lock and the desk's lock (checks run in that process wait for it: they share the
pipelines; checks in worker processes go on, reading the store as last committed). Jobs
live in the one web process, so any request polls any job.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.serve.desk import Desk


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    path: str
    status: str = "queued"      # queued | running | done | failed
    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    claims: int = 0
    errors: tuple[str, ...] = ()
    message: str = ""
    started: float = field(default_factory=time.time)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "status": self.status, "indexed": self.indexed,
                "unchanged": self.unchanged, "removed": self.removed, "claims": self.claims,
                "errors": list(self.errors), "message": self.message, "seconds": round(self.seconds, 1)}


class Jobs:
    """The index runs of this process (kept until it stops)."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def _set(self, job: Job) -> None:
        with self._lock:
            self._jobs[job.id] = job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: -j.started)

    def start(self, real_path: str, label: str) -> Job:
        job = Job(id=secrets.token_urlsafe(8), path=label)
        self._set(job)
        threading.Thread(target=self._run, args=(job, real_path), name=f"index-{job.id}", daemon=True).start()
        return job

    def _run(self, job: Job, real_path: str) -> None:
        from factcheck.errors import FactcheckError
        from factcheck.store import ClaimStore, WriterLock, index_paths

        t = time.perf_counter()
        errors: list[str] = []

        def progress(result) -> None:
            self._set(replace(job, status="running", indexed=result.indexed, unchanged=result.unchanged,
                              claims=result.claims, seconds=time.perf_counter() - t))

        try:
            self._set(replace(job, status="running"))
            with self.desk.lock, WriterLock(self.desk.store, timeout=30):
                with ClaimStore.open(self.desk.store) as store:
                    result = index_paths(store, [real_path], known_rules=self.desk.rules, story="auto",
                                         on_error=lambda e: errors.append(str(e)), progress=progress)
            self._set(replace(job, status="done", indexed=result.indexed, unchanged=result.unchanged,
                              removed=result.removed, claims=result.claims, errors=tuple(errors),
                              message=result.summary(), seconds=time.perf_counter() - t))
        except FactcheckError as exc:
            self._set(replace(job, status="failed", errors=tuple(errors), message=str(exc),
                              seconds=time.perf_counter() - t))
        except Exception as exc:  # a thread's failure must show on the page, not vanish
            self._set(replace(job, status="failed", errors=tuple(errors), message=f"{type(exc).__name__}: {exc}",
                              seconds=time.perf_counter() - t))
