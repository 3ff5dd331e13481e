"""`cercle build`: check, build, index, swap in atomically."""

from __future__ import annotations

import gc
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from cercle.commands.common import config_option, fail, lang_option, load_project
from cercle.commands.common import log_to as _log_to
from cercle.core.collector import collector_paused
from cercle.core.errors import Report, Severity, format_text, from_root, problem
from cercle.core.i18n import message
from cercle.core.phases import timed

if TYPE_CHECKING:
    from rich.console import Console

    from cercle.core.settings import HubSettings


def _console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _check(config_file: Path, settings: HubSettings, lang: str, strict: bool) -> bool:
    """Run every content check, print what it found; True when the build may go on."""
    from cercle.checks import hand_over, run_checks
    from cercle.core.catalog import load_catalog

    with _console().status(message(lang, "build.checking")), collector_paused():
        catalog = run_checks(load_catalog(settings))
    # The Catalog lives until the build ends: no later collection needs to walk it again.
    gc.freeze()
    report = Report(list(catalog.report.problems))  # the handed-over report stays the hub's
    if not settings.site_url:
        report.extend([problem(str(config_file), 0, "site_url", "missing_site_url", Severity.WARNING)])
    problems = from_root(report.sorted(strict), settings)
    if problems:
        click.echo(format_text(problems, lang), err=True)
    if any(p.severity is Severity.ERROR for p in problems):
        return False
    hand_over(catalog)  # cercle/hub builds from it: the content is read and checked once
    return True


@click.command()
@config_option
@lang_option
@click.option(
    "-d", "--site-dir", type=click.Path(path_type=Path), help="Where to publish (default: site_dir)."
)
@click.option("--strict", is_flag=True, help="Count warnings (content and MkDocs) as errors.")
def build(config_file: Path, lang: str, site_dir: Path | None, strict: bool) -> None:
    """Check, build and index the site; swap it in only when everything succeeded."""
    from cercle.commands.build_forked import build_forked

    if build_forked(config_file, lang, site_dir, strict, _check):
        return
    from cercle.build import SwapError, build_atomically, lock
    from cercle.checks import hand_over
    from cercle.core.phases import phase

    config, settings = load_project(config_file, lang)
    dest = (site_dir or Path(config.site_dir)).absolute()
    shown = _shown(dest)
    with phase("check"):
        checked = _check(config_file, settings, lang, strict)
    if not checked:
        fail(lang, "build.check_failed", path=shown)
    console = _console()
    handler = _log_to(logging.WARNING)
    started = time.monotonic()

    def produce(tmp: Path) -> None:
        _produce(config_file, lang, strict, tmp)
        console.print(message(lang, "build.swapping", path=shown))

    try:
        # Held until the new site is in place: a second build waits, then swaps in turn.
        hub = config.plugins["cercle/hub"].config
        held = lock.hold(config_file.absolute().parent, lang, hub.lock_timeout)
        try:
            with phase("publish"):  # the swap, around the build (timed on its own)
                build_atomically(dest, produce)
        finally:
            held.release()
    except SwapError:
        fail(lang, "build.not_a_folder", path=shown.rstrip("/"))
    except Exception as exc:  # a plugin's error, a theme error, strict warnings: one clear line
        report_failure(exc, lang, shown)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        hand_over(None)  # never to a later build of this process: the content may have changed
    said_built(lang, shown, dest, started)


def said_built(lang: str, shown: str, dest: Path, started: float) -> None:
    """The closing line: where the site is, its pages, how long it took."""
    # os.walk: Path.rglob made a Path of each of the site's files (0.1 s at 200 entries).
    pages = sum(name.endswith(".html") for _, _, names in os.walk(dest.resolve()) for name in names)
    seconds = f"{time.monotonic() - started:.1f}"
    click.echo(message(lang, "build.built", path=shown, pages=pages, seconds=seconds))


@timed("mkdocs")  # CERCLE_PHASES: MkDocs' own work (config, nav, writing) outside the plugins' phases
def _produce(config_file: Path, lang: str, strict: bool, tmp: Path) -> None:
    """The MkDocs build of the project into `tmp`."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(config_file), site_dir=str(tmp), strict=True if strict else None)
    cfg.plugins.on_startup(command="build", dirty=False)
    # No spinner: its thread would keep cercle/hub from forking page-rendering workers.
    _console().print(message(lang, "build.building"))
    try:
        mkdocs_build(cfg)
    finally:
        cfg.plugins.on_shutdown()


def report_failure(exc: BaseException, lang: str, shown: str) -> NoReturn:
    """The build's error, its last line in the failure message (MkDocs' and plugins' errors)."""
    lines = [line for line in str(exc).strip().splitlines() if line.strip()] or [type(exc).__name__]
    for line in lines[:-1]:
        click.echo(line, err=True)
    fail(lang, "build.failed", detail=lines[-1].rstrip("."), path=shown)


def _shown(path: Path) -> str:
    # The destination is a link to the current version: name the link, not where it points.
    try:
        return (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()).as_posix() + "/"
    except ValueError:
        return str(path)
