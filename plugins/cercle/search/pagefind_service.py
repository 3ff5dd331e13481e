"""One run of Pagefind's service (its Python API), guarded: a process that dies, hangs or
answers before its files are whole ends in a SearchIndexError, never in a half index."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from cercle.search.completion import Completion

if TYPE_CHECKING:
    from pagefind.index import IndexConfig

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


async def run_pagefind_once(
    site: Path, output: Path, config: dict[str, Any], timeout: float, glob: str | None = None
) -> None:
    """One Pagefind process: index `site` (its files matching `glob`) into `output`, and return
    once every file is whole; SearchIndexError when it cannot start, dies or takes too long."""
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
