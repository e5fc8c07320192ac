"""The claim store: articles and their claims, indexed once, read back in seconds.

``ClaimStore`` (``store``) is one SQLite file; ``schema`` holds its tables and the version
check; ``index_paths`` (``indexer``) brings it up to date with article files, extracting
only what changed; ``pipeline_fingerprint`` (``fingerprint``) says when extraction
changed; ``WriterLock`` (``lock``) keeps to one indexer at a time.
"""

from factcheck.store.fingerprint import pipeline_fingerprint
from factcheck.store.indexer import IndexResult, index_paths, store_base
from factcheck.store.lock import WriterLock
from factcheck.store.schema import SCHEMA_VERSION
from factcheck.store.store import ClaimStore, FileState

__all__ = ["ClaimStore", "FileState", "IndexResult", "SCHEMA_VERSION", "WriterLock", "index_paths",
           "pipeline_fingerprint", "store_base"]
