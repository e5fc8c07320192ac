"""``factcheck serve --workers N``: checks in worker processes, side by side, while decisions
are written and another connection holds the store's write lock; a worker that dies is
replaced."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_archive import DRAFT, DRAFT_NAME, LiveServer, make_app  # noqa: E402


@pytest.fixture(scope="module")
def served(archive, tmp_path_factory):
    """A desk with two check workers (ready before the first request) on a copy of the store."""
    import shutil

    root, store = archive
    copy = tmp_path_factory.mktemp("workers") / "store.sqlite"
    shutil.copy(store, copy)
    app = make_app(copy, root, workers=2, warm=True)
    server = LiveServer(app)
    server.store, server.pool = copy, app.state.desk.pool
    yield server
    server.stop()


def _post(url: str, body: dict) -> tuple[int, dict, str | None]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=180) as r:
            return r.status, json.loads(r.read()), r.headers.get("X-Factcheck-Check")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read()), None


def _get(url: str):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.loads(r.read())


def test_two_workers_answer_checks_and_decisions(served):
    assert len(served.pool.pids()) == 2  # started and ready before the first request
    status, doc, first = _post(served.url + "/api/check", {"text": DRAFT, "name": DRAFT_NAME})
    assert status == 200 and doc["findings"], doc
    key = served.server.config.app.state.desk.check_view(first).findings[0].key  # views are kept in the store

    def one(i: int) -> int:
        if i % 3:
            status, body, check_id = _post(served.url + "/api/check", {"text": DRAFT, "name": f"d{i}.md"})
            assert body.get("findings"), body
            return status
        return _post(served.url + "/api/decisions", {"check": first, "finding": key, "status": "accepted",
                                                     "reviewer": f"r{i}"})[0]

    with ThreadPoolExecutor(6) as pool:
        assert set(pool.map(one, range(18))) == {200}
    assert [d["key"] for d in _get(served.url + "/api/decisions")] == [key]


def test_a_check_runs_while_another_connection_holds_the_write_lock(served):
    from factcheck.serve.desk import Draft

    writer = sqlite3.connect(served.store, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # an index run writing a batch
    try:
        writer.execute("UPDATE meta SET value = value WHERE key = 'factcheck_version'")
        t = time.perf_counter()
        report, view = served.pool.check(Draft(text=DRAFT, name=DRAFT_NAME))
        assert report.findings and view.findings
        assert time.perf_counter() - t < 9  # under the store's 10 s busy timeout: it never waited for the lock
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_worker_that_dies_is_replaced(served):
    os.kill(served.pool.pids()[0], signal.SIGKILL)
    time.sleep(0.5)
    statuses = [_post(served.url + "/api/check", {"text": DRAFT, "name": DRAFT_NAME})[0] for _ in range(2)]
    assert statuses in ([503, 200], [200, 200])
    assert _post(served.url + "/api/check", {"text": DRAFT, "name": DRAFT_NAME})[0] == 200
