"""Which files an engine must extract: the incremental test of ``factcheck index``, without extracting.

Files are found as the in-process indexer finds them (``article_files``, the configuration's
include/exclude, labels relative to the store's folder), read and hashed; a file whose
hash, pipeline fingerprint and ``--lang`` are those the store recorded is unchanged. The
others are ``Work``: what a worker needs to load and extract them, numbered in the order
they were found, so that the store receives them in that order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from factcheck.errors import InputError
from factcheck.load import SourceFile, article_files
from factcheck.store import FileState
from factcheck.store.indexer import _label, _read  # the indexer's own labels and read checks
from factcheck.store.store import text_hash


@dataclass(frozen=True, slots=True)
class Work:
    """A file to extract."""

    seq: int
    file: str     # the path to open (absolute: workers may run elsewhere)
    real: str
    label: str    # Article.path of its articles
    hash: str
    size: int


@dataclass(slots=True)
class Plan:
    work: list[Work] = field(default_factory=list)
    unchanged: int = 0                                     # articles of unchanged files
    stale: list[str] = field(default_factory=list)         # stored files now unreadable: to drop
    stale_articles: int = 0
    seen: set[str] = field(default_factory=set)            # real paths of every file found
    errors: list[str] = field(default_factory=list)


def plan(paths: Sequence[str | os.PathLike[str]], states: Mapping[str, FileState], base: str, fingerprint: str,
         lang_option: str, max_bytes: int, path_filter: Callable[[str], bool] | None = None,
         on_error: Callable[[InputError], None] | None = None) -> Plan:
    """The files under ``paths`` that need extracting, given the store's ``states``.

    A file that cannot be read goes to ``on_error`` (else is raised); if the store holds
    it, its old claims are stale. Mirrors ``factcheck.store.indexer.index_paths``.
    """
    result = Plan()

    def problem(exc: InputError) -> None:
        result.errors.append(str(exc))
        if on_error is None:
            raise exc
        on_error(exc)

    walk_errors: list[InputError] = []
    for found in article_files(paths, walk_errors):
        for exc in walk_errors:
            problem(exc)
        walk_errors.clear()
        source = SourceFile(found.file, _label(found.file, base), found.real)
        if path_filter is not None and not path_filter(source.label.as_posix()):
            continue
        result.seen.add(source.real)
        state = states.get(source.real)
        try:
            data = _read(source.file, max_bytes)
        except InputError as exc:
            problem(exc)
            if state is not None:
                result.stale.append(source.real)
                result.stale_articles += state.articles
            continue
        digest = text_hash(data)
        if (state is not None and state.hash == digest and state.fingerprint == fingerprint
                and state.lang_option == lang_option):
            result.unchanged += state.articles
            continue
        result.work.append(Work(seq=len(result.work), file=os.path.abspath(source.file), real=source.real,
                                label=source.label.as_posix(), hash=digest, size=len(data)))
    for exc in walk_errors:
        problem(exc)
    return result


def gone(states: Mapping[str, FileState], result: Plan, paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """For ``--prune``: stored files under ``paths`` that were not found (or not selected)."""
    roots = [os.path.realpath(p) for p in paths]
    stale = set(result.stale)
    return [real for real in states if real not in result.seen and real not in stale
            and any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots)]


__all__ = ["Plan", "Work", "gone", "plan"]
