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
import time
from collections.abc import Awaitable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from cercle.core.cachefile import published
from cercle.search import cache as bundles
from cercle.search.completion import Completion
from cercle.search.parts import PARTS_KEY, Part, link_pages, may_split, offset_dates, plan_parts
from cercle.search.reproducible import FormatError, dump_entry, normalize

if TYPE_CHECKING:
    from pagefind.index import IndexConfig

    from cercle.core.catalog import Entry

OUTPUT = "pagefind"
ENTRY_FILE = "pagefind-entry.json"
T = TypeVar("T")


class SearchIndexError(Exception):
    """Pagefind could not index the site: `code` (messages.search.<code>) and its `params`."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code}: {params}")
        self.code, self.params = code, params

    def render(self, lang: str) -> str:
        from cercle.core.i18n import message

        params = dict(self.params)
        if "step" in params:
            params["step"] = message(lang, f"search.step_{params['step']}")
        return message(lang, "search.index_failed", detail=message(lang, f"search.{self.code}", **params))


@dataclass(frozen=True)
class IndexResult:
    pages: int
    languages: dict[str, int]


def _watch(service: Any) -> asyncio.Future[Any] | None:
    watch = getattr(service, "_poll_task", None)  # ends only when Pagefind's output closes
    return watch if isinstance(watch, asyncio.Future) else None


async def _guarded(awaitable: Awaitable[T], service: Any, timeout: float, step: str) -> T:
    """Await a Pagefind call, but stop if the Pagefind process dies or takes too long."""
    task = asyncio.ensure_future(awaitable)
    watch = _watch(service)
    waiting = {task, watch} if watch is not None else {task}
    done, _ = await asyncio.wait(waiting, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        return task.result()
    task.cancel()
    if watch in done:
        raise SearchIndexError("stopped", step=step)
    raise SearchIndexError("too_slow", step=step, seconds=f"{timeout:g}")


async def _until_complete(output: Path, service: Any, timeout: float, poll: float = 0.05) -> None:
    """Return once every file Pagefind writes is whole (it answers before they are)."""
    completion, deadline = Completion(output), time.monotonic() + timeout
    while (problem := completion.problem()) is not None:
        watch = _watch(service)
        if watch is not None and watch.done():
            raise SearchIndexError("incomplete", problem=problem)  # it died mid-write
        if time.monotonic() > deadline:
            raise SearchIndexError("not_written", problem=problem, seconds=f"{timeout:g}")
        await asyncio.sleep(poll)


async def _close(service: Any) -> None:
    backend = getattr(service, "_backend", None)
    if backend is not None and backend.returncode is None:
        backend.kill()  # nothing left to wait for: close() would otherwise wait for pending replies
    poll = getattr(service, "_poll_task", None)
    if isinstance(poll, asyncio.Future):
        poll.cancel()
    if backend is not None:
        await backend.wait()


async def _index(
    site: Path, output: Path, config: dict[str, Any], timeout: float, glob: str | None = None
) -> None:
    from pagefind.service import PagefindService

    try:
        service = await PagefindService().launch()
    except (OSError, FileNotFoundError) as exc:
        raise SearchIndexError("no_binary", error=exc) from exc
    try:
        index = await _guarded(service.create_index(cast("IndexConfig", config)), service, timeout, "startup")
        await _guarded(index.add_directory(str(site), glob=glob), service, timeout, "indexing")
        await _guarded(index.write_files(str(output)), service, timeout, "writing")
        await _until_complete(output, service, timeout)
    except SearchIndexError:
        raise
    except Exception as exc:  # Pagefind reports its own errors as plain exceptions
        detail = exc.args[0] if exc.args else type(exc).__name__
        raise SearchIndexError("pagefind_error", detail=str(detail).rstrip(".")) from exc
    finally:
        await _close(service)


def _run_pagefind(
    site: Path, output: Path, config: dict[str, Any], timeout: float, folders: Sequence[str]
) -> None:
    """Pagefind over the site, or over each folder in turn (one language each): Pagefind
    keeps every page it read in memory until it writes, so one language at a time takes
    about half the memory; each language's files are the same as in one run."""
    if len(folders) < 2:
        asyncio.run(_index(site, output, config, timeout))
        return
    languages: dict[str, Any] = {}
    entry: dict[str, Any] = {}
    for n, folder in enumerate(folders):
        part = output.with_name(f"{output.name}-{n}")
        try:
            asyncio.run(_index(site, part, config, timeout, glob=f"{folder}/**/*.{{html}}"))
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
        asyncio.run(_index(tree, output, config, timeout))
    finally:
        shutil.rmtree(tree, ignore_errors=True)
    normalize(output, site)
    for path in [p for p in output.rglob("*") if p.is_file()]:
        if not bundles.DATA.match(path.relative_to(output).as_posix()):
            path.unlink()  # the code: once, in pagefind/ (`_add_pagefind_code`), as from the cache


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
    _add_pagefind_code(output, config, timeout)
    if cache is not None:
        bundles.prune(cache[0], keys)


def _add_pagefind_code(output: Path, config: dict[str, Any], timeout: float) -> None:
    """Pagefind's scripts, styles and WebAssembly for a kept index (`cache.py` keeps data
    only): written by Pagefind itself, from one page in each of the index's languages."""
    languages = json.loads((output / ENTRY_FILE).read_text(encoding="utf-8")).get("languages", {})
    tiny = Path(tempfile.mkdtemp(prefix=".pagefind-code-", dir=output.parent))
    try:
        for n, lang in enumerate(sorted(languages)):
            page = f'<html lang="{escape(lang)}"><body><main data-pagefind-body><p>x</p></main></body></html>'
            (tiny / "site" / str(n)).mkdir(parents=True)
            (tiny / "site" / str(n) / "index.html").write_text(page, encoding="utf-8")
        asyncio.run(_index(tiny / "site", tiny / "out", config, timeout))
        for path in sorted(p for p in (tiny / "out").rglob("*") if p.is_file()):
            name = path.relative_to(tiny / "out").as_posix()
            if not bundles.DATA.match(name):
                (output / name).parent.mkdir(parents=True, exist_ok=True)
                path.replace(output / name)
    finally:
        shutil.rmtree(tiny, ignore_errors=True)


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
            _add_pagefind_code(staging, config, timeout)
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
        staging.chmod(published(folder=True))  # mkdtemp's 0700 would hide search from the web server
        target, previous = site / OUTPUT, staging.with_name(staging.name + "-previous")
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
        return IndexResult(pages, languages)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
