"""`cercle check`'s half of the rules: every link and image of a body leads to a published file.

Run on every published page (and index.md intro) before the build, so no content mistake
reaches a maintainer as a raw MkDocs warning: a missing file, a path out of content/, a
folder or site address MkDocs cannot resolve (errors), an anchor no heading has (warning).
"""

from __future__ import annotations

import difflib
import posixpath
from urllib.parse import unquote, urlsplit

from cercle.bodylinks.resolve import Resolved, Status, resolve, suggest
from cercle.bodylinks.scan import Link, Scan, may_link, scan_body
from cercle.bodylinks.source import bodies
from cercle.bodylinks.targets import Targets, targets
from cercle.core.catalog import Catalog
from cercle.core.errors import Problem, Severity, problem

_CODES = {
    Status.MISSING: "body_links.missing",
    Status.OUTSIDE: "body_links.outside",
    Status.FOLDER: "body_links.folder",
}


class Scans:
    """Each published body, parsed the first time its links or its ids are needed."""

    def __init__(self, catalog: Catalog) -> None:
        self.bodies = {rel: (body, line) for rel, body, line in bodies(catalog)}
        self._scans: dict[str, Scan] = {}

    def get(self, rel: str) -> Scan | None:
        if rel not in self._scans and rel in self.bodies:
            self._scans[rel] = scan_body(self.bodies[rel][0])
        return self._scans.get(rel)


def _anchor(rel: str, line: int, link: Link, found: Resolved, scans: Scans) -> Problem | None:
    # Generated pages have no body to read; ids from Cercle's templates (cercle-…) are not in bodies.
    if not found.fragment or found.fragment.startswith("cercle-"):
        return None
    scan = scans.get(found.target)
    if scan is None or found.fragment in scan.ids:
        return None
    close = difflib.get_close_matches(found.fragment, sorted(scan.ids), n=1, cutoff=0.6)
    return problem(
        rel, line, "", "body_links.anchor", Severity.WARNING,
        url=link.url, fragment=found.fragment, page=found.target, hint=close[0] if close else "",
    )  # fmt: skip


def _unpublished(catalog: Catalog, rel: str, url: str) -> str:
    """The page a missing link names when it exists but is not published (a draft), else ""."""
    path = unquote(urlsplit(url).path)
    for candidate in (posixpath.join(posixpath.dirname(rel), path), path.lstrip("/")):
        name = posixpath.normpath(candidate)
        if (
            name.endswith(".md")
            and not name.startswith("../")
            and catalog.settings.content_dir.joinpath(name).is_file()
        ):
            return name
    return ""


def link_problems(
    rel: str, body_line: int, scan: Scan, known: Targets, scans: Scans, catalog: Catalog | None = None
) -> list[Problem]:
    """Problems of the links and images of one page's body (`rel`), at their file lines."""
    found_problems = []
    for link in scan.links:
        line = body_line + link.line - 1
        found = resolve(rel, link.url, known.files)
        draft = _unpublished(catalog, rel, link.url) if catalog and found.status is Status.MISSING else ""
        if draft:
            found_problems.append(problem(rel, line, "", "body_links.draft", url=link.url, target=draft))
        elif found.status in _CODES:
            hint = suggest(found, link.url, known.files)
            code = _CODES[found.status]
            found_problems.append(problem(rel, line, "", code, url=link.url, target=found.target, hint=hint))
        elif (anchor := _anchor(rel, line, link, found, scans)) is not None:
            found_problems.append(anchor)
    return found_problems


def body_link_problems(catalog: Catalog) -> list[Problem]:
    """Every link and image of every published body that the build could not resolve."""
    scans = Scans(catalog)
    linking = [rel for rel, (body, _) in scans.bodies.items() if may_link(body)]
    if not linking:
        return []
    known = targets(catalog)
    found: list[Problem] = []
    for rel in linking:
        scan = scans.get(rel)
        assert scan is not None
        found += link_problems(rel, scans.bodies[rel][1], scan, known, scans, catalog)
    return found
