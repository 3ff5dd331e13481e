"""Where rendered pages are kept between builds: `.cache/cercle/pages/`.

A record (`records/<key>`) says what rendering one page gave: its HTML's digest, the files
written beside it (a transcript page, a calendar), what each plugin did for it and the
warnings it logged; the bytes themselves are objects named by their digest
(`objects/<digest>`), checked again each time they are read. The cache folder may come with a
pull request: a record is used only when its MAC verifies with a key the content cannot
know (cercle.core.cachefile `signing_key`: `CERCLE_CACHE_KEY`, else this machine's id), so
nobody can slip HTML into the site by committing a cache. Without such a key, no page is reused.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cercle.core.cachefile import digest, read_regular, sign, signed, write_copy

FORMAT = 2


@dataclass
class Record:
    html: str
    files: dict[str, str] = field(default_factory=dict)  # site path → object digest
    plugins: dict[str, Any] = field(default_factory=dict)
    logs: list[tuple[str, int, str]] = field(default_factory=list)
    # What reading the page's Markdown gave that the build still needs: its anchors, its
    # links to other pages' anchors ({page source: {anchor: link}}), its warnings.
    read: dict[str, Any] | None = None

    def objects(self) -> list[str]:
        return [self.html, *self.files.values()]


class PageStore:
    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self.key = key
        self.used: dict[str, list[str]] = {}  # records read or written here → their objects

    def get(self, name: str) -> Record | None:
        payload = signed(read_regular(self.folder / "records" / name), self.key)
        if payload is None:
            return None
        try:
            raw = json.loads(payload)
            if raw.pop("format", None) != FORMAT:
                return None
            record = Record(**raw)
            record.logs = [(str(n), int(level), str(text)) for n, level, text in record.logs]
        except (ValueError, TypeError, RecursionError):
            return None
        self.used[name] = record.objects()
        return record

    def put(self, name: str, record: Record) -> None:
        fields = {"format": FORMAT, **record.__dict__}
        payload = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()
        folder = self.folder / "records"
        folder.mkdir(parents=True, exist_ok=True)
        write_copy(folder / name, sign(payload, self.key))  # a half record fails its MAC
        self.used[name] = record.objects()

    def read_object(self, name: str) -> bytes | None:
        data = read_regular(self.folder / "objects" / name)
        return data if data is not None and digest(data).hex() == name else None

    def write_object(self, data: bytes) -> str:
        name = digest(data).hex()
        path = self.folder / "objects" / name
        if self.read_object(name) is None:
            write_copy(path, data)  # named by its digest: a half-written one is never read
        return name

    def sweep(self, used: dict[str, list[str]]) -> None:
        """Remove the records no page of this build used, and the objects they alone named."""
        keep = {name for objects in used.values() for name in objects}
        for path in _listing(self.folder / "records"):
            if path.name not in used:
                path.unlink(missing_ok=True)
        for path in _listing(self.folder / "objects"):
            if path.name not in keep:
                path.unlink(missing_ok=True)


def _listing(folder: Path) -> list[Path]:
    try:
        return [folder / name for name in os.listdir(folder)]
    except OSError:
        return []
