"""Number Pagefind's pages by URL, so that its output does not depend on the file system.

Pagefind numbers a language's pages in the order it walks the site folder, which is the
order the file system lists it (hash order on ext4, creation order on tmpfs…): the same
site gave other index bytes on another machine. Page numbers appear in the metadata (the
page list and the sort orders), in each word of the index chunks (as differences from the
previous page) and in the filters. `renumber` gives page i the i-th URL in sorted order
and rewrites those places (and sorts a word's accented variants, listed as first met);
ties in a sort order (two entries of the same date) are ordered by the new numbers, with
the sort values read back from the built pages.
"""

from __future__ import annotations

import gzip
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from cercle.search.reproducible import SIGNATURE, FormatError, read_record, write_record

SORT_ATTRIBUTE = "data-pagefind-sort"


class _SortValues(HTMLParser):
    """Collects the text of `data-pagefind-sort="key"` elements of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self._key: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        key = dict(attrs).get("data-pagefind-sort")
        if key:
            self._key = key
            self.values.setdefault(key, "")

    def handle_endtag(self, tag: str) -> None:
        self._key = None

    def handle_data(self, data: str) -> None:
        if self._key:
            self.values[self._key] += data


def _page_file(site: Path, url: str) -> Path:
    path = site / unquote(url.split("#")[0].split("?")[0]).lstrip("/")
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def _sort_elements(html: str) -> str:
    """The page's `data-pagefind-sort` elements, each from its start tag to the first end
    tag after it (the parser keeps text up to there): parsing them alone gives the same
    values as parsing the whole page, for a few hundred bytes instead of the page."""
    parts, at = [], html.find(SORT_ATTRIBUTE)
    while at != -1:
        start, close = html.rfind("<", 0, at), html.find("</", at)
        end = html.find(">", close) + 1 if close != -1 else len(html)
        parts.append(html[max(start, 0) : end or len(html)])
        at = html.find(SORT_ATTRIBUTE, max(end, at + 1))
    return "".join(parts)


def _sort_values(site: Path, url: str) -> dict[str, str]:
    parser = _SortValues()
    try:
        parser.feed(_sort_elements(_page_file(site, url).read_text(encoding="utf-8")))
        parser.close()
    except (OSError, ValueError):
        return {}
    return {key: value.strip() for key, value in parser.values.items()}


def _remap_pages(pages: Any, new_of: dict[int, int]) -> list[Any]:
    """A word's pages: [[page − previous page, locations, …], …] → the same under new numbers."""
    if not isinstance(pages, list):
        raise FormatError("unexpected word layout")
    absolute, number = [], 0
    for page in pages:
        if not (isinstance(page, list) and page and isinstance(page[0], int)):
            raise FormatError("unexpected page layout in a word")
        number += page[0]
        absolute.append([new_of[number], *page[1:]])
    absolute.sort(key=lambda page: page[0])
    previous = 0
    for page in absolute:
        page[0], previous = page[0] - previous, page[0]
    return absolute


def _renumber_chunk(output: Path, name: str, new_of: dict[int, int]) -> str:
    path = output / "index" / f"{name}.pf_index"
    record = read_record(path)  # [[word, pages, [[variant, pages], …]], …]
    if not (isinstance(record, list) and len(record) == 1 and isinstance(record[0], list)):
        raise FormatError(f"{path.name}: unexpected index layout")
    for word in record[0]:
        if not (isinstance(word, list) and len(word) == 3 and isinstance(word[2], list)):
            raise FormatError(f"{path.name}: unexpected word layout")
        word[1] = _remap_pages(word[1], new_of)
        for variant in word[2]:
            if not (isinstance(variant, list) and len(variant) == 2):
                raise FormatError(f"{path.name}: unexpected variant layout")
            variant[1] = _remap_pages(variant[1], new_of)
        word[2].sort(key=lambda variant: str(variant[0]))  # listed as first met: page order
    new = write_record(output / "index", name, record, ".pf_index")
    if new != name:
        path.unlink()
    return new


def _fragment_url(output: Path, name: str) -> str:
    raw = gzip.decompress((output / "fragment" / f"{name}.pf_fragment").read_bytes())
    if not raw.startswith(SIGNATURE):
        raise FormatError(f"{name}.pf_fragment: no Pagefind signature")
    return str(json.loads(raw[len(SIGNATURE) :])["url"])


def renumber(output: Path, site: Path, meta: list[Any]) -> dict[int, int]:
    """Renumber the pages of one language's `meta` (changed in place) and its index chunks.

    Returns old → new page numbers, for the filters (rewritten by the caller).
    """
    pages = meta[1]
    urls = [_fragment_url(output, page[0]) for page in pages]
    order = sorted(range(len(pages)), key=lambda old: (urls[old], old))
    new_of = {old: new for new, old in enumerate(order)}
    meta[1] = [pages[old] for old in order]
    for chunk in meta[2]:
        chunk[2] = _renumber_chunk(output, chunk[2], new_of)
    if meta[4]:
        values = [_sort_values(site, url) for url in urls]
        for sort in meta[4]:
            key, ranked = sort[0], sort[1]
            # old page → where its value first comes in Pagefind's order
            group: dict[int, int] = {}
            seen: dict[str, int] = {}
            for position, old in enumerate(ranked):
                value = values[old].get(key)
                group[old] = position if value is None else seen.setdefault(value, position)
            sort[1] = sorted((new_of[old] for old in ranked), key=lambda new: (group[order[new]], new))
    return new_of
