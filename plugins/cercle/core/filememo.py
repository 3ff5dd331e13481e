"""What reading a file gave, kept in the process while the file is unchanged.

`cercle serve` checks every transcript and slide deck again at each rebuild, though one entry
changed: a third of an incremental rebuild at 500 entries per language. The outcome (a value,
or the exception the reading raised) is kept under the file's identity and state (device,
inode, size, modification time in ns): a file rewritten, replaced or touched is read again.

Given a cache `folder`, a successful outcome that JSON carries exactly (none, a number, a
text) is also kept on disk for the next process: a warm `cercle build` checked every
transcript and slide deck again (0.27 of its 0.54 CPU s of checks at 200 entries per
language). It is kept under the file's path, size and modification time when the file was
last modified more than a few seconds ago (as the parsed documents are, cercle.core.doccache:
reading and hashing 5,700 transcripts took 0.5 s at 10,000 entries a language), else under
the digest of its bytes. The cache is not trusted (cercle.core.cachefile): at worst it hides a
problem from `cercle check`; what renders a file checks it again.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from cercle.core.cachefile import digest, read_regular, seal, unseal, write_atomic

T = TypeVar("T")

_OUTCOMES: dict[tuple[Hashable, ...], tuple[bool, object]] = {}
_LIMIT = 100_000  # outcomes are small (a count, an error); forget them all past this
FILE_NAME = "checked.json"
FORMAT = 2
RACY_NS = 3 * 10**9  # a file modified more recently may change again within its timestamp tick
_DISK: dict[Path, dict[str, Any]] = {}  # cache folder → outcomes read from it, once a process
_USED: dict[Path, dict[str, Any]] = {}  # cache folder → outcomes of this process, saved by `save`
_CHANGED: set[Path] = set()


def _disk(folder: Path) -> dict[str, Any]:
    if folder not in _DISK:
        _DISK[folder] = {}
        try:
            stored = json.loads(bytes(unseal(read_regular(folder / FILE_NAME)) or b"{}"))
            if isinstance(stored, dict) and stored.get("format") == FORMAT:
                outcomes = stored.get("outcomes")
                _DISK[folder] = outcomes if isinstance(outcomes, dict) else {}
        except (ValueError, RecursionError):
            pass  # an unreadable cache: read the files again
    return _DISK[folder]


def _disk_key(path: Path, what: Hashable, state: os.stat_result) -> str:
    if state.st_mtime_ns <= time.time_ns() - RACY_NS:
        return f"{what!r}:{path}:{state.st_size}:{state.st_mtime_ns}"
    return f"{what!r}:{digest(path.read_bytes()).hex()}"


def _read(path: Path, what: Hashable, read: Callable[[], T], folder: Path | None, state: os.stat_result) -> T:
    if folder is None:
        return read()
    try:
        key = _disk_key(path, what, state)
    except OSError:
        return read()
    used = _USED.setdefault(folder, {})
    known = _disk(folder)
    if key in known and isinstance(known[key], (str, int, type(None))):
        used[key] = known[key]
        return known[key]  # type: ignore[no-any-return]  # what `read` gave for these bytes
    value = read()
    if isinstance(value, (str, int, type(None))):
        used[key] = value
        _CHANGED.add(folder)
    return value


def save(folder: Path | None) -> None:
    """Write the outcomes this process used (only those: files gone or changed are dropped)."""
    if folder is None or folder not in _CHANGED:
        return
    _CHANGED.discard(folder)
    data = json.dumps({"format": FORMAT, "outcomes": _USED.get(folder, {})}, separators=(",", ":"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / FILE_NAME, seal(data.encode("utf-8")))
    except OSError:
        pass  # a read-only or full disk only costs the next build time
    _DISK[folder] = dict(_USED.get(folder, {}))


def remembered(path: Path, what: Hashable, read: Callable[[], T], folder: Path | None = None) -> T:
    """`read()`, or what it gave for this same file before; its exceptions are raised again.
    With a cache `folder`, also what it gave in an earlier process for the same file (its
    bytes, or its path, size and modification time when it was not modified just now)."""
    try:
        state = path.stat()
    except OSError:
        return read()  # missing or unreadable: `read` says how, every time
    key = (what, str(path), state.st_dev, state.st_ino, state.st_size, state.st_mtime_ns)
    if key not in _OUTCOMES:
        if len(_OUTCOMES) >= _LIMIT:
            _OUTCOMES.clear()
        try:
            _OUTCOMES[key] = (True, _read(path, what, read, folder, state))
        except Exception as exc:  # kept to raise again: the same file fails the same way
            _OUTCOMES[key] = (False, exc.with_traceback(None))
    ok, outcome = _OUTCOMES[key]
    if not ok:
        assert isinstance(outcome, Exception)
        raise outcome
    return outcome  # type: ignore[return-value]  # stored by `read` for this key
