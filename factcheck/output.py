"""Writing a report: to stdout, or to a file without ever leaving half a report.

A regular file (or a new path) is written atomically: a temporary file in the same folder,
then a rename over the destination, so a reader sees the old report or the new one. What is
not a regular file is written *through*, never replaced: ``/dev/null``, a terminal, a FIFO
another process reads. A symbolic link stays a link; its target is written (atomically
when the target is a regular file or does not exist yet).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile

from factcheck.errors import InputError


def write_output(text: str, path: str | None) -> None:
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = os.path.realpath(path) if os.path.islink(path) else path
    try:
        try:
            st = os.stat(target)
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a folder; give a file name for the report")
        if st is None or stat.S_ISREG(st.st_mode):
            _replace_atomically(text, target, None if st is None else stat.S_IMODE(st.st_mode))
        else:  # a device, a FIFO, a socket: write into it
            with open(target, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the report ({exc.strerror or exc}); "
                         "check the folder exists and is writable") from None


def _replace_atomically(text: str, path: str, mode: int | None) -> None:
    """Write ``path`` through a temporary file in its folder; keep an existing file's mode."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".factcheck-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if mode is None:  # mkstemp makes the file 0600; a new report gets what open() would give
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
