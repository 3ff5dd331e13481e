"""One build of a project at a time: a lock file in the project's cache folder (filelock).

Two builds of one project share its caches (cards, slides, parsed documents) and often
its site folder. A second build waits for the first (saying so once) rather than racing
it; after `timeout` seconds it gives up with LockTimeout. The lock is an flock(2) on
`.cache/cercle/build.lock`: the kernel releases it when its process ends, however it ends,
so a crashed build never blocks the next one. Taking it again in the same process (the
`cercle build` command, then the plugins' start-up) only counts one more holder; so does
taking it in a process forked by its holder to build (cercle.build.child, `inherit`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout

from cercle.core.i18n import message

__all__ = ["DEFAULT_TIMEOUT", "FileLock", "LockTimeout", "acquire", "hold", "inherit"]

LOCK_FILE = Path(".cache") / "cercle" / "build.lock"
DEFAULT_TIMEOUT = 900.0  # seconds: longer than a cold build of a large hub


class LockTimeout(Exception):
    """Another build held the lock for longer than the timeout (`text`: what to tell the user)."""

    def __init__(self, path: Path, seconds: float, text: str = "") -> None:
        super().__init__(text or f"{path}: still locked after {seconds:g} s")
        self.path, self.seconds = path, seconds


class _Inherited:
    """The lock its parent holds for this process (which must not take it again: a new
    flock from another open file would wait for the parent, which waits for this process)."""

    def release(self) -> None:
        pass


_INHERITED: set[Path] = set()


def inherit(project_dir: Path) -> None:
    """In a process forked by the holder of the project's lock to build for it: held here too."""
    _INHERITED.add(project_dir.resolve())


def _lock(project_dir: Path) -> FileLock:
    path = project_dir.resolve() / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    # One instance per file in this process, counted across threads: re-entrant.
    return FileLock(path, is_singleton=True, thread_local=False)


def acquire(
    project_dir: Path, timeout: float = DEFAULT_TIMEOUT, on_wait: Callable[[], None] | None = None
) -> FileLock:
    """Hold the project's build lock (call `.release()` on the result when the build ends).

    `on_wait` is called once, when another build holds the lock and this one starts waiting."""
    if project_dir.resolve() in _INHERITED:
        return _Inherited()  # type: ignore[return-value]  # only `.release()` is used
    lock = _lock(project_dir)
    try:
        lock.acquire(timeout=0)
        return lock
    except Timeout:
        pass
    if on_wait is not None:
        on_wait()
    try:
        lock.acquire(timeout=max(timeout, 0))
    except Timeout:
        raise LockTimeout(Path(lock.lock_file), timeout) from None
    return lock


def hold(project_dir: Path, lang: str, timeout: float = DEFAULT_TIMEOUT) -> FileLock:
    """`acquire`, telling the user (on stderr, in `lang`) once that this build waits; on
    timeout, LockTimeout whose text says which lock and what to do."""

    def waiting() -> None:
        print(message(lang, "build.lock_waiting", seconds=f"{timeout:g}"), file=sys.stderr, flush=True)

    try:
        return acquire(project_dir, timeout, waiting)
    except LockTimeout as exc:
        text = message(lang, "build.lock_timeout", path=exc.path, seconds=f"{timeout:g}")
        raise LockTimeout(exc.path, timeout, text) from None
