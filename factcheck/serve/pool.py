"""The desk's check workers: N processes, each with the pipelines loaded once, checking drafts
in parallel against the store.

Why processes rather than uvicorn workers: a check is CPU-bound Python (spaCy, alignment,
rules) and holds the GIL, so threads cannot spread it over cores; and several uvicorn
processes would each hold their own sessions, CSRF secret and index jobs. Here the web
process stays one — sessions, CSRF secret, index runs and their progress are where they
were — and only the check itself (``desk.check``: draft in, report and page view out) goes
to a worker. Checks only read the store (WAL: readers never wait for the writer), so they
run side by side with each other, with decisions being written and with an index run.

Workers are started with ``spawn`` (a fork of a server with threads and loaded models is
not safe), ignore Ctrl-C (the server stops them), and a worker that dies (killed, out of
memory) costs the check it was running: the pool is started again and that request answers
503.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from factcheck.errors import FactcheckError
from factcheck.models import Report, Rule
from factcheck.serve.desk import CheckView, Draft

MAX_DEFAULT_WORKERS = 4  # each worker holds its own pipelines (~0.5 GB with the French model)

_rules: list[Rule] = []  # in a worker: the rules it checks with


class WorkerLost(FactcheckError):
    """A check worker stopped during a check (it is replaced; the check can be sent again)."""


def default_workers() -> int:
    """The CPUs this process may use, at most ``MAX_DEFAULT_WORKERS``."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_WORKERS))


def _start_worker(rules: list[Rule], langs: tuple[str, ...]) -> None:
    """In a new worker: keep the rules, load the pipelines, leave Ctrl-C to the server."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _rules[:] = rules
    from factcheck.extract.pipeline import extract_text

    for lang in langs:
        try:
            extract_text("12 personnes.", lang)
        except FactcheckError:  # a language without its pipeline: its drafts will say so
            continue


def _ready() -> int:
    return os.getpid()


def _check(draft: Draft, store: str) -> tuple[Report, CheckView]:
    from factcheck.serve.desk import check

    return check(draft, store, _rules)


class CheckPool:
    """``workers`` processes checking drafts against ``store`` with ``rules``."""

    def __init__(self, workers: int, store: str, rules: list[Rule], langs: tuple[str, ...] = ("fr", "en")) -> None:
        if workers < 1:
            raise ValueError("a pool has one worker or more")
        self.workers, self.store, self.rules, self.langs = workers, store, list(rules), langs
        self._lock = threading.Lock()
        self._executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(self.rules, self.langs))

    def wait_ready(self) -> list[int]:
        """Start every worker and wait until each has loaded its pipelines; their process ids.

        A worker is started for each task sent while none is idle, so ``workers`` tasks
        sent at once start them all."""
        with self._lock:
            executor = self._executor
        futures = [executor.submit(_ready) for _ in range(self.workers)]
        return [f.result() for f in futures]

    def pids(self) -> list[int]:
        """The process ids of the running workers."""
        with self._lock:
            return sorted((self._executor._processes or {}).keys())

    def check(self, draft: Draft) -> tuple[Report, CheckView]:
        """Check a draft in a worker (waiting for a free one)."""
        with self._lock:
            executor = self._executor
        try:
            return executor.submit(_check, draft, self.store).result()
        except BrokenProcessPool:
            with self._lock:
                if self._executor is executor:  # the first to see it starts the pool again
                    self._executor = self._new_executor()
            executor.shutdown(wait=False, cancel_futures=True)
            raise WorkerLost("a check worker stopped during this check (it was replaced): send the draft again") \
                from None

    def close(self) -> None:
        with self._lock:
            executor = self._executor
        executor.shutdown(wait=True, cancel_futures=True)
