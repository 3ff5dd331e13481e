"""Render many cards: skip those already cached, draw the rest in parallel, copy into the site.

The cache holds one PNG per digest (`<cache>/<digest>.png`); a card whose text, brand,
fonts or layout did not change is never drawn again.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from cercle.cards.draw import render
from cercle.cards.spec import CardSpec

# Below this many cards to draw, a pool costs more than it saves.
PARALLEL_FROM = 4
PROGRESS_FROM = 20


@dataclass(frozen=True)
class CardJob:
    spec: CardSpec
    dest: str  # path inside the site, e.g. assets/cards/fr/webinaires/x.png


@dataclass
class BatchResult:
    total: int
    rendered: int
    seconds: float


def _draw(spec: CardSpec, target: str) -> str:
    """Worker: draw one card into the cache, atomically (a crash leaves no half file)."""
    data = render(spec)
    tmp = f"{target}.{os.getpid()}.tmp"
    Path(tmp).write_bytes(data)
    os.replace(tmp, target)
    return target


def default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _executor(kind: str, workers: int) -> Executor:
    if kind == "thread":
        return ThreadPoolExecutor(max_workers=workers)
    return ProcessPoolExecutor(max_workers=workers)


def _progress(total: int, enabled: bool | None) -> Callable[[], None] | None:
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


def render_all(
    jobs: Iterable[CardJob],
    cache_dir: Path,
    workers: int | None = None,
    executor: str = "process",
    progress: bool | None = None,
) -> BatchResult:
    """Draw every card missing from the cache; returns how many were drawn."""
    start = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo: dict[str, CardSpec] = {}
    total = 0
    for job in jobs:
        total += 1
        target = cache_dir / f"{job.spec.digest()}.png"
        if not target.is_file():
            todo.setdefault(str(target), job.spec)
    advance = _progress(len(todo), progress)
    workers = workers or default_workers()
    if len(todo) < PARALLEL_FROM or workers == 1:
        for target, spec in todo.items():
            _draw(spec, target)
            if advance:
                advance()
    else:
        with _executor(executor, min(workers, len(todo))) as pool:
            futures = [pool.submit(_draw, spec, target) for target, spec in todo.items()]
            for future in as_completed(futures):
                future.result()
                if advance:
                    advance()
    return BatchResult(total, len(todo), time.perf_counter() - start)


def publish(jobs: Iterable[CardJob], cache_dir: Path, site_dir: Path) -> int:
    """Copy each card from the cache to its place in the site."""
    count = 0
    for job in jobs:
        dest = site_dir / job.dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache_dir / f"{job.spec.digest()}.png", dest)
        count += 1
    return count
