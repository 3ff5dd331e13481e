"""Is a file of content/ really inside content/? Content arrives by pull request: a symlink
(whatever its name) or a `../` path must never publish or read a file from elsewhere."""

from __future__ import annotations

import os
from pathlib import Path


def escapes(path: Path, root: Path) -> bool:
    """True when `path`, symlinks resolved, is not inside `root` (a symlink loop counts)."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # loop (RuntimeError), NUL byte (ValueError)
        return True


def inside(root: Path, value: str) -> Path | None:
    """The file `value` (a path relative to `root`) names, or None when it leaves `root`."""
    if "\0" in value:  # no file can have it; the OS would raise ValueError
        return None
    try:  # resolved once (every file reference of every entry, at each build)
        real = (root / value.lstrip("/")).resolve()
        return real if real.is_relative_to(root.resolve()) else None
    except (OSError, RuntimeError, ValueError):  # as in `escapes`
        return None


def through_link(root: str, rel: str, known: dict[str, bool]) -> bool:
    """Whether `rel` (a `/`-separated path under `root`) may resolve elsewhere than
    `root`/`rel`: one of its folders, or the file itself, is a symbolic link (or the path
    has `..`). Only such a path needs `escapes`, which costs a system call per component.
    `known` keeps the answers for the folders between calls."""
    parts = rel.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return True
    for end in range(1, len(parts) + 1):
        prefix = "/".join(parts[:end])
        if prefix not in known:
            known[prefix] = os.path.islink(os.path.join(root, prefix))
        if known[prefix]:
            return True
    return False
