"""Extraction on Ray Data: planned files → actors that each load the pipeline once → Parquet shards.

``run(work, shards_dir, ...)`` makes a dataset of the planned files (``plan.Work``),
maps it with the class UDF ``worker.ExtractFiles`` on a fixed pool of ``jobs`` actors
(one CPU each), and writes the rows as Parquet to ``shards_dir`` (a local folder, or any
URI pyarrow writes to: ``s3://``, ``gs://``…); ``importer`` then loads them into the
store. Ray starts locally with ``jobs`` CPUs, unless ``RAY_ADDRESS`` names a cluster to
connect to, or Ray is already initialised in this process (then it is used as it is, and
left running).

Importing this module without Ray installed raises ``MissingExtraError``: one line
saying to install ``factcheck[ray]``, exit 2.
"""

from __future__ import annotations

import logging
import os
import uuid
from typing import Sequence

from factcheck.engines import MissingExtraError, RAY_EXTRA_HINT

try:
    import pyarrow as pa
    import ray
    import ray.data
except ImportError as _exc:  # only an extra installs them
    raise MissingExtraError(f"the Ray engine needs {_exc.name or 'ray'}, which is not installed; "
                            f"{RAY_EXTRA_HINT}") from None

from factcheck.engines import shards
from factcheck.engines.plan import Work
from factcheck.engines.worker import ExtractFiles
from factcheck.errors import FactcheckError
from factcheck.models import Rule

BATCH_FILES = 16   # files per UDF call: one nlp.pipe stream, small enough to spread over the actors
BLOCK_FILES = 256  # files per dataset block (a task's input, about one shard file)
QUIET = {
    # under ``uv run`` Ray would build a uv environment for every worker; workers use this Python
    "RAY_ENABLE_UV_RUN_RUNTIME_ENV": "0",
}


class RayEngineError(FactcheckError):
    """Ray could not start, connect, or finish the run."""


def start(jobs: int | None) -> bool:
    """Initialise Ray unless it is: locally with ``jobs`` CPUs, or on the cluster ``RAY_ADDRESS``
    names. Returns True when this call started it (the caller shuts it down)."""
    if ray.is_initialized():
        return False
    for key, value in QUIET.items():
        os.environ.setdefault(key, value)
    options = {"include_dashboard": False, "logging_level": logging.ERROR, "log_to_driver": False}
    try:
        if os.environ.get("RAY_ADDRESS"):
            ray.init(**options)  # the cluster's resources; --jobs is the number of actors there
        else:
            ray.init(num_cpus=jobs or os.cpu_count() or 1, **options)
    except Exception as exc:  # ConnectionError, RuntimeError, ValueError: Ray's own, several kinds
        where = os.environ.get("RAY_ADDRESS")
        raise RayEngineError(f"cannot start Ray{f' at RAY_ADDRESS={where}' if where else ''}: "
                             f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    return True


def _quiet_data() -> None:
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    ctx.execution_options.preserve_order = True  # shards come out in the order files were found


def default_jobs() -> int:
    """Actors when ``--jobs`` is not given: one per CPU Ray has."""
    return max(1, int(ray.available_resources().get("CPU", 1)))


def run(work: Sequence[Work], shards_dir: str, *, fingerprint: str, base: str, lang: str | None, max_bytes: int,
        known_rules: Sequence[Rule] | None = None, jobs: int | None = None,
        batch_files: int = BATCH_FILES) -> str:
    """Extract ``work`` on Ray into Parquet shards under ``shards_dir``; returns the run id.

    The folder must be empty or hold the shards of an earlier run (they are replaced);
    ``shards.MARKER`` is written last, when every shard is.
    """
    started = start(jobs)
    try:
        _quiet_data()
        filesystem, root = shards.prepare(shards_dir)
        run_id = uuid.uuid4().hex[:12]
        if work:
            rows = [{"seq": w.seq, "file": shards.encode(w.file), "real": shards.encode(w.real),
                     "label": shards.encode(w.label), "hash": w.hash, "size": w.size} for w in work]
            actors = max(1, min(jobs or default_jobs(), -(-len(work) // batch_files)))
            blocks = min(len(work), max(actors * 4, -(-len(work) // BLOCK_FILES)))  # balance the actors
            table = pa.Table.from_pylist(rows, schema=shards.WORK)
            step = -(-len(rows) // blocks)
            dataset = ray.data.from_arrow([table.slice(i, step) for i in range(0, len(rows), step)])
            extracted = dataset.map_batches(
                ExtractFiles, batch_size=batch_files, batch_format="pyarrow",
                fn_constructor_kwargs={"fingerprint": fingerprint, "lang": lang, "max_bytes": max_bytes,
                                       "known_rules": list(known_rules) if known_rules is not None else None},
                compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=1)
            names = ray.data.datasource.FilenameProvider(run_id, "parquet")  # shards.SHARD_NAME
            try:
                extracted.write_parquet(root, filesystem=filesystem, filename_provider=names, compression="zstd")
            except Exception as exc:  # a worker's failure comes back as Ray's exception
                raise RayEngineError(f"the Ray run failed: {_last_line(exc)}") from None
        shards.write_marker(filesystem, root, shards.marker(run_id, fingerprint, len(work), base))
        return run_id
    finally:
        if started:
            ray.shutdown()


def _last_line(exc: BaseException) -> str:
    """Ray wraps a worker's exception in its own text; the cause is on the last line."""
    text = str(exc).strip()
    return text.splitlines()[-1] if text else type(exc).__name__
