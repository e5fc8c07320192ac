"""``factcheck check DRAFT --server URL``: a draft checked by a running ``factcheck serve``.

The server has the pipelines loaded and the archive at hand, so the client loads no
model: it reads each draft file, posts its text (``POST /api/check?detail=report``) and
gets the whole report back (``factcheck.report.wire``), which the CLI then filters and
renders as it would a local ``--against`` check. Only the standard library is used here:
the client needs no extra. ``FACTCHECK_TOKEN``, when set, is sent as a Bearer token.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import PurePath
from typing import Sequence

from factcheck.errors import InputError
from factcheck.models import Report

TIMEOUT = 120.0  # seconds for one draft (a server busy indexing makes checks wait)
FORMATS = {".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html"}


class ServerError(InputError):
    """The server cannot be reached, refused the request, or answered something else."""


def _post(url: str, body: dict, token: str | None, timeout: float) -> dict:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        try:
            message = json.loads(exc.read().decode("utf-8")).get("error") or exc.reason
        except (ValueError, AttributeError):
            message = exc.reason
        if exc.code == 401:
            message = f"{message} (set FACTCHECK_TOKEN to the server's token)"
        raise ServerError(f"{url}: the server answered {exc.code}: {message}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ServerError(f"cannot reach the factcheck server at {url} ({reason}); start it with: factcheck serve") from None
    except ValueError:
        raise ServerError(f"{url}: the server's answer is not JSON; is it a factcheck server?") from None


def _merge(reports: list[Report]) -> Report:
    first = reports[0]
    seen: set[str] = set()
    articles = []
    for r in reports:
        for a in r.articles:
            if a.key not in seen:
                seen.add(a.key)
                articles.append(a)
    return Report(articles=articles, claims=[c for r in reports for c in r.claims],
                  findings=[f for r in reports for f in r.findings],
                  warnings=[w for r in reports for w in r.warnings],
                  hidden={"suppressed": sum(r.hidden.get("suppressed", 0) for r in reports), "baseline": 0,
                          "revisions": sum(r.hidden.get("revisions", 0) for r in reports)},
                  started=first.started, seconds=sum(r.seconds or 0.0 for r in reports))


def check_remote(server: str, paths: Sequence[str], *, lang: str | None = None, max_bytes: int | None = None,
                 timeout: float = TIMEOUT) -> Report:
    """Each draft file of ``paths`` checked by the server at ``server``; one report for all."""
    from factcheck.load import DEFAULT_MAX_BYTES, article_files
    from factcheck.load.reader import read_text
    from factcheck.report.wire import from_wire

    url = server.rstrip("/") + "/api/check?detail=report"
    if not server.startswith(("http://", "https://")):
        raise InputError(f"--server {server}: give the desk's URL, e.g. http://127.0.0.1:8321")
    token = os.environ.get("FACTCHECK_TOKEN") or None
    reports = []
    for source in article_files(paths):
        fmt = FORMATS.get(source.file.suffix.lower())
        if fmt is None:
            raise InputError(f"{source.label.as_posix()}: --server checks .md, .txt and .html drafts")
        text, _ = read_text(source.file, source.label.as_posix(), max_bytes or DEFAULT_MAX_BYTES)
        name = PurePath(source.label).name
        body = {"text": text, "name": name, "format": fmt, **({"lang": lang} if lang else {})}
        answer = _post(url, body, token, timeout)
        try:
            reports.append(from_wire(answer["report"], rename={name: source.label.as_posix()}))
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerError(f"{server}: unexpected answer from the server ({exc}); "
                              "is it the same factcheck version?") from None
    if not reports:
        raise InputError("no draft to check under the paths given")
    return _merge(reports)
