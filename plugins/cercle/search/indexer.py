"""Index a built site with Pagefind (its Python API) into `<site>/pagefind/`, atomically and reproducibly.

The index is written to a temporary folder and moved into place only when Pagefind
succeeded and every file it writes is complete (`completion.py`), so a failure never
leaves a half-written index behind. Failures are SearchIndexError with a message code
of `locales/*.yml` (`messages.search.*`), each naming what to do.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cercle.core.cachefile import published_mode
from cercle.search import cache as bundles
from cercle.search.code import add_pagefind_code
from cercle.search.pagefind_service import SearchIndexError as SearchIndexError
from cercle.search.pagefind_service import run_pagefind_once
from cercle.search.parts import PARTS_KEY, Part, link_pages, may_split, offset_dates, plan_parts
from cercle.search.reproducible import FormatError, dump_entry, normalize

if TYPE_CHECKING:
    from cercle.core.catalog import Entry

OUTPUT = "pagefind"
ENTRY_FILE = "pagefind-entry.json"


@dataclass(frozen=True)
class IndexResult:
    pages: int
    languages: dict[str, int]


def _run_pagefind(
    site: Path, output: Path, config: dict[str, Any], timeout: float, folders: Sequence[str]
) -> None:
    """Pagefind over the site, or over each folder in turn (one language each): Pagefind
    keeps every page it read in memory until it writes, so one language at a time takes
    about half the memory; each language's files are the same as in one run."""
    if len(folders) < 2:
        asyncio.run(run_pagefind_once(site, output, config, timeout))
        return
    languages: dict[str, Any] = {}
    entry: dict[str, Any] = {}
    for n, folder in enumerate(folders):
        part = output.with_name(f"{output.name}-{n}")
        try:
            asyncio.run(run_pagefind_once(site, part, config, timeout, glob=f"{folder}/**/*.{{html}}"))
            entry = _move_into(part, output, languages)
        finally:
            shutil.rmtree(part, ignore_errors=True)
    entry["languages"] = languages
    (output / ENTRY_FILE).write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")


def _move_into(part: Path, output: Path, languages: dict[str, Any]) -> dict[str, Any]:
    """Move one language's index files into `output`; add its languages; its entry file's content."""
    entry: dict[str, Any] = json.loads((part / ENTRY_FILE).read_text(encoding="utf-8"))
    languages.update(entry.get("languages", {}))
    for path in sorted(p for p in part.rglob("*") if p.is_file() and p.name != ENTRY_FILE):
        target = output / path.relative_to(part)
        if target.exists() and target.read_bytes() != path.read_bytes():
            raise FormatError(f"{target.name}: differs between languages")
        target.parent.mkdir(parents=True, exist_ok=True)
        path.replace(target)
    return entry


def _index_part(site: Path, output: Path, config: dict[str, Any], timeout: float, part: Part) -> None:
    """Pagefind over the part's pages alone (hard-linked at their paths), then made
    reproducible: its data only, as a cache bundle holds."""
    tree = Path(tempfile.mkdtemp(prefix=".pagefind-tree-", dir=site))
    try:
        link_pages(site, part.files, tree)
        asyncio.run(run_pagefind_once(tree, output, config, timeout))
    finally:
        shutil.rmtree(tree, ignore_errors=True)
    normalize(output, site)
    for path in [p for p in output.rglob("*") if p.is_file()]:
        if not bundles.DATA.match(path.relative_to(output).as_posix()):
            path.unlink()  # the code: once, in pagefind/ (`code.py`), as from the cache


def _index_in_parts(
    site: Path,
    output: Path,
    config: dict[str, Any],
    timeout: float,
    plan: list[Part],
    cache: tuple[Path, Path] | None,
) -> None:
    """Each part in turn (from the cache when its pages are unchanged): the first part of each
    language into `output` itself, the others into their own folders (`parts.py`)."""
    languages: dict[str, Any] = {}
    entry: dict[str, Any] = {}
    others: dict[str, list[str]] = {}
    dated: dict[str, int] = {}
    keys: set[str] = set()
    for part in plan:
        folder = output.with_name(f"{output.name}-{part.name}") if part.number == 0 else output / part.name
        folder.mkdir()
        key = bundles.part_digest(list(zip(part.files, part.sums, strict=True)), config) if cache else ""
        try:
            if cache is None or not bundles.load(cache[0], key, folder):
                _index_part(site, folder, config, timeout, part)
                if cache is not None:
                    bundles.store(cache[0], key, folder, cache[1], only=False)
            keys.add(key)
            lang, count = offset_dates(folder, dated.get(part.folder, 0))
            dated[part.folder] = dated.get(part.folder, 0) + count
            if part.number == 0:
                entry = _move_into(folder, output, languages)
            else:
                others.setdefault(lang, []).append(f"{part.name}/")
        finally:
            if part.number == 0:
                shutil.rmtree(folder, ignore_errors=True)
    entry.update(languages=languages, **{PARTS_KEY: others})
    (output / ENTRY_FILE).write_text(dump_entry(entry), encoding="utf-8")
    add_pagefind_code(output, config, timeout, cache)
    if cache is not None:
        bundles.prune(cache[0], keys)


def language_folders(entries: Iterable[Entry]) -> list[str]:
    """The top folder of each language's entries, when each language has its own ([]: not so)."""
    tops: dict[str, set[str]] = {}
    for entry in entries:
        tops.setdefault(entry.lang, set()).add(entry.url.split("/", 1)[0])
    folders = sorted(next(iter(found)) for found in tops.values() if len(found) == 1)
    if len(folders) != len(tops) or len(set(folders)) != len(folders) or "" in folders:
        return []
    return folders


def _summary(output: Path) -> dict[str, int]:
    """Pages by language, over every part."""
    entry = json.loads((output / ENTRY_FILE).read_text(encoding="utf-8"))  # complete: checked
    counts = {lang: int(info.get("page_count", 0)) for lang, info in entry.get("languages", {}).items()}
    for folder in (name for names in entry.get(PARTS_KEY, {}).values() for name in names):
        for lang, n in _summary(output / folder).items():
            counts[lang] = counts.get(lang, 0) + n
    return counts


def index_site(
    site: Path,
    *,
    exclude_selectors: Sequence[str] = (),
    timeout: float = 300.0,
    expected: int | None = None,
    cache: tuple[Path, Path] | None = None,
    folders: Sequence[str] = (),
    part_size: int = 0,
) -> IndexResult:
    """Index `site` into `site/pagefind/`. Raises SearchIndexError and leaves no partial index on failure.

    `cache`: (the folder of the kept index, the project folder it must stay in); the kept
    index is reused when the site's HTML is the same as when it was made (`cache.py`).
    `folders`: the site's top folders that hold the indexed pages, one per language (indexed
    one after the other to save memory); empty: the whole site at once.
    `part_size`: most pages of a language in one Pagefind run, with `folders` (0: no limit);
    a language with more is indexed in parts, searched together (`parts.py`).
    """
    site = site.resolve()
    config: dict[str, Any] = {"exclude_selectors": list(exclude_selectors), "write_playground": False}
    plan = plan_parts(site, folders, part_size) if part_size and may_split(site, folders, part_size) else []
    split = len({part.folder for part in plan}) < len(plan)  # a language in more than one part
    key = bundles.inputs_digest(site, config, skip=(OUTPUT,)) if cache and not split else ""
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site))
    try:
        reused = cache is not None and not split and bundles.load(cache[0], key, staging)
        if split:
            try:
                _index_in_parts(site, staging, config, timeout, plan, cache)
            except (FormatError, OSError, ValueError) as exc:
                raise SearchIndexError("not_reproducible", detail=exc) from exc
        elif reused:
            add_pagefind_code(staging, config, timeout, cache)
        else:
            try:
                _run_pagefind(site, staging, config, timeout, folders)
            except (FormatError, OSError, ValueError) as exc:
                raise SearchIndexError("not_reproducible", detail=exc) from exc
        languages = _summary(staging)
        pages = sum(languages.values())  # pages with a body, not every HTML file read
        if expected is not None and pages != expected:
            raise SearchIndexError("count", pages=pages, expected=expected)
        if not reused and not split:
            try:
                normalize(staging, site)
            except (FormatError, OSError, ValueError) as exc:
                raise SearchIndexError("not_reproducible", detail=exc) from exc
            if cache is not None:
                bundles.store(cache[0], key, staging, cache[1])
        staging.chmod(published_mode(folder=True))  # mkdtemp's 0700 would hide search from the web server
        target, previous = site / OUTPUT, staging.with_name(staging.name + "-previous")
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
        return IndexResult(pages, languages)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
