"""Render many cards: skip those already cached, draw the rest in parallel, place them in the site.

The cache holds one PNG per digest (`<cache>/<digest>.png`, sealed with the digest of
its bytes: cercle.core.cachefile); a card whose text, brand, fonts or layout did not
change is never drawn again. A cached card is used only when it is a regular file whose
bytes match their digest and that is a PNG of the card's size; otherwise it is drawn
again; a file this machine drew or found sound, still in the state it had then, is copied
unread (cercle.core.soundfiles). Each card is placed in the site as soon as it exists (while
MkDocs renders pages), as a copy of the bytes just read or drawn, or a link to the same bytes in the
published version (cercle.cards.placing): never a hard link to the cache, which would let
a damaged cache file damage the published site with it.
"""

from __future__ import annotations

import functools
import itertools
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cercle.build.child import trim_heap
from cercle.build.placed import Placements
from cercle.cards.draw import rows
from cercle.cards.pictures import Made, Picture, cached_copies, copy_keys, make_cached, place
from cercle.cards.placing import Placer
from cercle.cards.png import encode_rows, is_png, without_rows
from cercle.cards.pool import default_workers, executor_for, progress_bar
from cercle.cards.reuse import Known, link_cached, place_known, place_known_picture
from cercle.cards.spec import CardSpec
from cercle.core.cachefile import seal, write_atomic
from cercle.core.soundfiles import State, state_of

# Below this many cards to draw, a pool costs more than it saves.
PARALLEL_FROM = 4
# Tasks handed to each worker ahead: enough to keep it busy, few enough to hold little.
IN_FLIGHT = 2
# How often (seconds) the pool's results are checked for the build being free to draw too.
FREE_POLL = 0.2


@dataclass(frozen=True)
class CardJob:
    spec: CardSpec
    dest: str  # path inside the site, e.g. assets/cards/fr/webinaires/x.png


@dataclass
class BatchResult:
    total: int
    rendered: int
    seconds: float
    failed: list[tuple[Picture, str]] = field(default_factory=list)  # pictures not made, and why


@dataclass
class Drawn:
    """What a worker made: a card (`target` in the cache, its PNG) and pictures' copies."""

    target: str = ""
    data: bytes = b""
    state: State | None = None  # of the card's cache file, as written (cercle.core.soundfiles)
    copies: dict[str, bytes] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # copy → its cache name
    states: dict[str, State] = field(default_factory=dict)  # copies' cache names → states
    failed: list[tuple[Picture, str]] = field(default_factory=list)

    def add(self, picture: Picture, made: Made, cache: Path) -> None:
        copies, reason, states = made
        self.copies.update(copies)
        self.keys.update(copy_keys(picture, cache))
        self.states.update(states)
        if reason:
            self.failed.append((picture, reason))


Task = tuple[Callable[..., Drawn], tuple[Any, ...]]  # a worker function and its arguments


def _draw(spec: CardSpec, target: str, pictures: tuple[Picture, ...] = (), pictures_cache: str = "") -> Drawn:
    """Worker: draw one card into the cache, atomically (a crash leaves no half file), then
    the listing pictures made from it, from the pixels in memory (not decoded back)."""
    drawn_rows = rows(spec)
    data = encode_rows(drawn_rows)
    drawn = Drawn(target, data, state_of(write_atomic(Path(target), seal(data))))
    source = without_rows(drawn_rows).convert("RGB") if pictures else None
    for picture in pictures:
        cache = Path(pictures_cache)
        drawn.add(picture, make_cached(picture, cache, Path(target).parent, source), cache)
    return drawn


def _picture(picture: Picture, pictures_cache: str, cards_cache: str) -> Drawn:
    """Worker: a picture of an image, of initials or of a card drawn in an earlier build."""
    drawn = Drawn()
    drawn.add(picture, make_cached(picture, Path(pictures_cache), Path(cards_cache)), Path(pictures_cache))
    return drawn


def release_memory() -> None:
    """After drawing in this process (see `free`): drop the drawing's caches and give the
    freed heap back to the system (glibc keeps it otherwise), before the search indexer,
    a process of its own, needs memory."""
    from cercle.cards import draw

    draw._layers.cache_clear()
    draw._small.cache_clear()
    trim_heap()


def render_all(
    jobs: Iterable[CardJob],
    cache_dir: Path,
    workers: int | None = None,
    executor: str = "auto",
    progress: bool | None = None,
    site_dir: Path | None = None,
    stop: threading.Event | None = None,
    pictures: Iterable[Picture] = (),
    pictures_cache: Path | None = None,
    free: threading.Event | None = None,
    own: Iterable[str] = (),
    placements: Placements | None = None,
) -> BatchResult:
    """Draw every card and picture missing from the caches and, given `site_dir`, place each
    in the site. Pictures (cards.pictures) share the cards' pool: a card's pictures are made
    by the worker that draws it, the others are jobs of their own.

    Setting `stop` (the build failed) ends the job early: nothing more is placed. Given
    `free`, the pool has one worker fewer and this thread draws too once `free` is set (the
    build has nothing else to do): one process less holds the drawing's memory. `own`: site
    paths something else writes too (MkDocs' files), never linked (cercle.cards.placing).
    `placements`: what the last build placed (cercle.build.placed), linked unread."""
    stop = stop or threading.Event()
    placer = Placer.into(site_dir, own, placements)
    known = Known.of(cache_dir, pictures_cache)
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
        key = Path(target).name
        dests[target] = [dest for dest in dests[target] if not placer.link_known(dest, key)]
        if not dests[target]:
            continue  # linked from the published version, nothing read
        if place_known(known.cards, key, dests[target], placer):
            del dests[target]
            continue  # copied from a cache file known sound, unread
        data = known.cards.read(key, functools.partial(is_png, size=spec.size))
        if data is None:
            todo[target] = spec
        else:
            _place_all(target, data, dests, placer)
    tasks = _tasks(todo, _pictures_todo(pictures, pictures_cache, cache_dir, placer, todo, known), cache_dir)
    result = BatchResult(total, len(todo), 0.0)
    advance = progress_bar(len(tasks), progress)
    workers = workers or default_workers()
    if len(tasks) < PARALLEL_FROM or workers == 1:
        for work, args in tasks:
            if stop.is_set():
                break
            _finish(work(*args), dests, placer, result, known)
            if advance:
                advance()
    else:
        size = min(workers, len(tasks)) - (free is not None)
        with executor_for(executor, size, len(tasks)) as pool:
            for drawn in _drawn(pool, tasks, size, stop, free):
                _finish(drawn, dests, placer, result, known)
                if advance:
                    advance()
    known.save()
    result.seconds = time.perf_counter() - start
    return result


def _drawn(
    pool: Executor, tasks: list[Task], workers: int, stop: threading.Event, free: threading.Event | None
) -> Iterator[Drawn]:
    """What the pool (and, once `free` is set, this thread) draws, as it comes. A few tasks per
    worker are in flight at a time and each result is let go once placed: holding every
    future would keep every card's bytes (a whole site's images) in this process until the
    last is drawn."""
    queue = iter(tasks)
    running = {pool.submit(work, *args) for work, args in itertools.islice(queue, workers * IN_FLIGHT)}
    while running:
        here = free is not None and free.is_set()
        timeout = None if free is None else 0 if here else FREE_POLL
        done, running = wait(running, timeout=timeout, return_when=FIRST_COMPLETED)
        if here and not done:
            task = next(queue, None)
            if task is not None:
                if stop.is_set():
                    return
                yield task[0](*task[1])
                continue
            done, running = wait(running, return_when=FIRST_COMPLETED)
        while done:
            if stop.is_set():
                return  # leaving the pool's `with` waits for the few tasks running
            for work, args in itertools.islice(queue, 1):
                running.add(pool.submit(work, *args))
            yield done.pop().result()


def _pictures_todo(
    pictures: Iterable[Picture],
    cache: Path | None,
    cards_cache: Path,
    placer: Placer,
    cards: dict[str, CardSpec],
    known: Known,
) -> tuple[dict[str, list[Picture]], list[Picture], str]:
    """Place the cached pictures; the others by the card to draw they are made from, or alone."""
    by_card: dict[str, list[Picture]] = defaultdict(list)
    alone: list[Picture] = []
    if cache is None:
        return by_card, alone, ""
    cache.mkdir(parents=True, exist_ok=True)
    for picture in pictures:
        if link_cached(picture, cache, placer):
            continue
        if known.pictures is not None and place_known_picture(picture, cache, known.pictures, placer):
            continue
        copies = cached_copies(picture, cache, known.pictures)
        card = str(cards_cache / f"{picture.card.digest()}.png") if picture.card is not None else ""
        if copies is not None:
            place(copies, placer, copy_keys(picture, cache))
        elif picture.source == "card" and card in cards:
            by_card[card].append(picture)
        else:
            alone.append(picture)
    return by_card, alone, str(cache)


def _tasks(
    cards: dict[str, CardSpec], pictures: tuple[dict[str, list[Picture]], list[Picture], str], cache_dir: Path
) -> list[Task]:
    """The work, longest first (photos, then cards with pictures): no core idles at the end.
    Cards of one size and kind follow each other: a worker keeps only the backgrounds of the
    shapes it is drawing (cercle.cards.draw `_layers`, up to 8 MB each), not all of them."""
    by_card, alone, cache = pictures
    tasks: list[Task] = [(_picture, (picture, cache, str(cache_dir))) for picture in alone]

    # Largest shapes first (9:16 before 1.91:1): the pool draws them while the pages render,
    # not at the end when the build process draws too and both hold the largest canvases.
    def order(t: str) -> tuple[Any, ...]:
        spec = cards[t]
        return (t not in by_card, -spec.size[0] * spec.size[1], spec.kind, spec.layout)

    ordered = sorted(cards, key=order)
    tasks += [(_draw, (cards[t], t, tuple(by_card.get(t, ())), cache)) for t in ordered]
    return tasks


def _finish(
    drawn: Drawn, dests: dict[str, list[str]], placer: Placer, result: BatchResult, known: Known
) -> None:
    if drawn.target:
        known.cards.written(Path(drawn.target).name, drawn.state)
        _place_all(drawn.target, drawn.data, dests, placer)
    if known.pictures is not None:
        for name, state in drawn.states.items():
            known.pictures.written(name, state)
    place(drawn.copies, placer, drawn.keys)
    result.failed += drawn.failed


def _place_all(target: str, data: bytes | memoryview, dests: dict[str, list[str]], placer: Placer) -> None:
    for dest in dests.pop(target, ()):
        placer.put(dest, data, Path(target).name)
