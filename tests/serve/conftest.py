"""The desk's tests: an archive (the bundled Alençon story) indexed once per session into a
temporary store, the app built over it (see ``desk_archive``)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("docx")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_archive import ROOT, LiveServer, make_app  # noqa: E402


@pytest.fixture(scope="session")
def archive(tmp_path_factory):
    """(folder, store path): corpus/alencon-crack copied and indexed (story auto)."""
    from factcheck.cli import main

    root = tmp_path_factory.mktemp("desk")
    shutil.copytree(ROOT / "corpus" / "alencon-crack", root / "alencon-crack",
                    ignore=shutil.ignore_patterns("expected.yaml"))
    (root / "incoming").mkdir()
    store = root / "store.sqlite"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        assert main(["index", "--store", str(store), "alencon-crack"]) == 0
    return root, store


@pytest.fixture
def fresh_store(archive, tmp_path):
    """A copy of the indexed store, for tests that write decisions or index more."""
    root, store = archive
    copy = root / f"store-{tmp_path.name}.sqlite"
    shutil.copy(store, copy)
    return root, copy


@pytest.fixture
def client(fresh_store):
    from fastapi.testclient import TestClient

    root, store = fresh_store
    with TestClient(make_app(store, root)) as c:
        c.store, c.root = store, root
        yield c


@pytest.fixture
def live(fresh_store):
    root, store = fresh_store
    server = LiveServer(make_app(store, root))
    server.store, server.root = store, root
    yield server
    server.stop()
