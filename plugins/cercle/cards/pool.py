"""What draws the cards: threads or spawned processes, and a progress bar on a terminal."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

# From this many cards to draw, `auto` draws in processes: their start-up (~0.3 s) pays.
PROCESSES_FROM = 200
PROGRESS_FROM = 20


def default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def executor_for(kind: str, workers: int, cards: int) -> Executor:
    """Threads or spawned processes ("auto": processes from PROCESSES_FROM cards to draw)."""
    if kind == "auto":
        kind = "process" if cards >= PROCESSES_FROM else "thread"
    if kind == "thread":
        return ThreadPoolExecutor(max_workers=workers)
    # Spawned, not forked: the build process has threads (forking them is unsafe) and a large heap.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def progress_bar(total: int, enabled: bool | None) -> Callable[[], None] | None:
    """A rich progress bar on an interactive terminal, when there are many cards."""
    if enabled is False or total < PROGRESS_FROM or not (enabled or sys.stderr.isatty()):
        return None
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("Cercle cards", total=total)
    bar.start()

    def advance() -> None:
        bar.advance(task)
        if bar.tasks[0].finished:
            bar.stop()

    return advance
