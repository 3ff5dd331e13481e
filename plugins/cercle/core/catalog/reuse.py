"""What loading a page gave, kept in the process for the next load of the Catalog.

`cercle serve` loads the Catalog after every save, though one file changed: validating,
typesetting and checking the files every other page names was a third of an incremental
rebuild at 500 entries per language. A page's outcome (its problems, and its Entry or
Intro) depends on its parsed document (the same object while its file is unchanged:
`_DOCUMENTS`), the settings, and which files exist under content/ (the files its front
matter names): it is reused while all three are the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from cercle.core.catalog.model import Entry, Intro
from cercle.core.errors import Problem
from cercle.core.frontmatter import Document
from cercle.core.settings import HubSettings

_LIMIT = 100_000  # pages; forget them all past this


@dataclass(frozen=True)
class Loaded:
    doc: Document
    problems: tuple[Problem, ...]
    page: Entry | Intro | None


_PAGES: dict[str, Loaded] = {}
_CONTEXT: list[tuple[HubSettings, frozenset[tuple[str, str]]]] = []


def start(settings: HubSettings, files: frozenset[tuple[str, str]]) -> None:
    """A new load of the Catalog: what was kept holds only for the same settings and files
    (what exists under content/, hidden paths too: each path with its kind, a link with its
    target, cercle.core.catalog.walk; file contents do not count, only that they exist)."""
    context = (settings, files)
    if [context] != _CONTEXT or len(_PAGES) >= _LIMIT:
        _PAGES.clear()
        _CONTEXT[:] = [context]


def forget() -> None:
    _PAGES.clear()
    _CONTEXT.clear()


def known(rel: str, doc: Document) -> Loaded | None:
    found = _PAGES.get(rel)
    return found if found is not None and found.doc is doc else None


def keep(rel: str, doc: Document, problems: list[Problem], page: Entry | Intro | None) -> None:
    _PAGES[rel] = Loaded(doc, tuple(problems), page)
