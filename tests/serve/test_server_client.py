"""``factcheck check DRAFT --server URL`` against a real uvicorn on a loopback port: the same
output and exit code as a local ``--against`` check."""

from __future__ import annotations

import json

from desk_archive import DRAFT, DRAFT_NAME

from factcheck.cli import main


def _run(capsys, *args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_server_check_prints_what_a_local_check_prints(live, monkeypatch, capsys):
    monkeypatch.chdir(live.root)
    (live.root / "drafts").mkdir(exist_ok=True)
    (live.root / "drafts" / DRAFT_NAME).write_text(DRAFT, encoding="utf-8")
    draft = f"drafts/{DRAFT_NAME}"
    for fmt in ("json", "text", "sarif", "github"):
        local = _run(capsys, draft, "--against", str(live.store), "--format", fmt)
        remote = _run(capsys, draft, "--server", live.url, "--format", fmt)
        assert remote[0] == local[0] == 1, (fmt, remote[2])
        if fmt == "json":
            assert json.loads(remote[1]) == json.loads(local[1])
        elif fmt == "sarif":
            strip = lambda s: {k: v for k, v in json.loads(s)["runs"][0].items() if k != "invocations"}  # noqa: E731
            assert strip(remote[1]) == strip(local[1])
        else:
            drop = lambda s: [ln for ln in s.splitlines() if " in " not in ln or "s" not in ln.split()[-1]]  # noqa: E731
            assert drop(remote[1]) == drop(local[1]), fmt


def test_server_check_honours_a_baseline(live, monkeypatch, capsys):
    monkeypatch.chdir(live.root)
    (live.root / DRAFT_NAME).write_text(DRAFT, encoding="utf-8")
    assert _run(capsys, DRAFT_NAME, "--server", live.url, "--write-baseline", "base.yml")[0] == 0
    assert _run(capsys, DRAFT_NAME, "--server", live.url, "--baseline", "base.yml")[0] == 0


def test_server_unreachable_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    from desk_archive import free_port

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    code, _, err = _run(capsys, "d.md", "--server", f"http://127.0.0.1:{free_port()}")
    assert code == 2 and "cannot reach the factcheck server" in err and len(err.strip().splitlines()) == 1


def test_server_needs_its_token(fresh_store, monkeypatch, capsys):
    from desk_archive import LiveServer, make_app

    root, store = fresh_store
    server = LiveServer(make_app(store, root, token="a-token-of-twenty-chars"))
    try:
        monkeypatch.chdir(root)
        (root / "d.md").write_text(DRAFT, encoding="utf-8")
        monkeypatch.delenv("FACTCHECK_TOKEN", raising=False)
        code, _, err = _run(capsys, "d.md", "--server", server.url)
        assert code == 2 and "401" in err and "FACTCHECK_TOKEN" in err
        monkeypatch.setenv("FACTCHECK_TOKEN", "a-token-of-twenty-chars")
        assert _run(capsys, "d.md", "--server", server.url)[0] == 1
    finally:
        server.stop()


def test_concurrent_checks_and_decisions_all_succeed(live):
    """Checks (which write to the store's story index in a rolled-back transaction) and
    decisions written meanwhile: no request fails, every decision is kept."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    def post(path, body):
        req = urllib.request.Request(live.url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read()), r.headers.get("X-Factcheck-Check")

    status, _, first = post("/api/check", {"text": DRAFT, "name": DRAFT_NAME})
    key = live.server.config.app.state.desk.check_view(first).findings[0].key

    def one(i):
        if i % 2:
            return post("/api/check", {"text": DRAFT, "name": f"d{i}.md"})[0]
        return post("/api/decisions", {"check": first, "finding": key, "status": "accepted",
                                       "reviewer": f"r{i}"})[0]

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(one, range(24))) == {200}
    with urllib.request.urlopen(live.url + "/api/decisions", timeout=30) as r:
        assert [d["key"] for d in json.loads(r.read())] == [key]
