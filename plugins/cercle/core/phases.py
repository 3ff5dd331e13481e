"""Where a build's time goes: wall and CPU seconds per named phase, for the benchmarks.

    with phase("cards"):
        ...

Off unless the environment variable CERCLE_PHASES names a file: then every process of the
build accumulates its phases, forked render workers send theirs home (`snapshot` /
`merge`), and the parent writes the JSON file when it exits. Off, `phase()` returns a
shared no-op context manager: one dictionary lookup.

Phases are exclusive: a phase entered inside another stops the outer one's clock until it
ends, so the phases of one thread add up to at most its wall time. Each thread has its own
stack (the cards are drawn in a background thread, their time overlaps the main thread's).
CPU seconds are the thread's own (`time.thread_time`) plus those of child processes reaped
(Pagefind, card processes), from `getrusage(RUSAGE_CHILDREN)`: counted once, by the first
phase to end after they were reaped (usually the one that waited for them). Charging them to
every phase open meanwhile counted the card pool twice: once in the cards' thread, once in
the pages' thread running beside it.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import resource
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

ENV = "CERCLE_PHASES"
F = TypeVar("F", bound=Callable[..., Any])
_lock = threading.Lock()
_local = threading.local()
_totals: dict[str, dict[str, float]] = {}  # this process: phase → wall, cpu, calls
_workers: list[dict[str, dict[str, float]]] = []  # forked workers' totals, merged in the parent
_state: dict[str, Any] = {"path": None, "registered": False, "pid": 0, "start": 0.0, "children": 0.0}


def enabled() -> bool:
    return bool(os.environ.get(ENV))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.thread_time()


def _charge(name: str, since: tuple[float, float], now: tuple[float, float], call: bool) -> None:
    with _lock:
        children = _children_cpu()
        reaped, _state["children"] = max(0.0, children - _state["children"]), children
        row = _totals.setdefault(name, {"wall": 0.0, "cpu": 0.0, "calls": 0})
        row["wall"] += now[0] - since[0]
        row["cpu"] += max(0.0, now[1] - since[1]) + reaped
        row["calls"] += int(call)


def _register() -> None:
    if _state["registered"]:
        return
    _state.update(registered=True, path=os.environ.get(ENV), pid=os.getpid(), start=time.perf_counter())
    _state["children"] = _children_cpu()
    atexit.register(write)


@contextlib.contextmanager
def _timed(name: str) -> Iterator[None]:
    _register()
    stack: list[list[Any]] = _local.__dict__.setdefault("stack", [])
    now = _clock()
    if stack:  # pause the enclosing phase
        outer = stack[-1]
        _charge(outer[0], outer[1], now, call=False)
    stack.append([name, now])
    try:
        yield
    finally:
        end = _clock()
        current = stack.pop()
        _charge(name, current[1], end, call=True)
        if stack:
            stack[-1][1] = end  # the enclosing phase runs again from here


_OFF = contextlib.nullcontext()


def phase(name: str) -> contextlib.AbstractContextManager[None]:
    """Time a block as `name` when CERCLE_PHASES is set; else do nothing."""
    return _timed(name) if enabled() else _OFF


def begin(name: str) -> None:
    """Start a phase whose end is in another callback (MkDocs events); `end` closes it."""
    if enabled():
        manager = _timed(name)
        manager.__enter__()
        _local.__dict__.setdefault("open", []).append(manager)


def end() -> None:
    opened = _local.__dict__.get("open")
    if opened:
        opened.pop().__exit__(None, None, None)


def forked() -> None:
    """In a freshly forked worker: start from nothing (the parent's totals stay the parent's)."""
    with _lock:
        _totals.clear()
        _workers.clear()
    _local.__dict__.clear()
    # A worker never writes the file (it sends its totals home), even if it exits normally.
    _state.update(registered=True, path=None, pid=os.getpid(), children=_children_cpu())


def snapshot() -> dict[str, dict[str, float]]:
    with _lock:
        return {name: dict(row) for name, row in _totals.items()}


def merge(worker: dict[str, dict[str, float]]) -> None:
    with _lock:
        _workers.append(worker)


def workers() -> list[dict[str, dict[str, float]]]:
    with _lock:
        return list(_workers)


def absorb(totals: dict[str, dict[str, float]], others: list[dict[str, dict[str, float]]]) -> None:
    """Add the phases of a forked process that did this process's work (the build process
    of `cercle build`, see cercle.build.child) to this one's, and its workers to the list."""
    with _lock:
        for name, row in totals.items():
            into = _totals.setdefault(name, {"wall": 0.0, "cpu": 0.0, "calls": 0})
            for key in ("wall", "cpu", "calls"):
                into[key] += row.get(key, 0)
        _workers.extend(others)


def write() -> None:
    """Write the JSON file (the parent, at exit): its own phases and each worker's."""
    path = _state["path"]
    if not path or _state["pid"] != os.getpid():
        return
    data = {
        "pid": os.getpid(),
        "seconds_since_first_phase": time.perf_counter() - _state["start"],
        "main": snapshot(),
        "workers": list(_workers),
    }
    with contextlib.suppress(OSError):
        Path(path).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def timed(name: str) -> Callable[[F], F]:
    """Decorator form of `phase`, for a whole plugin event handler (its attributes kept)."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not enabled():
                return function(*args, **kwargs)
            with _timed(name):
                return function(*args, **kwargs)

        return cast(F, wrapper)

    return decorate
