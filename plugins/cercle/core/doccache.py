"""Parsed front matter kept on disk between builds, keyed by each file's path, mtime and size.

A warm `mkdocs build` is a new process: without this, every Markdown file's YAML is parsed
again (0.5 s for 1,000 entries). A body is not kept, only where it starts in its file: it is
read back from there (decoding the bodies in JSON took 2 s of a warm build at 10,000 entries
a language, reading them from their files 0.3 s). The cache is JSON, never pickle: a cache folder that came
with a pull request must not be able to run code. Only documents that parsed without a
problem and whose values JSON can carry back exactly (text, numbers, booleans, null, lists,
mappings with text keys, dates) are kept; any other document is simply parsed again.
The file is sealed with the digest of its bytes and read without following a link
(cercle.core.cachefile): an edited, truncated or linked cache is ignored, not believed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from cercle.core.cachefile import read_regular, seal, unseal, write_atomic
from cercle.core.frontmatter import Document, Path_

FORMAT = 3
FILE_NAME = "documents.json"
RACY_NS = 3 * 10**9
_TAG = "\u0000"  # marks an encoded date; no mapping key from YAML front matter starts with NUL


class _Unsupported(Exception):
    pass


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dt.datetime):
        return {_TAG + "datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {_TAG + "date": value.isoformat()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        if not all(isinstance(key, str) and not key.startswith(_TAG) for key in value):
            raise _Unsupported
        return {key: _encode(item) for key, item in value.items()}
    raise _Unsupported


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if len(value) == 1:
            key, item = next(iter(value.items()))
            if key == _TAG + "datetime":
                return dt.datetime.fromisoformat(item)
            if key == _TAG + "date":
                return dt.date.fromisoformat(item)
        return {key: _decode(item) for key, item in value.items()}
    return value


class KeptLines(Mapping[Path_, int]):
    """The line of every key and item of a kept document, decoded when first asked: only a
    document with a problem is (decoding them all was a third of reading the cache)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[Path_, int] | None = None

    def _decoded(self) -> dict[Path_, int]:
        if self._lines is None:
            try:
                self._lines = {tuple(path): int(line) for path, line in json.loads(self._text)}
            except (ValueError, TypeError, RecursionError):
                self._lines = {}  # the cache is sealed: only a bug gets here; lines default to 1
        return self._lines

    def __getitem__(self, path: Path_) -> int:
        return self._decoded()[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())


# The cache as this process last read or wrote it, while its file is unchanged: `cercle serve`
# loads the Catalog after every save, and decoding the whole file each time cost more than
# the one document that changed.
_LOADED: dict[Path, tuple[tuple[object, ...], dict[str, Any]]] = {}


def forget_loaded_cache() -> None:
    """Forget the decoded caches kept for the next load (a one-shot build has no next load)."""
    _LOADED.clear()


def _state(path: Path, version: str) -> tuple[object, ...] | None:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, version)


class DocumentCache:
    """`get` a file's parsed Document if unchanged since it was `put`; `save` once at the end."""

    def __init__(self, folder: Path, version: str) -> None:
        self.path = folder / FILE_NAME
        self.version = version  # of the parser: another version's cache is ignored
        self.entries: dict[str, Any] = {}
        self.changed = False
        state = _state(self.path, version)
        known = _LOADED.get(self.path)
        if state is not None and known is not None and known[0] == state:
            self.entries = known[1]
            return
        try:
            payload = unseal(read_regular(self.path))
            if payload is None:
                return
            stored = json.loads(bytes(payload))
            documents = stored.get("documents")
            if (
                stored.get("format") == FORMAT
                and stored.get("version") == version
                and isinstance(documents, dict)
            ):
                self.entries = documents
                if state is not None:
                    _LOADED[self.path] = (state, documents)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            pass  # no cache yet, or an unreadable one: parse everything

    def get(self, rel: str, stat: os.stat_result, path: Path | None = None) -> Document | None:
        """The Document of `rel` (at `path`, whose body is read when not kept), if unchanged."""
        found = self.entries.get(rel)
        if not isinstance(found, dict) or found.get("stamp") != [stat.st_mtime_ns, stat.st_size]:
            return None
        try:
            body = found["body"] if "body" in found else _body_from(path, found["body_at"], stat)
            if not isinstance(body, str) or not isinstance(found["lines"], str):
                return None
            return Document(
                data=_decode(found["data"]),
                lines=KeptLines(found["lines"]),
                body=body,
                body_line=found["body_line"],
                has_front_matter=found["has_front_matter"],
            )
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            return None

    def put(self, rel: str, stat: os.stat_result, doc: Document, text: str | None = None) -> None:
        """Keep `doc`, parsed from `text` (the file's text as read: then its body is not kept)."""
        # A file changed within the last seconds may change again within the same timestamp
        # tick (coarse clocks, network file systems): parse it again next time (as git does).
        if doc.problems or stat.st_mtime_ns > time.time_ns() - RACY_NS:
            return
        try:
            data = _encode(doc.data)
        except _Unsupported:
            return
        kept: dict[str, Any] = {
            "stamp": [stat.st_mtime_ns, stat.st_size],
            "data": data,
            # One string, decoded only if asked (KeptLines).
            "lines": json.dumps([[list(path), line] for path, line in doc.lines.items()], ensure_ascii=False),
            "body_line": doc.body_line,
            "has_front_matter": doc.has_front_matter,
        }
        at = _body_start(text, doc.body, stat.st_size)
        if at is None:
            kept["body"] = doc.body
        else:
            kept["body_at"] = at
        self.entries[rel] = kept
        self.changed = True

    def keep_only(self, names: set[str]) -> None:
        """Forget files that are gone, so the cache does not grow forever."""
        for name in set(self.entries) - names:
            del self.entries[name]
            self.changed = True

    def save(self) -> None:
        """Write the cache atomically; a read-only or full disk only costs the next build time."""
        if not self.changed:
            return
        payload = {"format": FORMAT, "version": self.version, "documents": self.entries}
        try:
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, seal(data))
            self.changed = False
            state = _state(self.path, self.version)
            if state is not None:
                _LOADED[self.path] = (state, self.entries)
        except (OSError, ValueError):
            pass


def _body_start(text: str | None, body: str, size: int) -> int | None:
    """The byte where `body` starts in the file of `size` bytes read as `text` (the body its
    end, after a byte-order mark at most), or None when it is not simply there."""
    if text is None or not text.endswith(body) or size - len(text.encode("utf-8")) not in (0, 3):
        return None
    return size - len(body.encode("utf-8"))


def _body_from(path: Path | None, at: object, stat: os.stat_result) -> str | None:
    """The body kept as where it starts in `path`, if the file opened is still the one stat'ed."""
    if path is None or not isinstance(at, int) or isinstance(at, bool) or not 0 <= at <= stat.st_size:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        now = os.fstat(fd)
        if (now.st_mtime_ns, now.st_size) != (stat.st_mtime_ns, stat.st_size):
            return None
        raw = os.pread(fd, stat.st_size - at, at)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        return raw.decode("utf-8") if len(raw) == stat.st_size - at else None
    except UnicodeDecodeError:
        return None


def parser_version() -> str:
    """Changes whenever Cercle, its front-matter parser or PyYAML (C or Python) does."""
    import hashlib

    import yaml

    from cercle import __version__, core
    from cercle.core.frontmatter import YamlLoader

    here = Path(core.__file__).parent
    parts = ("frontmatter.py", "safe_yaml.py", "yaml_hints.py", "text.py")  # its problems are cached too
    source = b"".join((here / name).read_bytes() for name in parts)
    loader = "/".join(base.__name__ for base in YamlLoader.__mro__[1:3])
    return f"{__version__}:{hashlib.sha256(source).hexdigest()[:16]}:{yaml.__version__}:{loader}"
