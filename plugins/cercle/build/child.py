"""Run a build in a forked process, so that its memory is given back before what follows.

A MkDocs build keeps in its process everything it read and rendered (catalog, pages,
plugins' state, the drawing's heap): ~100 MB at 200 entries per language, ~170 MB at 500.
Pagefind, which `cercle build` runs last, takes as much again per language. Forked, the
build ends (and its memory with it) before Pagefind starts: what is left meanwhile is this
process, which has only loaded the configuration and checked the content.

The build's log reaches the parent (cercle.build.workers), its phase times too, and its
error is raised here again as `ChildFailed` with the same text.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
from collections.abc import Callable
from typing import TypeVar, cast

from cercle.build.workers import WorkerError, fork_supported, fork_workers, other_threads
from cercle.core import phases

T = TypeVar("T")


class ChildFailed(Exception):
    """The build in the forked process failed: its error's text, or how it stopped."""


def can_fork() -> bool:
    return fork_supported() and not other_threads()


def run_forked(work: Callable[[], T], stopped: Callable[[str], str]) -> T:
    """`work()` in a forked process; its (picklable) result here. Raises ChildFailed with the
    text of its exception, or `stopped(how)` when it ended without a word (killed)."""
    gc.freeze()  # the child never copies this process's objects by collecting them
    try:
        workers, side = fork_workers(1)
    except WorkerError:  # no fork (out of processes or memory): build here, as without one
        return work()
    finally:
        gc.unfreeze()
    if side is not None:  # the child: never returns
        phases.forked()
        ok, state, error = True, None, ""
        try:
            state = (work(), phases.snapshot(), phases.workers())
        except BaseException as exc:  # everything is reported to the parent
            ok, error = False, str(exc).strip() or type(exc).__name__
        sys.stdout.flush()
        sys.stderr.flush()
        side.finish(ok, state, error)
    worker = workers[0]
    try:
        worker.join()
    except WorkerError as exc:
        raise ChildFailed(exc.detail or stopped(exc.how)) from None
    result, totals, others = worker.state
    phases.absorb(totals, others)
    return cast(T, result)


def trim_heap() -> None:
    """Collect, then give the freed heap back to the system (glibc keeps it otherwise)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to give back
        ctypes.CDLL(None).malloc_trim(0)


__all__ = ["ChildFailed", "can_fork", "run_forked", "trim_heap"]
