"""Index a built site with Pagefind (its Python API) into `<site>/pagefind/`, atomically and reproducibly.

The index is written to a temporary folder and moved into place only when Pagefind
succeeded, so a failure never leaves a half-written index behind.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
import time
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cercle.search.reproducible import FormatError, normalize

OUTPUT = "pagefind"
ENTRY_FILE = "pagefind-entry.json"
T = TypeVar("T")


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why and what to do."""


@dataclass(frozen=True)
class IndexResult:
    pages: int
    languages: dict[str, int]


async def _guarded(awaitable: Awaitable[T], service: Any, timeout: float, step: str) -> T:
    """Await a Pagefind call, but stop if the Pagefind process dies or takes too long."""
    task = asyncio.ensure_future(awaitable)
    watch = getattr(service, "_poll_task", None)  # ends only when Pagefind's output closes
    waiting = {task, watch} if isinstance(watch, asyncio.Future) else {task}
    done, _ = await asyncio.wait(waiting, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        return task.result()
    task.cancel()
    if watch in done:
        raise SearchIndexError(f"the Pagefind process stopped during {step}")
    raise SearchIndexError(f"Pagefind did not finish {step} within {timeout:g} seconds")


async def _close(service: Any) -> None:
    backend = getattr(service, "_backend", None)
    if backend is not None and backend.returncode is None:
        backend.kill()  # nothing left to wait for: close() would otherwise wait for pending replies
    poll = getattr(service, "_poll_task", None)
    if isinstance(poll, asyncio.Future):
        poll.cancel()
    if backend is not None:
        await backend.wait()


async def _index(site: Path, output: Path, config: dict[str, Any], timeout: float) -> None:
    from pagefind.service import PagefindService

    try:
        service = await PagefindService().launch()
    except (OSError, FileNotFoundError) as exc:
        raise SearchIndexError(
            f"the Pagefind binary could not be started ({exc}). Install it with "
            "`pip install 'pagefind[bin]'` (make venv does)."
        ) from exc
    try:
        index = await _guarded(service.create_index(config), service, timeout, "start-up")
        await _guarded(index.add_directory(str(site)), service, timeout, "indexing")
        await _guarded(index.write_files(str(output)), service, timeout, "writing the index")
    except SearchIndexError:
        raise
    except Exception as exc:  # Pagefind reports its own errors as plain exceptions
        detail = exc.args[0] if exc.args else type(exc).__name__
        raise SearchIndexError(f"Pagefind failed: {detail}") from exc
    finally:
        await _close(service)


def _summary(output: Path, settle: float = 10.0) -> dict[str, int]:
    # Under heavy load the entry file was once read half-written right after Pagefind
    # answered `write_files` (a JSONDecodeError in a build): wait for it to be whole.
    deadline = time.monotonic() + settle
    while True:
        try:
            entry = json.loads((output / ENTRY_FILE).read_text(encoding="utf-8"))
            break
        except (OSError, ValueError) as exc:
            if time.monotonic() > deadline:
                raise SearchIndexError(f"Pagefind's {ENTRY_FILE} is unreadable ({exc})") from exc
            time.sleep(0.1)
    return {lang: int(info.get("page_count", 0)) for lang, info in entry.get("languages", {}).items()}


def index_site(
    site: Path, *, exclude_selectors: Sequence[str] = (), timeout: float = 300.0, expected: int | None = None
) -> IndexResult:
    """Index `site` into `site/pagefind/`. Raises SearchIndexError and leaves no partial index on failure."""
    site = site.resolve()
    config: dict[str, Any] = {"exclude_selectors": list(exclude_selectors), "write_playground": False}
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site))
    try:
        asyncio.run(_index(site, staging, config, timeout))
        if not (staging / ENTRY_FILE).is_file():
            raise SearchIndexError(f"Pagefind wrote no {ENTRY_FILE}")
        languages = _summary(staging)
        pages = sum(languages.values())  # pages with a body, not every HTML file read
        if expected is not None and pages != expected:
            raise SearchIndexError(
                f"Pagefind indexed {pages} page(s) but {expected} were marked for search; "
                "a template may have lost the data-pagefind-body article"
            )
        try:
            normalize(staging)
        except (FormatError, OSError, ValueError) as exc:
            raise SearchIndexError(f"cannot make Pagefind's output reproducible: {exc}") from exc
        target, previous = site / OUTPUT, staging.with_name(staging.name + "-previous")
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
        return IndexResult(pages, languages)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
