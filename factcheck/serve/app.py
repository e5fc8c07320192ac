"""The desk as an ASGI application: ``create_app(config)`` wires the desk's state (and its
check workers), the security middleware, the API, the pages and the static files; uvicorn
runs it (``factcheck serve``), tests drive it with a TestClient."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from factcheck.serve.desk import Desk
from factcheck.serve.jobs import Jobs
from factcheck.serve.pages import Pages
from factcheck.serve.security import Guard, SecurityMiddleware

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_BYTES = 10_000_000


@dataclass(frozen=True, slots=True)
class ServeConfig:
    store: str
    roots: tuple[str, ...]
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    warm: bool = True           # load the pipelines at start-up (and wait for the workers to be ready)
    workers: int = 0            # check worker processes (serve.pool); 0: checks run in this process


def create_app(config: ServeConfig) -> FastAPI:
    from factcheck import __version__
    from factcheck.serve import api, pages

    desk = Desk(store=os.path.abspath(config.store), roots=tuple(os.path.realpath(r) for r in config.roots))
    if config.workers > 0:
        from factcheck.serve.pool import CheckPool

        desk.pool = CheckPool(config.workers, desk.store, desk.rules)
        if config.warm:
            desk.pool.wait_ready()
    elif config.warm:
        desk.warm()

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if desk.pool is not None:
            desk.pool.close()

    app = FastAPI(title="factcheck desk", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", lifespan=lifespan,
                  description="Check drafts against the claim store before publishing; browse the archive; "
                              "record decisions on findings and export them as a baseline.")
    app.state.desk = desk
    app.state.jobs = Jobs(desk)
    app.state.guard = Guard(config.token)
    app.state.pages = Pages()
    app.state.max_bytes = config.max_bytes
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityMiddleware, guard=app.state.guard, max_bytes=config.max_bytes)
    return app


def serve_forever(app: FastAPI, host: str, port: int) -> None:
    """Run the desk on uvicorn until Ctrl-C (one web process; checks go to the desk's workers)."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
