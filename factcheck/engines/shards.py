"""Parquet shards: extracted article files as rows, written by workers, read by the import.

One row per article file, holding what the claim store writes for it (``IndexedFile``):
the file's identity, content hash, the pipeline fingerprint and ``--lang`` it was
extracted with, its text, and its articles, each with its fields, its analysed text and
its claims as the records the store keeps (lossless: ``Claim.to_record()`` less the
article, kept once per article, and the fields left at their defaults). The import rebuilds the ``Article`` and
``Claim`` values from them and hands them to ``ClaimStore.write_files``: the store gets
exactly what the in-process index would have given it.

Text that may hold lone surrogates (JSON Lines escapes, file names that are not UTF-8) is
stored as ``binary`` (UTF-8 with ``surrogatepass``); records and metadata as ASCII JSON,
which escapes them. ``seq`` is the file's place in the order files were found: the import
writes files in that order, whatever order the workers finished in.

A shards folder holds the ``*.parquet`` files of one run and, once the run has finished,
``MARKER`` (a JSON file naming the run): the import refuses a folder without it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from typing import Any, Iterator

import pyarrow as pa

from factcheck.errors import FactcheckError
from factcheck.models import Article, Claim
# the claim store's own record of a claim, and the claim back from it: shards hold the same
from factcheck.store.store import _claim as claim_from_record
from factcheck.store.store import _record as claim_record

MARKER = "_factcheck_shards.json"
FORMAT_VERSION = 1
SHARD_NAME = re.compile(r"[0-9a-f]{12}_.*\.parquet")  # <run id>_<write id>_<task>.parquet


class ShardsError(FactcheckError):
    """A shards folder cannot be written or read."""

ARTICLE = pa.struct([
    pa.field("fields", pa.string()),          # ASCII JSON: path, id, offset, title, source, dates, lang, story, meta
    pa.field("text", pa.large_binary()),      # Article.text
    pa.field("claims", pa.list_(pa.string())),  # ASCII JSON claim records, in extraction order
])

SCHEMA = pa.schema([
    pa.field("seq", pa.int64()),              # order in which the file was found
    pa.field("real", pa.binary()),            # real path: the file's identity in the store
    pa.field("label", pa.binary()),           # Article.path of its articles
    pa.field("hash", pa.string()),            # of the file's bytes
    pa.field("size", pa.int64()),
    pa.field("fingerprint", pa.string()),     # the extraction pipeline that made the claims
    pa.field("lang_option", pa.string()),     # --lang ("" for none)
    pa.field("error", pa.binary()),           # why the file could not be loaded ("" when it was)
    pa.field("warnings", pa.list_(pa.binary())),
    pa.field("source", pa.large_binary()),    # the file's text as read (Article.file_text)
    pa.field("articles", pa.list_(ARTICLE)),
])

# what a planned file carries into the workers
WORK = pa.schema([
    pa.field("seq", pa.int64()),
    pa.field("file", pa.binary()),            # the path to open
    pa.field("real", pa.binary()),
    pa.field("label", pa.binary()),
    pa.field("hash", pa.string()),
    pa.field("size", pa.int64()),
])


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=True, allow_nan=False, separators=(",", ":"), default=str)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def article_row(article: Article, claims: list[Claim]) -> dict[str, Any]:
    """An extracted article (``event_day`` and title place set) and its claims."""
    fields = {"path": article.path, "id": article.id, "offset": article.offset, "title": article.title,
              "source": article.source, "date": _date(article.date), "date_precision": article.date_precision,
              "event_day": _date(article.event_day), "lang": article.lang, "story": article.story,
              "meta": article.meta}
    return {"fields": _json(fields), "text": encode(article.text), "claims": [_json(claim_record(c)) for c in claims]}


def file_row(work: dict[str, Any], fingerprint: str, lang_option: str, articles: list[Article],
             claims: dict[str, list[Claim]], error: str = "", warnings: list[str] | None = None) -> dict[str, Any]:
    """A ``SCHEMA`` row for one planned file (``work``, a ``WORK`` row) and what came of it.
    ``claims`` maps ``Article.key`` to the article's claims."""
    return {"seq": work["seq"], "real": work["real"], "label": work["label"], "hash": work["hash"],
            "size": work["size"], "fingerprint": fingerprint, "lang_option": lang_option, "error": encode(error),
            "warnings": [encode(w) for w in warnings or ()],
            "source": encode(articles[0].file_text if articles else ""),
            "articles": [article_row(a, claims.get(a.key, [])) for a in articles]}


def table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)


@dataclass(frozen=True, slots=True)
class ShardFile:
    """One extracted file read back from a shard."""

    seq: int
    real: str
    label: str
    hash: str
    size: int
    fingerprint: str
    lang_option: str
    error: str
    warnings: tuple[str, ...]
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]   # of all its articles, in article then extraction order


def shard_file(row: dict[str, Any]) -> ShardFile:
    """A ``SCHEMA`` row (as ``Table.to_pylist`` gives it) back as values."""
    source = decode(row["source"])
    articles: list[Article] = []
    claims: list[Claim] = []
    for item in row["articles"]:
        f = json.loads(item["fields"])
        article = Article(path=f["path"], text=decode(item["text"]), file_text=source, offset=f["offset"],
                          id=f["id"], title=f["title"], source=f["source"],
                          date=dt.date.fromisoformat(f["date"]) if f["date"] else None,
                          date_precision=f["date_precision"],
                          event_day=dt.date.fromisoformat(f["event_day"]) if f["event_day"] else None,
                          lang=f["lang"], story=f["story"], meta=f["meta"])
        info = article.info()
        articles.append(article)
        claims.extend(claim_from_record(json.loads(c), info) for c in item["claims"])
    return ShardFile(seq=row["seq"], real=decode(row["real"]), label=decode(row["label"]), hash=row["hash"],
                     size=row["size"], fingerprint=row["fingerprint"], lang_option=row["lang_option"],
                     error=decode(row["error"]), warnings=tuple(decode(w) for w in row["warnings"]),
                     articles=tuple(articles), claims=tuple(claims))


def marker(run: str, fingerprint: str, files: int, base: str) -> str:
    """The text of ``MARKER`` for a finished run."""
    from factcheck import __version__

    return json.dumps({"format": FORMAT_VERSION, "run": run, "factcheck": __version__, "fingerprint": fingerprint,
                       "files": files, "base": base,
                       "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}, indent=2) + "\n"


def rows_in_order(tables: Iterator[tuple[int, int, pa.Table]]) -> Iterator[dict[str, Any]]:
    """Rows of row groups given as (min seq, max seq, table) in ascending min seq, in ``seq``
    order, holding back only the rows of row groups whose seq ranges overlap.

    A row whose seq is below the next group's minimum cannot be preceded by a row still
    unread, so it goes out; when the groups do not overlap (Ray writes them in order), one
    group is held at a time.
    """
    import heapq

    held: list[tuple[int, int, dict[str, Any]]] = []
    n = 0
    for low, _high, tab in tables:
        while held and held[0][0] < low:
            yield heapq.heappop(held)[2]
        for row in tab.to_pylist():
            heapq.heappush(held, (row["seq"], n, row))
            n += 1
    while held:
        yield heapq.heappop(held)[2]


def filesystem_for(uri: str):
    """(pyarrow filesystem, path) for a local folder or a URI pyarrow knows (s3://, gs://, hdfs://…)."""
    from pyarrow import fs

    if "://" in uri:
        try:
            filesystem, root = fs.FileSystem.from_uri(uri)
        except (pa.ArrowException, ValueError, OSError) as exc:
            raise ShardsError(f"{uri}: cannot open this location ({str(exc).splitlines()[0]})") from None
    else:
        filesystem, root = fs.LocalFileSystem(), os.path.abspath(uri)
    return filesystem, root.rstrip("/") or "/"


def prepare(uri: str):
    """(filesystem, path) of the folder ``uri`` names, ready for a run: created, or emptied of
    an earlier run's shards. A folder holding anything else is refused: a wrong ``--shards``
    must not cost anyone their files."""
    from pyarrow import fs

    filesystem, root = filesystem_for(uri)
    info = filesystem.get_file_info(root)
    if info.type == fs.FileType.File:
        raise ShardsError(f"{uri}: is a file; --shards takes a folder")
    if info.type != fs.FileType.Directory:
        filesystem.create_dir(root, recursive=True)
        return filesystem, root
    entries = filesystem.get_file_info(fs.FileSelector(root, recursive=False))
    others = [e.base_name for e in entries if e.base_name != MARKER and not SHARD_NAME.fullmatch(e.base_name)]
    if others:
        raise ShardsError(f"{uri}: the folder holds other files than factcheck shards ({others[0]}, ...); "
                          "give an empty folder or the shards folder of an earlier run")
    # the marker first: a run stopped meanwhile leaves no folder that looks complete
    for e in sorted(entries, key=lambda e: e.base_name != MARKER):
        filesystem.delete_file(e.path)
    return filesystem, root


def write_marker(filesystem, root: str, text: str) -> None:
    with filesystem.open_output_stream(f"{root}/{MARKER}") as out:
        out.write(text.encode())


def read_rows(uri: str) -> Iterator[dict[str, Any]]:
    """The rows of a finished run's shards, in ``seq`` order (see ``rows_in_order``)."""
    import pyarrow.parquet as pq
    from pyarrow import fs

    filesystem, root = filesystem_for(uri)
    info = filesystem.get_file_info(root)
    if info.type != fs.FileType.Directory:
        raise ShardsError(f"{uri}: no such folder; give the --shards folder of a factcheck index --engine ray run")
    names = [e for e in filesystem.get_file_info(fs.FileSelector(root, recursive=False))]
    if not any(e.base_name == MARKER for e in names):
        raise ShardsError(f"{uri}: no finished factcheck shards here (no {MARKER}: the run did not finish, or "
                          "this is another folder); run factcheck index --engine ray again")
    with filesystem.open_input_stream(f"{root}/{MARKER}") as fh:
        try:
            run = json.loads(fh.read().decode())
        except ValueError:
            run = {}
    if run.get("format") != FORMAT_VERSION:
        raise ShardsError(f"{uri}: shards of another format ({run.get('format')!r}, this factcheck reads "
                          f"{FORMAT_VERSION}); make them again with this version")
    groups = []
    files = {}
    for e in names:
        if not SHARD_NAME.fullmatch(e.base_name):
            continue
        try:
            pf = pq.ParquetFile(filesystem.open_input_file(e.path))
        except (pa.ArrowException, OSError) as exc:
            raise ShardsError(f"{e.path}: not a readable Parquet shard ({str(exc).splitlines()[0]})") from None
        if not pf.schema_arrow.equals(SCHEMA):
            raise ShardsError(f"{e.path}: not a factcheck shard of this version (other columns)")
        files[e.path] = pf
        seq = pf.schema_arrow.get_field_index("seq")
        for g in range(pf.metadata.num_row_groups):
            if not pf.metadata.row_group(g).num_rows:
                continue
            stats = pf.metadata.row_group(g).column(seq).statistics
            if stats is None or not stats.has_min_max:
                column = pf.read_row_group(g, columns=["seq"]).column(0).to_pylist()
                groups.append((min(column), max(column), e.path, g))
            else:
                groups.append((stats.min, stats.max, e.path, g))
    groups.sort()
    yield from rows_in_order((low, high, files[path].read_row_group(g)) for low, high, path, g in groups)
