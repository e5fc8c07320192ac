"""``factcheck index --engine ray`` on a local Ray (2 CPUs): the store it leaves is the one
the in-process index leaves, claim for claim, article for article, stories included."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from factcheck.cli import main

ray = pytest.importorskip("ray", reason="the Ray engine needs factcheck[ray] (ray[data], pyarrow)")

from engine_archive import assert_same_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def local_ray():
    """One local Ray for the session: 2 CPUs, no dashboard, quiet; shut down at the end.

    The engine finds it initialised and uses it as it is. Workers import factcheck from
    this checkout (PYTHONPATH, inherited by the processes Ray starts).
    """
    saved = {k: os.environ.get(k) for k in ("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "PYTHONPATH")}
    os.environ["RAY_ENABLE_UV_RUN_RUNTIME_ENV"] = "0"
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), saved["PYTHONPATH"]) if p)
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False,
             object_store_memory=200 * 1024 * 1024)
    try:
        yield ray
    finally:
        ray.shutdown()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def index(*args: str) -> int:
    return main(["index", *args])


def test_ray_index_gives_the_local_store(archive, local_ray, capsys):
    """Shards, then import; then changes indexed by both engines; a run with nothing to do."""
    assert index("articles", "--store", "local.sqlite") == 0
    assert capsys.readouterr().out.startswith("indexed 22, unchanged 0, removed 0, claims ")
    assert index("articles", "--store", "ray.sqlite", "--engine", "ray", "--jobs", "2", "--shards-only",
                 "--shards", "shards") == 0
    out = capsys.readouterr().out
    assert out.startswith("shards: 20 files to import in shards, unchanged 0")
    assert not (archive / "ray.sqlite").exists()  # --shards-only writes no store
    assert len(list((archive / "shards").glob("*.parquet"))) >= 1
    assert index("--import", "shards", "--store", "ray.sqlite") == 0
    assert capsys.readouterr().out.startswith("indexed 22, unchanged 0, removed 0, claims ")
    assert_same_store(archive / "local.sqlite", archive / "ray.sqlite")
    # importing again changes nothing
    assert index("--import", "shards", "--store", "ray.sqlite") == 0
    assert capsys.readouterr().out.startswith("indexed 0, unchanged 22, removed 0, claims 0 ")
    assert_same_store(archive / "local.sqlite", archive / "ray.sqlite")

    # then --engine ray in one command, incremental, with --prune and a file no worker can load
    changed = archive / "articles" / "harbour-fire" / "harbour-fire-1.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("were damaged", "were badly damaged"),
                       encoding="utf-8")
    (archive / "articles" / "budget-de-laval" / "budget-de-laval-3.md").unlink()
    added = archive / "articles" / "harbour-fire" / "harbour-fire-9.md"
    added.write_text("---\ntitle: Harbour fire, the toll\ndate: 2024-03-15\nlang: en\n---\n\n"
                     "The fire destroyed 7 boats and 2 warehouses.\n", encoding="utf-8")
    bad = archive / "articles" / "budget-de-laval" / "latin1.md"  # a file no worker can load
    bad.write_bytes("---\ntitle: Budget\n---\n\nLe budget de Laval a été fixé à 12 millions.\n".encode("latin-1"))
    assert index("articles", "--store", "local.sqlite", "--prune") == 2
    local = capsys.readouterr()
    assert index("articles", "--store", "ray.sqlite", "--engine", "ray", "--jobs", "2", "--prune") == 2
    remote = capsys.readouterr()
    assert local.out.startswith("indexed 2, unchanged 20, removed 1, claims ")
    assert remote.out.split(" in ")[0] == local.out.split(" in ")[0]
    assert [ln for ln in remote.err.splitlines() if "latin1.md" in ln] == \
        [ln for ln in local.err.splitlines() if "latin1.md" in ln] != []
    assert "Traceback" not in remote.err
    assert_same_store(archive / "local.sqlite", archive / "ray.sqlite")
    assert (archive / "ray.shards" / "_factcheck_shards.json").is_file()  # the default: beside the store

    # nothing changed: no file goes to Ray, the store stays as it is
    bad.unlink()
    assert index("articles", "--store", "ray.sqlite", "--engine", "ray") == 0
    assert capsys.readouterr().out.startswith("indexed 0, unchanged 22, removed 0, claims 0 ")
    assert_same_store(archive / "local.sqlite", archive / "ray.sqlite")

