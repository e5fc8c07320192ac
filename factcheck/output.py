"""Writing a report: to stdout, or atomically to a file (a reader never sees half a report)."""

from __future__ import annotations

import os
import sys
import tempfile

from factcheck.errors import InputError


def write_output(text: str, path: str | None) -> None:
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        # mkstemp makes the file 0600; give the report the mode a plain open() would
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the report ({exc.strerror}); check the folder exists and is writable") from exc
