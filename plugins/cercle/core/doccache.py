"""Parsed front matter kept on disk between builds, keyed by each file's path, mtime and size.

A warm `mkdocs build` is a new process: without this, every Markdown file's YAML is parsed
again (0.5 s for 1,000 entries). The cache is JSON, never pickle: a cache folder that came
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
from pathlib import Path
from typing import Any

from cercle.core.cachefile import read_regular, seal, unseal, write_atomic
from cercle.core.frontmatter import Document

FORMAT = 2
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

    def get(self, rel: str, stat: os.stat_result) -> Document | None:
        found = self.entries.get(rel)
        if not isinstance(found, dict) or found.get("stamp") != [stat.st_mtime_ns, stat.st_size]:
            return None
        try:
            return Document(
                data=_decode(found["data"]),
                lines={tuple(path): line for path, line in found["lines"]},
                body=found["body"],
                body_line=found["body_line"],
                has_front_matter=found["has_front_matter"],
            )
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            return None

    def put(self, rel: str, stat: os.stat_result, doc: Document) -> None:
        # A file changed within the last seconds may change again within the same timestamp
        # tick (coarse clocks, network file systems): parse it again next time (as git does).
        if doc.problems or stat.st_mtime_ns > time.time_ns() - RACY_NS:
            return
        try:
            data = _encode(doc.data)
        except _Unsupported:
            return
        self.entries[rel] = {
            "stamp": [stat.st_mtime_ns, stat.st_size],
            "data": data,
            "lines": [[list(path), line] for path, line in doc.lines.items()],
            "body": doc.body,
            "body_line": doc.body_line,
            "has_front_matter": doc.has_front_matter,
        }
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
