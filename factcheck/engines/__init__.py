"""Other ways to run ``factcheck index``'s extraction than the in-process one.

``plan`` decides which files need extracting (what the store has not seen, or has seen
with other content or another pipeline); ``shards`` is the Parquet format extracted files
travel in; ``worker`` extracts a batch of files into shard rows; ``ray`` runs the workers
on Ray Data; ``importer`` writes shards into the claim store. Only ``ray`` needs Ray;
``shards``, ``worker`` and ``importer`` need pyarrow. Both come with ``factcheck[ray]``,
and the core package imports none of these modules unless asked to.
"""

from __future__ import annotations

from factcheck.errors import FactcheckError

RAY_EXTRA_HINT = "install factcheck[ray] (pip install 'factcheck[ray]')"


class MissingExtraError(FactcheckError):
    """An engine needs a package that only an extra installs."""


def require(module: str, what: str) -> None:
    """Raise ``MissingExtraError`` (one line, exit 2) when ``module`` cannot be imported."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MissingExtraError(f"{what} needs {module}, which is not installed; {RAY_EXTRA_HINT}")
