"""The last search index, kept between builds and reused when the pages it reads are unchanged.

Pagefind reads every HTML page of the site, and its output is then renumbered and
re-encoded (`reproducible.py`): together most of a warm build's time. The result depends
only on the HTML files (paths and bytes), Pagefind's options and Pagefind itself, so their
digest names the bundle kept in `.cache/cercle/search/`. A bundle is one sealed file
(`cercle.core.cachefile`): a JSON list of [relative path, size] and the files' bytes one
after the other. The cache is not trusted: a bundle that fails its seal, names a path
outside the index folder or does not add up is a miss, and Pagefind runs. Only the index
data is kept (the names `DATA` allows), never Pagefind's scripts, styles or WebAssembly:
those are kept apart, signed with the machine's key (`code.py`), so no code can reach a site
from a cache that came with the content.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from cercle.core.cachefile import read_regular, real_folder, seal, unseal, write_atomic

SUFFIX = ".bundle"
# The index data Pagefind writes for a site; everything else it writes is code, the same for any site.
DATA = re.compile(
    r"^(?:(?:index|fragment|filter)/[A-Za-z0-9_-]+_[0-9a-f]+\.pf_(?:index|fragment|filter)"
    r"|pagefind\.[A-Za-z0-9_-]+_[0-9a-f]+\.pf_meta|pagefind-entry\.json)$"
)


def pagefind_identity() -> str:
    try:
        version = metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        version = "?"
    return f"{version}|{os.environ.get('PAGEFIND_BINARY_PATH', '')}"


def inputs_digest(site: Path, config: dict[str, Any], skip: tuple[str, ...]) -> str:
    """Digest of what the index is made from: every HTML file under `site` (except the
    folders named in `skip`), Pagefind's options and which Pagefind runs."""
    pages = []
    for folder, dirs, names in os.walk(site):
        if folder == str(site):
            dirs[:] = [d for d in dirs if d not in skip and not d.startswith(".pagefind-")]
        pages += [os.path.relpath(os.path.join(folder, n), site) for n in names if n.endswith(".html")]
    h = _started(config)
    for path in sorted(pages):
        data = (site / path).read_bytes()
        h.update(f"{path}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def part_digest(pages: list[tuple[str, str]], config: dict[str, Any]) -> str:
    """Digest of one part of an index (`parts.py`): its pages as (site-relative path, digest
    of the bytes), in order, Pagefind's options and which Pagefind runs."""
    h = _started(config)
    for path, content in pages:
        h.update(f"{path}\0{content}\0".encode())
    return h.hexdigest()


def _started(config: dict[str, Any]) -> hashlib.blake2b:
    h = hashlib.blake2b(digest_size=20)
    h.update(json.dumps([config, pagefind_identity()], sort_keys=True).encode())
    return h


def pack(files: list[tuple[str, bytes]]) -> bytes:
    """Files as one payload: a JSON list of [name, size], then their bytes one after the other."""
    header = json.dumps([[name, len(data)] for name, data in files]).encode()
    return b"%d\n" % len(header) + header + b"".join(data for _, data in files)


def unpack(
    payload: bytes | memoryview, allowed: Callable[[str], bool]
) -> list[tuple[str, memoryview]] | None:
    """The files of a `pack`ed payload, or None when it does not add up or names a file that
    `allowed` refuses."""
    view = memoryview(payload)
    try:
        end = bytes(view[:16]).index(b"\n")
        header_size = int(bytes(view[:end]))
        files = json.loads(bytes(view[end + 1 : end + 1 + header_size]))
        offset, found = end + 1 + header_size, []
        for name, size in files:
            if not (isinstance(name, str) and allowed(name) and isinstance(size, int) and size >= 0):
                return None
            found.append((name, view[offset : offset + size]))
            offset += size
    except (ValueError, TypeError):
        return None
    return found if offset == len(view) else None


def load(cache: Path, key: str, output: Path) -> bool:
    """Write the bundle `key` into the empty folder `output`; False when there is none usable."""
    payload = unseal(read_regular(cache / f"{key}{SUFFIX}"))
    files = unpack(payload, lambda name: DATA.match(name) is not None) if payload is not None else None
    if files is None or "pagefind-entry.json" not in dict(files):
        return False
    for name, data in files:
        target = output / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(data)
    return True


def store(cache: Path, key: str, output: Path, root: Path, only: bool = True) -> None:
    """Keep `output` as the bundle `key`, the only one unless `only` is False (then `prune` after)."""
    cache.mkdir(parents=True, exist_ok=True)
    if not real_folder(cache, root):
        return
    names = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    files = [(name, (output / name).read_bytes()) for name in names if DATA.match(name)]
    write_atomic(cache / f"{key}{SUFFIX}", seal(pack(files)))
    if only:
        prune(cache, {key})


def prune(cache: Path, keep: set[str]) -> None:
    """Remove the bundles but those named in `keep` (an index in parts keeps one per part)."""
    for old in cache.glob(f"*{SUFFIX}"):
        if old.name.removesuffix(SUFFIX) not in keep:
            with contextlib.suppress(OSError):
                old.unlink()
