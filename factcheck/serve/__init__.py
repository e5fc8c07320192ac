"""``factcheck serve``: the fact-checker's desk, a web app and an HTTP API over the claim store.

One long-running process loads the pipelines once and keeps them warm, so a draft is
checked against the archive in about a second instead of paying the model load of a CLI
run. The web stack (FastAPI on uvicorn, Jinja2, python-multipart, python-docx) comes
with the ``serve`` extra; the core never imports this package unless ``serve`` is run.

Modules: ``app`` (the ASGI application), ``api`` (the HTTP API), ``pages`` (the web
pages and templates), ``desk`` (checks and their kept results), ``decisions`` (reviewers'
decisions, baseline export), ``jobs`` (index runs), ``browse`` (archive queries),
``uploads`` (uploaded files), ``security`` (token, sessions, CSRF, CSP, size limits),
``i18n`` (French and English words).
"""

from __future__ import annotations

EXTRA_MODULES = ("fastapi", "starlette", "uvicorn", "jinja2", "multipart", "docx")


def missing_extra() -> str | None:
    """The first module of the ``serve`` extra that cannot be imported, or None."""
    import importlib.util

    for name in EXTRA_MODULES:
        if importlib.util.find_spec(name) is None:
            return name
    return None
