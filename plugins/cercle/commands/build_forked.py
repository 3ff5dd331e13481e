"""`cercle build` with the build in a forked process and Pagefind after it (cercle.build.child).

This process stays small: it takes the project's lock, makes the new version folder and,
once the forked process has loaded, checked and built the site into it and ended (its
memory given back), runs Pagefind over it and swaps it in. What the forked process prints
(the content's problems, MkDocs' warnings) reaches the same console. Where this cannot be
done as is (no fork, another build holds the lock, the site folder unknown), `build_forked`
returns False and the command builds in one process as before.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cercle.commands.common import fail
from cercle.commands.common import log_to as _log_to
from cercle.core.i18n import message


class _Exit(Exception):
    """The forked process ended the command itself (a failed check: already told): its exit code."""


def _site_dir(config_file: Path) -> Path | None:
    """`site_dir` of mkdocs.yml as MkDocs reads it (relative to its folder), without loading
    the plugins; None when the file cannot be read this way (the one-process build says why)."""
    try:
        from mkdocs.utils.yaml import yaml_load

        with open(config_file, "rb") as stream:
            raw = yaml_load(stream)
        folder = raw.get("site_dir", "site") if isinstance(raw, dict) else None
    except Exception:
        return None
    return (config_file.absolute().parent / folder) if isinstance(folder, str) else None


def _build_here(
    config_file: Path, lang: str, strict: bool, tmp: Path, shown: str, check: Callable[..., bool]
) -> None:
    """In the forked process: what the one-process build does before its swap."""
    from cercle.checks import hand_over
    from cercle.commands.build import _produce
    from cercle.commands.common import load_project
    from cercle.core.phases import phase

    _, settings = load_project(config_file, lang)
    with phase("check"):
        checked = check(config_file, settings, lang, strict)
    if not checked:
        fail(lang, "build.check_failed", path=shown)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # load_project quietened it
    try:
        _produce(config_file, lang, strict, tmp)
    finally:
        hand_over(None)


def build_forked(
    config_file: Path, lang: str, site_dir: Path | None, strict: bool, check: Callable[..., bool]
) -> bool:
    """Build as `cercle build` does, the build in a forked process; False: not done, build in one."""
    from cercle.build import SwapError, build_atomically, lock
    from cercle.build.child import ChildFailed, can_fork, run_forked, trim_heap
    from cercle.commands.build import _console, _shown, report_failure, said_built
    from cercle.core.phases import phase

    if not can_fork() or not config_file.is_file():
        return False
    dest = site_dir or _site_dir(config_file)
    if dest is None:
        return False
    dest = dest.absolute()
    project = config_file.absolute().parent
    try:
        held = lock.acquire(project, timeout=0)
    except (lock.LockTimeout, OSError):  # another build runs: wait (or fail) as the one-process build says
        return False
    shown = _shown(dest)
    started = time.monotonic()
    handler = _log_to(logging.WARNING)

    def produce(tmp: Path) -> Any:
        from cercle.mkdocs.search.plugin import defer_indexing, run_search, take_deferred

        def work() -> Any:
            lock.inherit(project)  # held by this process for the whole build
            defer_indexing(True)
            try:
                _build_here(config_file, lang, strict, tmp, shown, check)
            except Exception:  # MkDocs' Abort (strict mode) is one too: reported with its text
                raise
            except SystemExit as exc:  # the check failed, or the configuration: already told
                return ("exit", exc.code)
            return take_deferred()

        with phase("build_process"):  # waiting for it; its own phases are added to ours
            done = run_forked(work, lambda how: message(lang, "build.process_stopped", how=how))
        if isinstance(done, tuple):
            raise _Exit(done[1])
        if done is not None:
            trim_heap()
            run_search(done)
        _console().print(message(lang, "build.swapping", path=shown))

    try:
        try:
            with phase("publish"):
                build_atomically(dest, produce)
        finally:
            held.release()
    except _Exit as exc:
        sys.exit(exc.args[0])
    except SwapError:
        fail(lang, "build.not_a_folder", path=shown.rstrip("/"))
    except (ChildFailed, Exception) as exc:  # a plugin's error, a theme error, strict warnings
        report_failure(exc, lang, shown)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    said_built(lang, shown, dest, started)
    return True
