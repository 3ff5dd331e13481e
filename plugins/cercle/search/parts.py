"""The search index in parts: bounded memory at any number of pages, one search for readers.

Pagefind keeps every page it has read in memory until it writes the index (~0.5 MB a page
and language at realistic sizes, transcripts first: ~5 GB for 10,000 entries a language,
issue #18). So a language with more indexed pages than `size` is indexed in parts of at
most `size` pages, one Pagefind process after the other (each ends, and gives its memory
back, before the next starts); the browser searches them together with Pagefind's
`mergeIndex` (cercle-search.js). A language that fits in one part is indexed as before.

Layout: `pagefind/` holds each language's first part, the code and the entry file, whose
`cercle_parts` lists the other parts by Pagefind language ({"fr": ["fr-1/", "fr-2/"]});
part k of the language folder `fr` is `pagefind/fr-<k>/`, an index of its own (entry file,
metadata, index, fragment and filter files; no code: a merged index runs on the first
one's WebAssembly).

Pages are split in the order of their date (`data-pagefind-sort="date"`; an undated page,
such as a transcript page, takes its entry's), then of their path: a new entry, usually the
newest, changes the last part only, and a warm build reuses the others (one cache bundle
per part). That order also keeps "newest first" right across parts: Pagefind scores a
sorted result by its place in its own index's sort list and merges indexes by score, so
each part's date list is preceded by as many placeholders (a page number no page has) as
the earlier parts have dated pages: places are then those in the whole language.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cercle.search.reproducible import ENTRY_FILE, FormatError, dump_entry, read_record, write_record

BODY = b"data-pagefind-body"
_DATE = re.compile(rb"""data-pagefind-sort=["']date["'][^>]*>([^<]*)<""")
SORT_KEY = "date"
PARTS_KEY = "cercle_parts"  # in the first part's pagefind-entry.json


@dataclass(frozen=True)
class Part:
    folder: str  # the language's top folder in the site
    number: int  # 0: the first part, in pagefind/ itself
    files: tuple[str, ...]  # site-relative paths of its pages, in their order
    sums: tuple[str, ...] = ()  # the digest of each page's bytes (the part's cache key)

    @property
    def name(self) -> str:
        return f"{self.folder}-{self.number}"


def _html_files(site: Path, folder: str) -> list[str]:
    found = []
    for top, _, names in os.walk(site / folder):
        found += [os.path.relpath(os.path.join(top, n), site) for n in names if n.endswith(".html")]
    return found


def may_split(site: Path, folders: Sequence[str], size: int) -> bool:
    """Whether a language folder has more HTML files than `size` (cheap: names only)."""
    return any(len(_html_files(site, folder)) > size for folder in folders)


def _dated_pages(site: Path, folder: str, sums: dict[str, str]) -> list[tuple[str, str]]:
    """(date, path) of each page Pagefind indexes (the marked ones), in part order; the
    digest of each one's bytes into `sums` (read once for both)."""
    dates: dict[str, str] = {}
    for path in _html_files(site, folder):
        data = (site / path).read_bytes()
        if BODY in data:
            match = _DATE.search(data)
            dates[path] = match.group(1).decode("utf-8", "replace").strip() if match else ""
            sums[path] = hashlib.blake2b(data, digest_size=20).hexdigest()

    def date_of(path: str) -> str:
        place = Path(path).parent
        while dates.get(path, "") == "" and place != place.parent:  # an ancestor page's date
            place = place.parent
            path = (place / "index.html").as_posix()
        return dates.get(path, "")

    return sorted((date_of(path), path) for path in dates)


def plan_parts(site: Path, folders: Sequence[str], size: int) -> list[Part]:
    """Each language folder's parts of at most `size` pages (one part: it fits; none: no page)."""
    found: list[Part] = []
    sums: dict[str, str] = {}
    for folder in folders:
        pages = [path for _, path in _dated_pages(site, folder, sums)]
        for number, start in enumerate(range(0, len(pages), size)):
            files = tuple(pages[start : start + size])
            found.append(Part(folder, number, files, tuple(sums[path] for path in files)))
    return found


def link_pages(site: Path, files: tuple[str, ...], tree: Path) -> None:
    """The part's pages at their own paths under `tree` (hard links: no copy), for Pagefind to read alone."""
    for path in files:
        target = tree / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / path, target)
        except OSError:  # another file system: a copy
            target.write_bytes((site / path).read_bytes())


def offset_dates(output: Path, offset: int) -> tuple[str, int]:
    """Place the dated pages of the one-language index `output` after `offset` earlier ones.

    Returns its language and how many dated pages it has (the next part's offset).
    """
    entry_path = output / ENTRY_FILE
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if len(entry.get("languages", {})) != 1:
        raise FormatError(f"{output.name}: one language expected")
    ((lang, info),) = entry["languages"].items()
    meta_path = output / f"pagefind.{info['hash']}.pf_meta"
    meta = read_record(meta_path)  # [version, pages, index chunks, filters, sorts, …]
    sorts = [sort for sort in meta[4] if sort[0] == SORT_KEY]
    dated = len(sorts[0][1]) if sorts else 0
    if offset and sorts:
        sorts[0][1] = [len(meta[1])] * offset + sorts[0][1]  # len(pages): no page's number
        new = write_record(output, info["hash"], meta, ".pf_meta", prefix="pagefind.")
        if new != info["hash"]:
            meta_path.unlink()
        info["hash"] = new
        entry_path.write_text(dump_entry(entry), encoding="utf-8")
    return lang, dated
