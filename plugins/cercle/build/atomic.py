"""Build into a fresh folder next to the destination and swap it in only when the build succeeded.

The previous site stays in place, untouched, whenever the build fails: readers (or a web
server pointed at the folder) never see half a site, and a broken pull request never
wipes the last good build. Engine-agnostic: the build itself is a callable.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


class SwapError(Exception):
    """The destination cannot receive the new site (for example: it is a file)."""


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def build_atomically(dest: Path, build: Callable[[Path], None]) -> Path:
    """Run `build(tmp)` into a temporary folder beside `dest`, then put it in place of `dest`.

    When `build` raises, the temporary folder is removed, `dest` is left as it was and the
    exception propagates. Returns `dest`.
    """
    dest = dest.absolute()
    if dest.exists() and not dest.is_dir():
        raise SwapError(str(dest))
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.new-", dir=dest.parent))
    try:
        build(tmp)
    except BaseException:
        _remove(tmp)
        raise
    # Same parent, same file system: both renames are atomic. mkdtemp makes the folder 0700;
    # give the site the permissions a normal folder would have.
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o777 & ~umask)
    old = None
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.old-", dir=dest.parent))
        old.rmdir()
        dest.rename(old)
    try:
        tmp.rename(dest)
    except OSError:
        if old is not None:
            old.rename(dest)
        _remove(tmp)
        raise
    if old is not None:
        _remove(old)
    return dest
