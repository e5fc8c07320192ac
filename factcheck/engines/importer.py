"""``factcheck index --import DIR``: the files of a shards folder into the claim store.

Files go in in the order they were found (``seq``), in transactions of about
``BATCH_ARTICLES`` articles through ``ClaimStore.write_files``, as the in-process indexer
writes its batches: a run killed meanwhile leaves whole files only, and importing again
completes it. Incremental like an index: a file the store already holds with the same
content hash, pipeline fingerprint and ``--lang`` is skipped. A file a worker could not
load is reported, and its old claims, if the store has any, are dropped.
"""

from __future__ import annotations

import time
from typing import Callable, Sequence

from factcheck.engines import require

require("pyarrow", "reading shards")

from factcheck.engines import shards  # noqa: E402
from factcheck.errors import InputError  # noqa: E402
from factcheck.store import ClaimStore, IndexResult  # noqa: E402
from factcheck.store.indexer import BATCH_ARTICLES  # noqa: E402
from factcheck.store.store import IndexedFile  # noqa: E402


def import_shards(store: ClaimStore, uri: str, *, result: IndexResult | None = None,
                  remove: Sequence[str] = (), batch_articles: int = BATCH_ARTICLES,
                  on_error: Callable[[InputError], None] | None = None,
                  progress: Callable[[IndexResult], None] | None = None, story: str = "auto") -> IndexResult:
    """Load the shards under ``uri`` into ``store``; counts add to ``result`` when given.
    Articles are put in stories as the in-process indexer does (``story``: auto or folder).

    ``remove`` names stored files (real paths) to drop in the first transaction (files the
    engine found unreadable or gone). A worker's load error goes to ``on_error`` (else is raised).
    """
    from factcheck.store import pipeline_fingerprint

    clock = time.perf_counter()
    result = result if result is not None else IndexResult()
    states = store.file_states()
    current = pipeline_fingerprint()
    pending: list[IndexedFile] = []
    stale: list[str] = list(remove)
    size = 0
    other_pipeline = 0

    def flush() -> None:
        nonlocal pending, stale, size
        if not pending and not stale:
            return
        store.write_files(pending, remove=stale, story=story)
        result.indexed += sum(len(f.articles) for f in pending)
        result.claims += sum(len(f.claims) for f in pending)
        pending, stale, size = [], [], 0
        if progress is not None:
            progress(result)

    for row in shards.read_rows(uri):
        f = shards.shard_file(row)
        state = states.get(f.real)
        result.warnings.extend(f.warnings)
        if f.error:
            exc = InputError(f.error)
            result.errors.append(f.error)
            if on_error is None:
                raise exc
            on_error(exc)
            if state is not None:
                stale.append(f.real)
                result.removed += state.articles
            continue
        if (state is not None and state.hash == f.hash and state.fingerprint == f.fingerprint
                and state.lang_option == f.lang_option):
            result.unchanged += state.articles
            continue
        other_pipeline += f.fingerprint != current
        pending.append(IndexedFile(real=f.real, label=f.label, hash=f.hash, size=f.size, fingerprint=f.fingerprint,
                                   lang_option=f.lang_option, articles=list(f.articles), claims=list(f.claims)))
        size += len(f.articles)
        if size >= batch_articles:
            flush()
    flush()
    if other_pipeline:
        result.warnings.append(f"{uri}: {other_pipeline} files were extracted by another version of factcheck's "
                               "pipeline; the next factcheck index extracts them again")
    result.seconds += time.perf_counter() - clock
    return result
