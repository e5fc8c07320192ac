"""Parquet shards and ``factcheck index --import`` without Ray: the worker UDF called in this
process writes the shards a Ray run would; the import gives the store the local index gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

pa = pytest.importorskip("pyarrow", reason="shards need pyarrow (factcheck[ray])")

import pyarrow.parquet as pq  # noqa: E402
from engine_archive import assert_same_store  # noqa: E402

from factcheck.commands.check import load_all_rules  # noqa: E402
from factcheck.config import load_config  # noqa: E402
from factcheck.engines import shards  # noqa: E402
from factcheck.engines.plan import plan  # noqa: E402
from factcheck.engines.worker import ExtractFiles  # noqa: E402
from factcheck.store import pipeline_fingerprint, store_base  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def make_shards(paths: list[str], store: str, folder: str, per_shard: int = 7) -> int:
    """What ``--engine ray --shards-only`` writes, made here: the planned files through the
    worker UDF in batches, shards written newest batch first (the import must restore the order)."""
    found = plan(paths, {}, store_base(os.path.abspath(store)), pipeline_fingerprint(), "", 20_000_000)
    udf = ExtractFiles(pipeline_fingerprint(), None, 20_000_000, known_rules=load_all_rules(load_config()))
    filesystem, root = shards.prepare(folder)
    rows = [{"seq": w.seq, "file": shards.encode(w.file), "real": shards.encode(w.real),
             "label": shards.encode(w.label), "hash": w.hash, "size": w.size} for w in found.work]
    batches = [rows[i:i + per_shard] for i in range(0, len(rows), per_shard)]
    for n, batch in reversed(list(enumerate(batches))):
        out = udf(pa.Table.from_pylist(batch, schema=shards.WORK))
        pq.write_table(out, f"{root}/0123456789ab_test_{n:06d}.parquet", row_group_size=3)
    shards.write_marker(filesystem, root, shards.marker("0123456789ab", pipeline_fingerprint(), len(rows), ""))
    return len(rows)


def test_import_gives_the_local_store_and_is_incremental(archive, capsys):
    feed = archive / "articles" / "feeds" / "odd.jsonl"  # a lone surrogate: JSON allows it, UTF-8 does not
    feed.write_text('{"id": "s1", "lang": "fr", "text": "Un \\ud800 signe et 14 euros de plus."}\n', encoding="utf-8")
    assert main(["index", "articles", "--store", "local.sqlite"]) == 0
    assert make_shards(["articles"], "imported.sqlite", "shards") == 21
    capsys.readouterr()
    assert main(["index", "--import", "shards", "--store", "imported.sqlite"]) == 0
    assert capsys.readouterr().out.startswith("indexed 23, unchanged 0, removed 0, claims ")
    assert_same_store(archive / "local.sqlite", archive / "imported.sqlite")
    assert main(["index", "--import", "shards", "--store", "imported.sqlite"]) == 0
    assert capsys.readouterr().out.startswith("indexed 0, unchanged 23, removed 0, claims 0 ")


def test_rows_come_out_in_seq_order_when_row_groups_overlap():
    def group(seqs):
        return min(seqs), max(seqs), pa.table({"seq": seqs})

    groups = sorted([group([0, 4, 5]), group([1, 2, 9]), group([3, 6]), group([7, 8])], key=lambda g: g[0])
    assert [r["seq"] for r in shards.rows_in_order(iter(groups))] == list(range(10))


@pytest.mark.parametrize("setup, args, message", [
    (lambda d: None, ["--import", "nowhere"], "nowhere: no such folder"),
    (lambda d: (d / "shards").mkdir(), ["--import", "shards"], "shards: no finished factcheck shards here"),
    (lambda d: None, ["--import", "shards", "articles"], "--import DIR loads shards and takes no PATH"),
    (lambda d: None, ["articles", "--shards", "s"], "--shards and --shards-only go with --engine ray"),
    (lambda d: None, ["--engine", "ray"], "no input given"),
])
def test_bad_uses_are_one_line_and_exit_2(archive, capsys, setup, args, message):
    setup(archive)
    assert main(["index", *args, "--store", "s.sqlite"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("factcheck: error: ")


def test_a_shards_folder_that_holds_other_files_is_left_alone(archive):
    (archive / "mine").mkdir()
    (archive / "mine" / "thesis.tex").write_text("keep me")
    with pytest.raises(shards.ShardsError, match="other files than factcheck shards"):
        shards.prepare("mine")
    assert (archive / "mine" / "thesis.tex").read_text() == "keep me"


def test_without_ray_the_engine_says_which_extra_to_install(archive):
    code = ("import sys; sys.modules['ray'] = None\n"
            "from factcheck.cli import main\n"
            "sys.exit(main(['index', 'articles', '--engine', 'ray', '--store', 's.sqlite']))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=archive)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "install factcheck[ray]" in res.stderr
    assert "Traceback" not in res.stderr
