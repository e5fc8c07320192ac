"""One writer at a time: an exclusive lock on ``<store>.lock`` for the whole indexing run.

SQLite already serialises transactions; the lock keeps two indexers from interleaving
their batches over the same files. It is a POSIX record lock (``fcntl.lockf``; on
Windows ``msvcrt.locking``), which the system drops when the process ends, however it
ends (``kill -9`` included), and which worker processes forked by spaCy do not inherit.
A second indexer polls for ``timeout`` seconds, then gives up with a ``StoreError``.
"""

from __future__ import annotations

import os
import time

from factcheck.errors import StoreError

_POLL = 0.1  # seconds between two attempts

try:  # POSIX
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.lockf(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def lock_path(store_path: str) -> str:
    return store_path + ".lock"


class WriterLock:
    """``with WriterLock(store_path, timeout):`` holds the store's writer lock."""

    def __init__(self, store_path: str, timeout: float = 10.0) -> None:
        self.path = lock_path(store_path)
        self.store_path = store_path
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the store's lock file ({exc.strerror or exc})") from None
        deadline = time.monotonic() + self.timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise StoreError(f"{self.store_path}: another factcheck index is writing this store "
                                 f"(waited {self.timeout:g} s); run it again when that one has finished")
            time.sleep(_POLL)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
