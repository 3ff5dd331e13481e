"""Files of Cercle's build caches: sealed with their digest, read without following links, written atomically;
and the mode of the files Cercle writes into the site itself (`published_mode`).

A cache folder is not trusted: it may come with a pull request, be truncated by a full
disk or be written by another build at the same moment. So a cached file is used only
when it is a regular file (a symbolic link is a miss, and is removed: it could point at
any file of the machine) whose content still matches the digest written with it. Every
write goes to a temporary file beside the target, then `os.replace`: a reader sees the
old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import hmac
import os
import stat
import tempfile
from pathlib import Path

# `seal` appends MAGIC and the payload's BLAKE2b digest; PNG and JSON readers stop before it.
MAGIC = b"\x00cercle1"
DIGEST_SIZE = 16
TRAILER = len(MAGIC) + DIGEST_SIZE


KEY_ENV = "CERCLE_CACHE_KEY"
MACHINE_IDS = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))


@functools.cache
def signing_key() -> bytes | None:
    """The key of the cache records a build trusts beyond their digest (reused pages, placed
    files): CERCLE_CACHE_KEY (to share a cache between CI runs), else this machine's id and
    user, which content cannot know; None when neither is there."""
    given = os.environ.get(KEY_ENV, "").strip()
    if given:
        return hashlib.sha256(b"cercle-cache|" + given.encode()).digest()
    for path in MACHINE_IDS:
        with contextlib.suppress(OSError):
            machine = path.read_text(encoding="ascii").strip()
            if machine:
                return hashlib.sha256(f"cercle-cache|{machine}|{os.getuid()}".encode()).digest()
    return None


MAC_SIZE = 32  # HMAC-SHA256


def sign(payload: bytes, key: bytes) -> bytes:
    """`payload` followed by its HMAC under `key` (a `signing_key`), for `signed`."""
    return payload + hmac.digest(key, payload, "sha256")


def signed(data: bytes | None, key: bytes) -> bytes | None:
    """The payload of a signed file, or None when it was truncated, altered or signed with
    another key."""
    if data is None or len(data) <= MAC_SIZE:
        return None
    payload, mac = data[:-MAC_SIZE], data[-MAC_SIZE:]
    return payload if hmac.compare_digest(hmac.digest(key, payload, "sha256"), mac) else None


def digest(data: bytes | memoryview) -> bytes:
    """BLAKE2b-128 of `data` (hashlib releases the GIL on large buffers)."""
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


def seal(payload: bytes) -> bytes:
    """`payload` followed by its digest, for `unseal`."""
    return payload + MAGIC + digest(payload)


def unseal(data: bytes | None) -> memoryview | None:
    """The payload of a sealed file, or None when it was truncated, altered or never sealed."""
    if data is None or len(data) < TRAILER or data[-TRAILER:-DIGEST_SIZE] != MAGIC:
        return None
    payload = memoryview(data)[:-TRAILER]
    return payload if digest(payload) == data[-DIGEST_SIZE:] else None


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def read_regular(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file; None otherwise (missing, or a link: removed)."""
    found = read_with_state(path)
    return None if found is None else found[0]


def read_with_state(path: Path) -> tuple[bytes, os.stat_result] | None:
    """`read_regular`, with the state of the very file read (not of whatever is there later)."""
    try:
        # O_NONBLOCK: a FIFO put in the cache must not hang the build (it is not a regular file).
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a symbolic link: never follow it, drop it
            _unlink(path)
        return None
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as file:
            return file.read(), found
    except OSError:
        return None
    finally:
        os.close(fd)


def real_folder(path: Path, root: Path) -> bool:
    """True when `path` is a folder (not a link to one) that resolves inside `root`.

    A link or a file at `path` is removed, so that the caller can put a folder there."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    if not stat.S_ISDIR(mode):
        _unlink(path)
        return False
    return path.resolve().is_relative_to(root.resolve())


@functools.cache
def umask() -> int:
    """The process's umask (Linux 4.7+: read, never set; elsewhere set and put back at once,
    which is why it is read once)."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        status = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
        return int(next(line for line in status if line.startswith("Umask:")).split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def published_mode(folder: bool = False) -> int:
    """The mode `open` or `mkdir` gives a new file or folder here: what a file published with the
    site gets, so that a web server running as another user reads it (mkstemp and mkdtemp
    make private ones, 0600 and 0700)."""
    return (0o777 if folder else 0o666) & ~umask()


def write_atomic(path: Path, data: bytes | memoryview, mode: int | None = None) -> os.stat_result:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`;
    the state of the file written (cercle.core.soundfiles records it).

    The file is private to its owner (mkstemp's 0600) unless `mode` says otherwise
    (`published_mode()` for a file of the site)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            written = os.fstat(out.fileno())
        os.replace(tmp, path)
        return written
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create(path: Path) -> int:
    """A new, empty file at `path`, open for writing (never through a link or into another
    file's inode)."""
    # O_EXCL never opens what is there (a file, a hard link, a symlink): that is replaced, not
    # written through. Tried first, the folder and the old file cost a system call only when
    # missing or present (a warm build places thousands of files into a new, empty version).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    try:
        return os.open(path, flags, 0o666)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, flags, 0o666)
    except FileExistsError:
        path.unlink()
        return os.open(path, flags, 0o666)


def write_copy(path: Path, data: bytes | memoryview) -> None:
    """Write a new file at `path` (never through a link or into another file's inode)."""
    with os.fdopen(_create(path), "wb") as out:
        out.write(data)


def copy_into(path: Path, source: int, length: int) -> None:
    """A new file at `path` (as `write_copy`) holding the first `length` bytes of the open
    file `source`, copied by the kernel: never read into this process."""
    fd = _create(path)
    try:
        done = 0
        while done < length:
            try:
                count = os.copy_file_range(source, fd, length - done, done, done)
            except OSError as exc:  # no copy_file_range here (old kernel, some file systems)
                if exc.errno not in (errno.ENOSYS, errno.EXDEV, errno.EINVAL, errno.EOPNOTSUPP):
                    raise
                count = os.write(fd, os.pread(source, length - done, done))
            if count == 0:
                raise OSError(errno.EIO, f"{path}: the cache file is shorter than it was")
            done += count
    finally:
        os.close(fd)
