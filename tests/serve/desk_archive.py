"""What the desk's tests share: a draft that contradicts the bundled Alençon story, the
app over a store, and a real uvicorn server on a free loopback port."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A draft that contradicts the Alençon story (five officers for the second BAC in the archive).
DRAFT = """---
title: "Alençon : la BAC renforcée"
date: 2023-12-20
source: Brouillon Test
---
À Alençon, les policiers ont mené une opération antidrogue à Perseigne le 13 décembre.
Alençon va recevoir une deuxième brigade anticriminalité (BAC), soit neuf policiers supplémentaires.
"""
DRAFT_NAME = "brouillon-bac.md"


#: check workers of the apps the tests build (0: checks in the test's process); set
#: FACTCHECK_TEST_SERVE_WORKERS=2 to run every desk test against worker processes
WORKERS = int(os.environ.get("FACTCHECK_TEST_SERVE_WORKERS", "0"))


def make_app(store, root, **kwargs):
    from factcheck.serve.app import ServeConfig, create_app

    kwargs.setdefault("workers", WORKERS)
    kwargs.setdefault("warm", False)
    return create_app(ServeConfig(store=str(store), roots=(str(root),), **kwargs))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app on a real uvicorn in a thread, on a free loopback port; ``stop()`` ends it."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
