"""One walk of content/: every path under it with its kind, each looked at once.

`Path.rglob`, then `is_symlink`, `is_dir` and `is_file` on each path, cost four system calls
a path (1 s of a warm build at 10,000 entries a language); `os.scandir` gives the kind of
most entries with the listing. The walk is the one `rglob("*")` makes in Python 3.11: every
entry, hidden ones too, into real folders only (a link to a folder is listed, not entered), a
folder that cannot be listed skipped, in the order of sorted paths.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Found:
    parts: tuple[str, ...]  # the path's names under the root
    path: str  # the path, as the walk reached it
    kind: str  # "dir", "file" (anything else), "link:<target>", or "?" (could not be told)
    is_file: bool  # a regular file, or a link to one

    @property
    def rel(self) -> str:
        return "/".join(self.parts)

    @property
    def is_link(self) -> bool:
        return self.kind.startswith("link:")


def _kind(entry: os.DirEntry[str]) -> str:
    try:
        if entry.is_symlink():
            return "link:" + os.readlink(entry.path)
        return "dir" if entry.is_dir(follow_symlinks=False) else "file"
    except OSError:
        return "?"


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # a link is followed (one stat); a plain entry is known already
    except OSError:
        return False


def walk(root: Path) -> list[Found]:
    """Everything under `root` (not `root` itself), sorted as paths are."""
    found: list[Found] = []
    folders: list[tuple[str, tuple[str, ...]]] = [(str(root), ())]
    while folders:
        folder, parts = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:  # rglob skips a folder it may not list (and one gone meanwhile)
            continue
        for entry in entries:
            kind = _kind(entry)
            named = (*parts, entry.name)
            found.append(Found(named, entry.path, kind, kind != "dir" and _is_file(entry)))
            if kind == "dir":
                folders.append((entry.path, named))
    found.sort(key=lambda item: item.parts)
    return found
