"""The store survives ``kill -9`` mid-transaction and two indexers at once.

The indexers run in subprocesses. The crash is made deterministic: the subprocess kills
itself with SIGKILL while writing its third batch (inside the open transaction), so the
test does not depend on timing.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tiny_articles import write_articles
from factcheck.cli import main
from factcheck.store import ClaimStore, index_paths

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")

ROOT = Path(__file__).resolve().parents[2]

# A fake extractor for the concurrency test (no model): one claim per number, made as the pipeline makes them.
FAKE_EXTRACT = textwrap.dedent("""
    import re
    import importlib
    pipeline = importlib.import_module("factcheck.extract.pipeline")
    from factcheck.models import Claim

    def extract_articles(articles, n_process=None, batch_size=64):
        out = []
        for a in articles:
            info = a.info()
            for m in re.finditer(r"\\d+", a.text):
                out.append(Claim(start=a.offset + m.start(), end=a.offset + m.end(), text=m.group(),
                                 value=float(m.group()), path=a.path, article=info))
        return out

    pipeline.extract_articles = extract_articles
""")


def _run(code: str, cwd: Path, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _whole_files(store: ClaimStore) -> None:
    """Every stored file has all its articles, and every article its claims."""
    conn = store.connection
    for path, n in conn.execute("SELECT path, articles FROM files"):
        assert conn.execute("SELECT count(*) FROM articles WHERE file = ?", (path,)).fetchone()[0] == n
    orphans = conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                           "(SELECT 1 FROM claims c WHERE c.article = a.id)").fetchone()[0]
    assert orphans == 0


def _sorted_claims(store: ClaimStore) -> list:
    return sorted(store.claims(), key=lambda c: (c.path, c.start))


def test_kill_9_mid_index_loses_nothing_on_the_next_run(tmp_path, monkeypatch):
    write_articles(tmp_path / "articles", 120, 2)  # 240 articles, 4 claims each
    crash = textwrap.dedent("""
        import os, signal, sys
        import factcheck.align.subjects as subjects
        from factcheck.store import indexer
        indexer.BATCH_ARTICLES = 50
        real, calls = subjects.base_key, [0]

        def base_key(claim):  # called for each claim written: die inside the third batch's transaction
            calls[0] += 1
            if calls[0] == 2 * 50 * 4 + 40:  # 4 claims per article
                os.kill(os.getpid(), signal.SIGKILL)
            return real(claim)

        subjects.base_key = base_key
        from factcheck.cli import main
        sys.exit(main(["index", "--store", "s.sqlite", "articles"]))
    """)
    proc = _run(crash, tmp_path)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == -signal.SIGKILL, err
    assert _integrity(tmp_path / "s.sqlite") == "ok"
    with ClaimStore.open(str(tmp_path / "s.sqlite")) as store:
        articles, _ = store.counts()
        assert articles == 100  # two whole batches committed, the third rolled back
        _whole_files(store)
    monkeypatch.chdir(tmp_path)
    assert main(["index", "--store", "s.sqlite", "articles"]) == 0
    with ClaimStore.open("clean.sqlite") as clean:
        index_paths(clean, ["articles"])
        expected = _sorted_claims(clean)
    with ClaimStore.open("s.sqlite", readonly=True) as store:
        assert store.counts() == (240, len(expected))
        assert _sorted_claims(store) == expected
        _whole_files(store)


def test_second_indexer_waits_then_refuses_with_one_line(tmp_path, monkeypatch, capsys):
    write_articles(tmp_path / "articles", 1, 1)
    monkeypatch.chdir(tmp_path)
    holder = _run("import sys\nfrom factcheck.store import WriterLock\nlock = WriterLock(sys.argv[1])\n"
                  "lock.acquire()\nprint('locked', flush=True)\nsys.stdin.read()\n", tmp_path, "s.sqlite",
                  stdin=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["index", "--store", "s.sqlite", "--wait", "0.2", "articles"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "another factcheck index is writing" in err[0]
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    assert main(["index", "--store", "s.sqlite", "articles"]) == 0


def test_two_indexers_at_once_leave_one_consistent_store(tmp_path):
    write_articles(tmp_path / "articles", 50, 2)
    code = FAKE_EXTRACT + textwrap.dedent("""
        import sys
        from factcheck.cli import main
        sys.exit(main(["index", "--store", "s.sqlite", "--wait", "300", "articles"]))
    """)
    procs = [_run(code, tmp_path) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    summaries = sorted(out.strip() for out, _ in outs)
    assert summaries[0].startswith("indexed 0, unchanged 100,") and summaries[1].startswith("indexed 100, unchanged 0,")
    assert _integrity(tmp_path / "s.sqlite") == "ok"
    with ClaimStore.open(str(tmp_path / "s.sqlite"), readonly=True) as store:
        assert store.counts() == (100, 100 * 3)
        ids = [c.id for c in store.claims()]
        assert len(ids) == len(set(ids))
        _whole_files(store)
