"""Extract a batch of planned files into shard rows: the work one Ray actor does.

``ExtractFiles`` is a Ray Data class UDF: Ray builds one per actor and calls it on batches
of ``shards.WORK`` rows. The spaCy pipelines load once per process (``nlp_for`` caches
them), on the first batch of each language. Each batch is loaded and extracted as the
in-process indexer does a batch (``load_source``, suppression names resolved against the
known rules, one ``extract_articles`` stream), so the claims are the same.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any, Sequence

import pyarrow as pa

from factcheck.engines import shards
from factcheck.errors import InputError
from factcheck.load import SourceFile, load_source
from factcheck.models import Article, Claim, Rule


class ExtractFiles:
    """``ExtractFiles(...)(batch)``: a ``shards.WORK`` table in, a ``shards.SCHEMA`` table out."""

    def __init__(self, fingerprint: str, lang: str | None, max_bytes: int,
                 known_rules: Sequence[Rule] | None = None) -> None:
        self.fingerprint = fingerprint
        self.lang = lang
        self.max_bytes = max_bytes
        self.known_rules = list(known_rules) if known_rules is not None else None

    def __call__(self, batch: pa.Table) -> pa.Table:
        from factcheck.extract.pipeline import extract_articles

        works = batch.to_pylist()
        loaded: list[tuple[dict[str, Any], list[Article], str]] = []
        for work in works:
            source = SourceFile(Path(shards.decode(work["file"])), PurePath(shards.decode(work["label"])),
                                shards.decode(work["real"]))
            try:
                loaded.append((work, load_source(source, self.lang, self.max_bytes), ""))
            except InputError as exc:
                loaded.append((work, [], str(exc)))
        articles = [a for _, arts, _ in loaded for a in arts]
        warnings: dict[str, list[str]] = {}
        if self.known_rules is not None:
            from factcheck.suppress import resolve_rule_names

            for work, arts, _ in loaded:
                warnings[work["real"]] = resolve_rule_names(arts, self.known_rules)
        claims: dict[str, list[Claim]] = {}
        for c in extract_articles(articles, n_process=1) if articles else ():
            claims.setdefault(c.article_key, []).append(c)
        return shards.table([shards.file_row(work, self.fingerprint, self.lang or "", arts, claims, error,
                                             warnings.get(work["real"]))
                             for work, arts, error in loaded])
