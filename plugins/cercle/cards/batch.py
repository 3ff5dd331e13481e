"""Render many cards: skip those already cached, draw the rest in parallel, place them in the site.

The cache holds one PNG per digest (`<cache>/<digest>.png`, sealed with the digest of
its bytes: cercle.core.cachefile); a card whose text, brand, fonts or layout did not
change is never drawn again. A cached card is used only when it is a regular file whose
bytes match their digest and that is a PNG of the card's size; otherwise it is drawn
again. Each card is written to the site as soon as it exists (while MkDocs renders
pages), as a copy of the bytes just read or drawn: never a hard link, which would let a
damaged cache file damage the published site with it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from cercle.cards.draw import render
from cercle.cards.png import is_png
from cercle.cards.spec import CardSpec
from cercle.core.cachefile import read_regular, seal, unseal, write_atomic, write_copy

# Below this many cards to draw, a pool costs more than it saves.
PARALLEL_FROM = 4
# From this many cards to draw, `auto` draws in processes: their start-up (~0.3 s) pays.
PROCESSES_FROM = 200
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


def _draw(spec: CardSpec, target: str) -> tuple[str, bytes]:
    """Worker: draw one card into the cache, atomically (a crash leaves no half file)."""
    data = render(spec)
    write_atomic(Path(target), seal(data))
    return target, data


def cached(target: str, spec: CardSpec) -> memoryview | None:
    """The PNG of a cached card, or None when it is missing or cannot be trusted."""
    data = unseal(read_regular(Path(target)))
    return data if data is not None and is_png(data, spec.size) else None


def default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _executor(kind: str, workers: int, cards: int) -> Executor:
    if kind == "auto":
        kind = "process" if cards >= PROCESSES_FROM else "thread"
    if kind == "thread":
        return ThreadPoolExecutor(max_workers=workers)
    # Spawned, not forked: the build process has threads (forking them is unsafe) and a large heap.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))



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
    executor: str = "auto",
    progress: bool | None = None,
    site_dir: Path | None = None,
    stop: threading.Event | None = None,
) -> BatchResult:
    """Draw every card missing from the cache and, given `site_dir`, place each card there.

    Setting `stop` (the build failed) ends the job early: nothing more is placed."""
    stop = stop or threading.Event()
    start = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    dests: dict[str, list[str]] = defaultdict(list)
    specs: dict[str, CardSpec] = {}
    total = 0
    for job in jobs:
        total += 1
        target = str(cache_dir / f"{job.spec.digest()}.png")
        if job.dest not in dests[target]:  # pages sharing a card list its job once each
            dests[target].append(job.dest)
        specs.setdefault(target, job.spec)
    todo: dict[str, CardSpec] = {}
    for target, spec in specs.items():
        if stop.is_set():
            return BatchResult(total, 0, time.perf_counter() - start)
        data = cached(target, spec)
        if data is None:
            todo[target] = spec
        else:
            _place_all(target, data, dests, site_dir)
    advance = _progress(len(todo), progress)
    workers = workers or default_workers()
    if len(todo) < PARALLEL_FROM or workers == 1:
        for target, spec in todo.items():
            if stop.is_set():
                break
            _place_all(*_draw(spec, target), dests, site_dir)
            if advance:
                advance()
    else:
        with _executor(executor, min(workers, len(todo)), len(todo)) as pool:
            futures = [pool.submit(_draw, spec, target) for target, spec in todo.items()]
            for future in as_completed(futures):
                if stop.is_set():
                    pool.shutdown(wait=True, cancel_futures=True)
                    break
                _place_all(*future.result(), dests, site_dir)
                if advance:
                    advance()
    return BatchResult(total, len(todo), time.perf_counter() - start)


def _place_all(
    target: str, data: bytes | memoryview, dests: dict[str, list[str]], site_dir: Path | None
) -> None:
    if site_dir is not None:
        for dest in dests.pop(target, ()):
            write_copy(site_dir / dest, data)
