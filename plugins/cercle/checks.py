"""Every content check beyond the Catalog's own, run by both `cercle check` and the build.

A feature adds its check here: a function taking the Catalog and returning Problems
(with file and line, from `entry.line_of(...)`).
"""

from __future__ import annotations

from collections.abc import Callable

from cercle.bodylinks.checks import body_link_problems
from cercle.compliance.statement import statement_problems
from cercle.core import filememo
from cercle.core.catalog import Catalog, load_catalog
from cercle.core.errors import Problem
from cercle.core.settings import HubSettings
from cercle.hub.pages import generated_pages, reserved_url_problems
from cercle.rawhtml.checks import raw_html_problems
from cercle.review.checks import placeholder_problems
from cercle.share.checks import blank_problems, disclosure_problems, share_length_problems
from cercle.webinar.checks import media_problems


def _reserved_urls(catalog: Catalog) -> list[Problem]:
    return reserved_url_problems(catalog, generated_pages(catalog))


def _statement(catalog: Catalog) -> list[Problem]:
    return statement_problems(catalog.settings.accessibility)


CHECKS: list[Callable[[Catalog], list[Problem]]] = [
    _reserved_urls,
    _statement,
    share_length_problems,
    blank_problems,
    disclosure_problems,
    media_problems,
    raw_html_problems,
    placeholder_problems,
    body_link_problems,
]


def run_checks(catalog: Catalog) -> Catalog:
    """Add every feature's problems to `catalog.report`; returns the catalog."""
    for check in CHECKS:
        catalog.report.extend(check(catalog))
    filememo.save(catalog.settings.cache_dir)  # transcripts and slide decks found sound
    return catalog


# `cercle build` checks the content before MkDocs starts, then cercle/hub needs the same
# checked Catalog in the same process: it is handed over (once) instead of loaded and
# checked again (0.2 CPU s of a warm build at 200 entries per language).
_HANDED: list[Catalog] = []


def hand_over(catalog: Catalog | None) -> None:
    """Keep `catalog`, checked by `run_checks`, for the next `checked_catalog` call (None:
    drop what was kept, once the build it was for is over, whether it took it or failed first)."""
    _HANDED[:] = [catalog] if catalog is not None else []


def checked_catalog(settings: HubSettings) -> Catalog:
    """The content loaded and checked: the Catalog handed over when it was loaded with equal
    settings (taken once: a later build of the process reads the content again), else a new one."""
    handed = _HANDED[:]
    _HANDED.clear()
    if handed and handed[0].settings == settings:
        return handed[0]
    return run_checks(load_catalog(settings))
