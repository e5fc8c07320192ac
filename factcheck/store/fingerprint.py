"""The pipeline fingerprint: it changes by itself whenever extraction could give other claims.

It hashes what claims depend on: factcheck's version, the source and data of the stages
that make claims (``load``, ``extract``, ``lang``, ``data``, and the value types and units
they use) and of what the store derives from them (the aligner's features and subject
keys, ``store.derived``), and the versions of spaCy and of the French model that ``nlp_for`` would load.
A store keeps the fingerprint each file was indexed with; a file indexed by another
pipeline is extracted again, even when its content has not changed.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

import factcheck

# the parts of the package whose every file can change the claims
_TREES = ("load", "extract", "lang", "data")
# … and what computes the aligner's features and subject keys the store keeps with them (``store.derived``)
_MODULES = ("models.py", "units.py", "align/features.py", "align/subjects.py")
_SKIP_SUFFIXES = (".pyc", ".pyo")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


def _models() -> list[str]:
    """``name==version`` of the spaCy packages the pipeline would load (the first installed French one)."""
    from factcheck.extract.pipeline import FRENCH_MODELS

    for name in FRENCH_MODELS:
        version = _version(name) or _version(name.replace("_", "-"))
        if version:
            return [f"{name}=={version}"]
    return []


@functools.lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A short hex digest of everything extraction depends on (computed once per process)."""
    root = Path(factcheck.__file__).resolve().parent
    h = hashlib.blake2b(digest_size=16)
    h.update(f"factcheck=={factcheck.__version__}\0spacy=={_version('spacy')}\0".encode())
    for model in _models():
        h.update(model.encode() + b"\0")
    files = [root / m for m in _MODULES]
    for tree in _TREES:
        files.extend(p for p in (root / tree).rglob("*")
                     if p.is_file() and p.suffix not in _SKIP_SUFFIXES and "__pycache__" not in p.parts)
    for path in sorted(files):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()
