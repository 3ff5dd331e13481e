"""What changed on disk since the last good build of `cercle serve`.

The server's file watcher says that something changed, not what: a rebuild compares the
files it watches (their modification time and size) with the last good build's, so edits
saved while a build failed or ran are all seen by the next one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

Snapshot = dict[str, tuple[int, int]]  # absolute path → (mtime in ns, size)


def snapshot(roots: Iterable[str | Path]) -> Snapshot:
    """Every file under the roots (a root may be a file), with its modification time and size."""
    found: Snapshot = {}
    for root in roots:
        root = str(root)
        if os.path.isfile(root):
            _add(found, root)
            continue
        for folder, _, names in os.walk(root):
            for name in names:
                _add(found, os.path.join(folder, name))
    return found


def _add(found: Snapshot, path: str) -> None:
    try:
        stat = os.stat(path)
    except OSError:  # removed meanwhile: the next rebuild sees it gone
        return
    found[os.path.abspath(path)] = (stat.st_mtime_ns, stat.st_size)


@dataclass(frozen=True)
class Changes:
    modified: frozenset[str]
    added: frozenset[str]
    removed: frozenset[str]

    @property
    def none(self) -> bool:
        return not (self.modified or self.added or self.removed)


def changes(before: Snapshot, after: Snapshot) -> Changes:
    return Changes(
        modified=frozenset(p for p in before.keys() & after.keys() if before[p] != after[p]),
        added=frozenset(after.keys() - before.keys()),
        removed=frozenset(before.keys() - after.keys()),
    )


def hidden(rel: str) -> bool:
    """An editor's swap or backup file (`.x.md.swp`): neither the Catalog nor MkDocs reads it."""
    return any(part.startswith(".") for part in PurePosixPath(rel).parts)


def content_edits(
    found: Changes, content_dir: Path, registries: Iterable[str], strings: Path | None = None
) -> set[str] | None:
    """The Markdown files of content/ edited in place (paths relative to content/), or None
    when anything else changed (a file added, removed or renamed, an image, speakers.yml,
    topics.yml, mkdocs.yml, a template, the hub's own `strings` folder, even one hidden in
    content/: every page and the search dialog show them): only a full rebuild is sure to be
    right then."""
    root = content_dir.resolve()
    folder = strings.resolve() if strings is not None else None
    edited: set[str] = set()
    for path in found.modified | found.added | found.removed:
        resolved = Path(path).resolve()
        if folder is not None and resolved.is_relative_to(folder):
            return None
        try:
            rel = resolved.relative_to(root).as_posix()
        except ValueError:
            return None
        if hidden(rel):
            continue
        if path not in found.modified or not rel.endswith(".md") or rel in set(registries):
            return None
        edited.add(rel)
    return edited
