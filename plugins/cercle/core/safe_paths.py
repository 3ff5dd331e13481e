"""Is a file of content/ really inside content/? Content arrives by pull request: a symlink
(whatever its name) or a `../` path must never publish or read a file from elsewhere."""

from __future__ import annotations

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
    candidate = root / value.lstrip("/")
    return None if escapes(candidate, root) else candidate.resolve()
