"""Pagefind's own code (scripts, styles, WebAssembly) beside an index made from the cache.

The kept index (`cache.py`) holds data only; the code that reads it comes from Pagefind,
which writes it for a one-page site in each of the index's languages. That run cost a warm
build ~0.35 s at any size. What it writes depends only on Pagefind itself, its options and
the languages, so it is kept too, under the digest of those, but **signed** with the build
machine's key (cercle.core.cachefile `signing_key`, as reused pages are): this is code every
reader's browser runs, and a `.cache/` that came with a pull request must never bring any.
Without a key, or when the kept file fails its signature, Pagefind writes the code again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import re
import shutil
import tempfile
from html import escape
from pathlib import Path
from typing import Any

from cercle.core.cachefile import read_regular, real_folder, sign, signed, signing_key, write_atomic
from cercle.search.cache import DATA, pack, pagefind_identity, unpack
from cercle.search.pagefind_service import run_pagefind_once

ENTRY_FILE = "pagefind-entry.json"
SUFFIX = ".code"
FORMAT = 1
# Pagefind's code files sit at the top of its output: plain names, no folder, no dot-file.
_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*$")


def _key(config: dict[str, Any], languages: list[str]) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(json.dumps([FORMAT, config, pagefind_identity(), languages], sort_keys=True).encode())
    return h.hexdigest()


def _code_name(name: str) -> bool:
    return _NAME.match(name) is not None and not DATA.match(name)


def _kept(keep: Path, key: str, key_mac: bytes) -> list[tuple[str, bytes]] | None:
    payload = signed(read_regular(keep / f"{key}{SUFFIX}"), key_mac)
    files = unpack(payload, _code_name) if payload is not None else None
    return [(name, bytes(data)) for name, data in files] if files else None


def _written_by_pagefind(
    languages: list[str], parent: Path, config: dict[str, Any], timeout: float
) -> list[tuple[str, bytes]]:
    tiny = Path(tempfile.mkdtemp(prefix=".pagefind-code-", dir=parent))
    try:
        for n, lang in enumerate(languages):
            page = f'<html lang="{escape(lang)}"><body><main data-pagefind-body><p>x</p></main></body></html>'
            (tiny / "site" / str(n)).mkdir(parents=True)
            (tiny / "site" / str(n) / "index.html").write_text(page, encoding="utf-8")
        asyncio.run(run_pagefind_once(tiny / "site", tiny / "out", config, timeout))
        out = tiny / "out"
        names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
        return [(name, (out / name).read_bytes()) for name in names if not DATA.match(name)]
    finally:
        shutil.rmtree(tiny, ignore_errors=True)


def add_pagefind_code(
    output: Path, config: dict[str, Any], timeout: float, keep: tuple[Path, Path] | None = None
) -> None:
    """Write Pagefind's code for the index in `output` (whose entry file names its languages).

    `keep`: (the search cache folder, the project folder it must stay in), where the code is
    kept signed between builds; None: Pagefind writes it every time."""
    entry = json.loads((output / ENTRY_FILE).read_text(encoding="utf-8"))
    languages = sorted(entry.get("languages", {}))
    key, key_mac = _key(config, languages), signing_key()
    files = _kept(keep[0], key, key_mac) if keep is not None and key_mac is not None else None
    if files is None:
        files = _written_by_pagefind(languages, output.parent, config, timeout)
        if keep is not None and key_mac is not None and all(_code_name(name) for name, _ in files):
            _store(keep, key, sign(pack(files), key_mac))
    for name, data in files:
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_bytes(data)


def _store(keep: tuple[Path, Path], key: str, data: bytes) -> None:
    folder, root = keep
    folder.mkdir(parents=True, exist_ok=True)
    if not real_folder(folder, root):
        return
    write_atomic(folder / f"{key}{SUFFIX}", data)
    for old in folder.glob(f"*{SUFFIX}"):  # one Pagefind, one set of options: one code file
        if old.name != f"{key}{SUFFIX}":
            with contextlib.suppress(OSError):
                old.unlink()
