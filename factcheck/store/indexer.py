"""Incremental indexing: bring a claim store up to date with article files and folders.

Each file is read and hashed; a file whose content hash, pipeline fingerprint and
``--lang`` are those the store recorded is skipped without being parsed. The others are
loaded and their claims extracted in batches (``extract_articles``: one ``nlp.pipe``
stream per batch, ``jobs`` worker processes), and each batch is written in one
transaction, so a run killed at any point leaves a store that opens, holds whole files
only, and is completed by the next run. ``prune`` drops the files under the given paths
that are gone (or no longer selected).

Paths in the store are relative to the store's base folder (the folder that holds
``.factcheck/``, or the store file's folder), so running from another working directory
finds the same articles.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Callable, Sequence

from factcheck.errors import InputError
from factcheck.load import DEFAULT_MAX_BYTES, SourceFile, article_files, load_source
from factcheck.models import Claim, Rule
from factcheck.store.fingerprint import pipeline_fingerprint
from factcheck.store.store import ClaimStore, IndexedFile, text_hash

BATCH_ARTICLES = 200  # articles extracted and committed together

Extract = Callable[..., list[Claim]]


@dataclass(slots=True)
class IndexResult:
    indexed: int = 0      # articles extracted in this run
    unchanged: int = 0    # articles of files skipped as unchanged
    removed: int = 0      # articles dropped (files gone with --prune, or changed and now unreadable)
    claims: int = 0       # claims extracted in this run
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"indexed {self.indexed}, unchanged {self.unchanged}, removed {self.removed}, "
                f"claims {self.claims} in {self.seconds:.1f} s")


def store_base(store_path: str) -> str:
    """The folder the store's article paths are relative to."""
    folder = Path(os.path.abspath(store_path)).parent
    return str(folder.parent if folder.name == ".factcheck" else folder)


def _label(file: Path, base: str) -> PurePath:
    """The file's path relative to ``base`` when it is inside, else absolute."""
    absolute = os.path.abspath(file)
    rel = os.path.relpath(absolute, base)
    return PurePath(absolute if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel)


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def index_paths(store: ClaimStore, paths: Sequence[str | os.PathLike[str]], *, lang: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = None, prune: bool = False,
                path_filter: Callable[[str], bool] | None = None, known_rules: Sequence[Rule] | None = None,
                on_error: Callable[[InputError], None] | None = None,
                progress: Callable[[IndexResult], None] | None = None,
                batch_articles: int | None = None, extract: Extract | None = None) -> IndexResult:
    """Index the article files under ``paths`` into ``store``; see the module docstring.

    ``path_filter(path)`` keeps a file, named as under ``paths`` (config ``include``/``exclude``). A file that cannot
    be read is passed to ``on_error`` (else raised) and the others are indexed.
    ``known_rules`` turn the rule names of suppression comments into ids, as ``check`` does.
    ``progress`` is called after each batch of ``batch_articles`` (default ``BATCH_ARTICLES``).
    """
    if extract is None:
        from factcheck.extract.pipeline import extract_articles as extract
    batch_articles = batch_articles or BATCH_ARTICLES
    clock = time.perf_counter()
    result = IndexResult()
    fingerprint = pipeline_fingerprint()
    lang_option = lang or ""
    base = store_base(store.path)
    states = store.file_states()
    seen: set[str] = set()
    stale: list[str] = []
    pending: list[IndexedFile] = []
    pending_articles = 0

    def problem(exc: InputError) -> None:
        result.errors.append(str(exc))
        if on_error is None:
            raise exc
        on_error(exc)

    def flush() -> None:
        nonlocal pending, pending_articles, stale
        if not pending and not stale:
            return
        articles = [a for f in pending for a in f.articles]
        if known_rules is not None:
            from factcheck.suppress import resolve_rule_names

            result.warnings.extend(resolve_rule_names(articles, list(known_rules)))
        claims = extract(articles, n_process=jobs) if articles else []
        by_key: dict[str, list[Claim]] = {}
        for c in claims:
            by_key.setdefault(c.article_key, []).append(c)
        for f in pending:
            f.claims = [c for a in f.articles for c in by_key.get(a.key, ())]
        store.write_files(pending, remove=stale)
        result.indexed += len(articles)
        result.claims += len(claims)
        pending, pending_articles, stale = [], 0, []
        if progress is not None:
            progress(result)

    walk_errors: list[InputError] = []
    for found in article_files(paths, walk_errors):
        for exc in walk_errors:
            problem(exc)
        walk_errors.clear()
        if path_filter is not None and not path_filter(found.label.as_posix()):
            continue
        source = SourceFile(found.file, _label(found.file, base), found.real)
        seen.add(source.real)
        state = states.get(source.real)
        try:
            data = _read(source.file, max_bytes)
            digest = text_hash(data)
            if (state is not None and state.hash == digest and state.fingerprint == fingerprint
                    and state.lang_option == lang_option):
                result.unchanged += state.articles
                continue
            articles = load_source(source, lang, max_bytes)
        except InputError as exc:
            problem(exc)
            if state is not None:  # changed and unreadable now: its old claims are stale
                stale.append(source.real)
                result.removed += state.articles
            continue
        pending.append(IndexedFile(real=source.real, label=source.label.as_posix(), hash=digest, size=len(data),
                                   fingerprint=fingerprint, lang_option=lang_option, articles=articles, claims=[]))
        pending_articles += len(articles)
        if pending_articles >= batch_articles:
            flush()
    for exc in walk_errors:
        problem(exc)
    flush()
    if prune:
        roots = [os.path.realpath(p) for p in paths]
        gone = [real for real in states if real not in seen and real not in stale and _under(real, roots)]
        result.removed += store.remove_files(gone)
    result.seconds = time.perf_counter() - clock
    return result


def _read(file: Path, max_bytes: int) -> bytes:
    """The file's bytes, for its hash; too large or unreadable is the loader's error."""
    try:
        if file.stat().st_size > max_bytes:
            raise _load_error(file, max_bytes)
        return file.read_bytes()
    except OSError:
        raise _load_error(file, max_bytes) from None


def _load_error(file: Path, max_bytes: int) -> InputError:
    """The loader's own message for a file it cannot read."""
    try:
        load_source(SourceFile(file, PurePath(file), os.path.realpath(file)), None, max_bytes)
    except InputError as exc:
        return exc
    return InputError(f"{file.as_posix()}: cannot read the file")

