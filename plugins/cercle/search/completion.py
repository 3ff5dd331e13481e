"""Tell when Pagefind has finished writing its output, so that it is stopped only after that.

Pagefind 1.5.2 answers `write_files` as soon as it has handed each file to its writer
threads, not when the bytes are on disk; stopping it at once cut files short under load
("pagefind-entry.json is unreadable"), and its Python API gives no completion signal.
So the output is checked, not timed: the entry file parses; every file it names (each
language's metadata and WebAssembly) and every file a language's metadata names
(fragments, index chunks, filters) is a complete gzip stream (a cut one fails its
length and CRC trailer); and the plain script and style files keep the same sizes
between two looks, after everything else was complete.
"""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any

from cercle.search.reproducible import ENTRY_FILE, FormatError, read_record

# Files Pagefind always writes; the search dialog loads the first one.
REQUIRED = ("pagefind.js", "wasm.unknown.pagefind")


def _gzip_problem(path: Path) -> str | None:
    try:
        gzip.decompress(path.read_bytes())
    except FileNotFoundError:
        return "missing"
    except (OSError, EOFError, zlib.error) as exc:
        return f"incomplete ({exc})"
    return None


def _listed(output: Path, entry: dict[str, Any]) -> list[Path]:
    """Every gzip file the entry names, then every file each language's metadata names."""
    files = [output / "wasm.unknown.pagefind"]
    for info in entry.get("languages", {}).values():
        if info.get("wasm"):
            files.append(output / f"wasm.{info['wasm']}.pagefind")
        meta = output / f"pagefind.{info['hash']}.pf_meta"
        files.append(meta)
        if meta.is_file() and _gzip_problem(meta) is None:
            record = read_record(meta)  # [version, pages, index chunks, filters, sorts, …]
            files += [output / "fragment" / f"{page[0]}.pf_fragment" for page in record[1]]
            files += [output / "index" / f"{chunk[2]}.pf_index" for chunk in record[2]]
            files += [output / "filter" / f"{item[1]}.pf_filter" for item in record[3]]
    return files


class Completion:
    """Looks at an output folder until it is whole; `problem()` is None once it is."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.checked: set[Path] = set()  # gzip files found whole: they no longer change
        self.sizes: dict[str, int] | None = None

    def _plain_sizes(self) -> dict[str, int]:
        return {
            p.name: p.stat().st_size
            for p in sorted(self.output.iterdir())
            if p.is_file() and p.suffix in (".js", ".css")
        }

    def problem(self) -> str | None:
        """What is not written yet ("pagefind-entry.json: missing"), or None when all is."""
        try:
            entry = json.loads((self.output / ENTRY_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return f"{ENTRY_FILE}: missing"
        except (OSError, ValueError) as exc:
            return f"{ENTRY_FILE}: unreadable ({exc})"
        try:
            listed = _listed(self.output, entry)
        except (FormatError, KeyError, IndexError, TypeError, OSError, EOFError, zlib.error) as exc:
            return f"{ENTRY_FILE} or a metadata file: unexpected content ({exc})"
        for path in listed:
            if path not in self.checked:
                if (problem := _gzip_problem(path)) is not None:
                    return f"{path.relative_to(self.output).as_posix()}: {problem}"
                self.checked.add(path)
        for name in REQUIRED:
            if not (self.output / name).is_file():
                return f"{name}: missing"
        sizes, self.sizes = self.sizes, self._plain_sizes()
        if sizes != self.sizes or 0 in self.sizes.values():
            return "script and style files: still being written"
        return None
