"""What reading a file gave, kept in the process while the file is unchanged.

`cercle serve` checks every transcript and slide deck again at each rebuild, though one entry
changed: a third of an incremental rebuild at 500 entries per language. The outcome (a value,
or the exception the reading raised) is kept under the file's identity and state (device,
inode, size, modification time in ns): a file rewritten, replaced or touched is read again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_OUTCOMES: dict[tuple[Hashable, ...], tuple[bool, object]] = {}
_LIMIT = 100_000  # outcomes are small (a count, an error); forget them all past this


def remembered(path: Path, what: Hashable, read: Callable[[], T]) -> T:
    """`read()`, or what it gave for this same file before; its exceptions are raised again."""
    try:
        state = path.stat()
    except OSError:
        return read()  # missing or unreadable: `read` says how, every time
    key = (what, str(path), state.st_dev, state.st_ino, state.st_size, state.st_mtime_ns)
    if key not in _OUTCOMES:
        if len(_OUTCOMES) >= _LIMIT:
            _OUTCOMES.clear()
        try:
            _OUTCOMES[key] = (True, read())
        except Exception as exc:  # kept to raise again: the same file fails the same way
            _OUTCOMES[key] = (False, exc.with_traceback(None))
    ok, outcome = _OUTCOMES[key]
    if not ok:
        assert isinstance(outcome, Exception)
        raise outcome
    return outcome  # type: ignore[return-value]  # stored by `read` for this key
