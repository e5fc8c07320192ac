"""A progress bar on stderr for long runs, and nothing at all otherwise.

Shown only when stderr is a terminal and the run has at least ``MIN_ARTICLES`` articles;
CI logs, pipes and redirections never see it. ``api.check`` reports each stage.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Callable, Iterator

STAGES = ("extract", "align", "rules", "report")
MIN_ARTICLES = 20


@contextlib.contextmanager
def stage_progress(stream=None, min_articles: int = MIN_ARTICLES) -> Iterator[Callable[[str, int], None] | None]:
    stream = stream if stream is not None else sys.stderr
    if not (hasattr(stream, "isatty") and stream.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    state: dict = {}
    progress = Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                        console=Console(file=stream), transient=True)

    def update(stage: str, n_articles: int) -> None:
        if "task" not in state:
            if n_articles < min_articles:
                state["task"] = None
                return
            progress.start()
            state["task"] = progress.add_task(f"{stage} ({n_articles} articles)", total=len(STAGES))
        task = state["task"]
        if task is None:
            return
        done = STAGES.index(stage) if stage in STAGES else 0
        progress.update(task, completed=done, description=f"{stage} ({n_articles} articles)")

    try:
        yield update
    finally:
        if state.get("task") is not None:
            progress.stop()
