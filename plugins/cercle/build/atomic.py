"""Publish a built site by switching one symbolic link: readers see the old site or the new one, whole.

`site` is a symbolic link to a version folder, `.site.versions/<id>/`. A build writes a new
version folder, makes a temporary link to it beside `site` and renames that link over
`site` (`os.replace`: one atomic system call). At no instant is `site` missing or half
written, and a process killed at any step leaves `site` pointing at the previous or the new
version, complete. Leftovers of killed or failed builds (unfinished versions, temporary
links) are removed by the next successful publication, which keeps the current version and
the one before it (for a quick rollback: point the link back at it). Older versions are
renamed `.trash-<id>` in one step and removed by the next build, in a process of its own
while it builds (removing ~10,000 names is seconds of waiting for the disk).

The first publication into a real folder `site/` (the layout before symbolic links) swaps
the link and the folder with one `renameat2(RENAME_EXCHANGE)` call (Linux), then moves the
old folder into `.site.versions/` as the previous version. Where that call is missing, the
folder is renamed away and the link renamed into place: a one-time gap of two renames.

Engine-agnostic: the build itself is a callable.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from cercle.core.cachefile import published_mode

# Tests stop the process at a named step (SIGKILL, as a crash or an out-of-memory kill would).
KILL_AT_ENV = "CERCLE_TEST_KILL_AT"
LINK_INFIX = ".link-"
# Versions put aside by `clean`, removed by the next build while it builds (`sweep`).
TRASH = ".trash-"
SWEEPER = """
import os, shutil, sys
for path in sys.argv[1:]:
    if os.path.islink(path) or not os.path.isdir(path):
        try:
            os.unlink(path)
        except OSError:
            pass
    else:
        shutil.rmtree(path, ignore_errors=True)
"""


class SwapError(Exception):
    """The destination cannot receive the new site (for example: it is a file)."""


def _step(name: str) -> None:
    if os.environ.get(KILL_AT_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def versions_dir(dest: Path) -> Path:
    """Where the versions of `dest` live: `.<name>.versions/` beside it."""
    return dest.with_name(f".{dest.name}.versions")


def _new_id() -> str:
    # Sortable by time, unique across concurrent builds.
    return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{secrets.token_hex(4)}"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot
        return False
    raise OSError(errno, os.strerror(errno), str(a))


def current_version(dest: Path) -> Path | None:
    """The version folder `dest` points at, or None (missing, a real folder, or a foreign link)."""
    if not dest.is_symlink():
        return None
    target = (dest.parent / os.readlink(dest)).resolve()
    return target if target.parent == versions_dir(dest).resolve() else None


def _link(dest: Path, version: Path, suffix: str) -> Path:
    """A new symbolic link beside `dest` to `version` (relative: the project can move)."""
    link = dest.with_name(f".{dest.name}{LINK_INFIX}{suffix}")
    link.symlink_to(os.path.relpath(version, dest.parent), target_is_directory=True)
    return link


def _switch(dest: Path, version: Path, suffix: str) -> None:
    link = _link(dest, version, suffix)
    _step("linked")
    if dest.is_dir() and not dest.is_symlink():  # first run: migrate the real folder
        if _exchange(link, dest):
            _step("exchanged")
            link.rename(versions_dir(dest) / f"{suffix}-before")  # now the old folder: keep it
        else:
            dest.rename(versions_dir(dest) / f"{suffix}-before")
            _step("moved-away")
            link.rename(dest)
    else:
        os.replace(link, dest)
    _step("switched")


def clean(dest: Path, keep: set[Path]) -> None:
    """Put versions not in `keep` aside for the next build's sweep (`sweep`); remove temporary
    links and leftovers of older layouts."""
    versions = versions_dir(dest)
    keep = {p.resolve() for p in keep}
    for path in versions.iterdir() if versions.is_dir() else ():
        if not path.name.startswith(TRASH) and path.resolve() not in keep:
            try:  # one rename: removing ~10,000 names took seconds of the build (N=500)
                path.rename(path.with_name(f"{TRASH}{path.name}"))
            except OSError:
                _remove(path)
    for path in dest.parent.glob(f".{dest.name}*"):
        name = path.name[len(dest.name) + 1 :]
        # `.site.link-*`: a link a killed build never renamed (or a migrated folder's old name);
        # `.site.new-*` / `.site.old-*`: leftovers of the two-rename publication before links.
        if name.startswith((LINK_INFIX, ".new-", ".old-")):
            _remove(path)


def _same_file(a: str, b: str, size: int) -> bool:
    with open(a, "rb", buffering=0) as one, open(b, "rb", buffering=0) as two:
        while size > 0:
            chunk = one.read(1 << 20)
            if not chunk or chunk != two.read(len(chunk)):
                return False
            size -= len(chunk)
    return True


def share_unchanged(version: Path, previous: Path) -> int:
    """Replace each file of `version` equal to the same file of `previous` by a hard link to it.

    Most of a rebuilt site is unchanged (cards, pictures, scripts): shared, its blocks are
    freed only with the last version holding them, so removing the version before the
    previous one (`clean`) unlinks names instead of freeing (and trimming) 200 MB. A file is
    shared only when both are regular files with the same mode and bytes, in folders without
    a link on the way. Returns how many files are shared."""
    shared = 0
    base = os.path.realpath(previous)
    for root, _, names in os.walk(version):
        rel = os.path.relpath(root, version)
        old_root = os.path.normpath(os.path.join(base, rel))
        if os.path.realpath(old_root) != old_root:  # a link on the way: never leave `previous`
            continue
        for name in names:
            new, old = os.path.join(root, name), os.path.join(old_root, name)
            try:
                a, b = os.lstat(new), os.lstat(old)
                if (
                    not stat.S_ISREG(a.st_mode)
                    or (a.st_mode, a.st_size, a.st_dev) != (b.st_mode, b.st_size, b.st_dev)
                    or a.st_ino == b.st_ino
                    or not _same_file(new, old, a.st_size)
                ):
                    continue
            except OSError:
                continue  # kept as written: sharing is only a saving
            temporary = f"{new}{LINK_INFIX}{secrets.token_hex(4)}"
            try:
                os.link(old, temporary, follow_symlinks=False)
                os.replace(temporary, new)
                shared += 1
            except OSError:
                with contextlib.suppress(OSError):  # never published beside the page
                    os.unlink(temporary)
    return shared


def previous_version(folder: Path) -> Path | None:
    """The published version while `folder`, a version of `build_atomically`, is being built
    (None for any other folder: `mkdocs build`, the live preview, a first build)."""
    versions = folder.absolute().parent
    if not (versions.name.startswith(".") and versions.name.endswith(".versions")):
        return None
    previous = current_version(versions.with_name(versions.name[1 : -len(".versions")]))
    return previous if previous is not None and previous != folder.resolve() else None


NEW_FILE_MODE = stat.S_IFREG | published_mode()  # what `open` gives a new file here


def link_same(new: Path, old: Path, data: bytes | memoryview) -> bool:
    """Make `new` (not yet written) a hard link to `old`, the same path in the previous
    version, when `old` holds exactly `data` with a new file's mode; False (nothing done)
    otherwise. The link is what `share_unchanged` would make after the build, made before
    the bytes are written and read again: only for files nothing else writes in this build."""
    try:
        folder = os.path.normpath(old.parent.absolute())
        found = os.lstat(old)
        if (
            os.path.realpath(folder) != folder  # a link on the way: never leave the version
            or found.st_mode != NEW_FILE_MODE
            or found.st_size != len(data)
            or old.read_bytes() != data  # a regular file (lstat), in no linked folder
        ):
            return False
        new.parent.mkdir(parents=True, exist_ok=True)
        new.unlink(missing_ok=True)
        os.link(old, new, follow_symlinks=False)
    except OSError:  # another file system (EXDEV), a vanished file: the caller writes a copy
        return False
    return True


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def sweep(versions: Path) -> subprocess.Popen[bytes] | None:
    """Remove the versions earlier builds put aside, in a process of its own while this build
    runs: unlinking is mostly waiting for the disk, and a thread here would keep the build
    from forking its page-rendering workers (cercle.build.workers)."""
    trash = sorted(str(path) for path in versions.glob(f"{TRASH}*"))
    if not trash:
        return None
    try:
        return subprocess.Popen(
            [sys.executable, "-c", SWEEPER, *trash],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:  # no process to spare: removed here, as before
        for path in trash:
            _remove(Path(path))
        return None


def build_atomically(dest: Path, build: Callable[[Path], None]) -> Path:
    """Run `build(folder)` into a new version folder, then switch `dest` to it in one rename.

    When `build` raises, the new folder is removed, `dest` is left as it was and the
    exception propagates. Returns `dest` (a symbolic link to the new version).
    """
    dest = dest.absolute()
    versions = versions_dir(dest)
    if (dest.exists() and not dest.is_dir()) or (versions.exists() and not versions.is_dir()):
        raise SwapError(str(dest))
    if versions.is_symlink():  # never build or delete through a link planted beside the site
        raise SwapError(str(versions))
    created = not versions.exists()
    versions.mkdir(parents=True, exist_ok=True)
    previous = current_version(dest)
    suffix = _new_id()
    version = versions / suffix
    version.mkdir()  # the umask's permissions, as any folder (not mkdtemp's 0700)
    sweeper = sweep(versions)
    try:
        try:
            build(version)
        except BaseException:
            _remove(version)
            if created:  # a first build that failed leaves nothing behind
                versions.rmdir()
            raise
        _step("built")
        if previous is not None and previous.is_dir():
            share_unchanged(version, previous)
        _step("shared")
        _switch(dest, version, suffix)
        migrated = versions / f"{suffix}-before"
        clean(dest, {version, *(p for p in (previous, migrated) if p is not None and p.exists())})
        _step("cleaned")
    finally:
        if sweeper is not None:
            sweeper.wait()  # nothing of this build keeps running after it
    return dest
