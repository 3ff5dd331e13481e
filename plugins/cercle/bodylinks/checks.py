"""`cercle check`'s half of the rules: every link and image of a body leads to a published file.

Run on every published page (and index.md intro) before the build, so no content mistake
reaches a maintainer as a raw MkDocs warning: a missing file, a path out of content/, a
folder or site address MkDocs cannot resolve (errors), an anchor no heading has (warning).
"""

from __future__ import annotations

import difflib

from cercle.bodylinks.resolve import Resolved, Status, resolve, suggest
from cercle.bodylinks.scan import Link, Scan, scan_body
from cercle.bodylinks.source import sources
from cercle.bodylinks.targets import Targets, targets
from cercle.core.catalog import Catalog
from cercle.core.errors import Problem, Severity, problem

_CODES = {
    Status.MISSING: "body_links.missing",
    Status.OUTSIDE: "body_links.outside",
    Status.FOLDER: "body_links.folder",
}


def _anchor(rel: str, line: int, link: Link, found: Resolved, scans: dict[str, Scan]) -> Problem | None:
    scan = scans.get(found.target)
    # Generated pages have no body to read; ids from Cercle's templates (cercle-…) are not in bodies.
    if not found.fragment or scan is None or found.fragment.startswith("cercle-"):
        return None
    if found.fragment in scan.ids:
        return None
    close = difflib.get_close_matches(found.fragment, sorted(scan.ids), n=1, cutoff=0.6)
    return problem(
        rel, line, "", "body_links.anchor", Severity.WARNING,
        url=link.url, fragment=found.fragment, page=found.target, hint=close[0] if close else "",
    )  # fmt: skip


def link_problems(
    rel: str, body_line: int, scan: Scan, known: Targets, scans: dict[str, Scan]
) -> list[Problem]:
    """Problems of the links and images of one page's body (`rel`), at their file lines."""
    found_problems = []
    for link in scan.links:
        line = body_line + link.line - 1
        found = resolve(rel, link.url, known.files)
        if found.status in _CODES:
            hint = suggest(found, link.url, known.files)
            code = _CODES[found.status]
            found_problems.append(problem(rel, line, "", code, url=link.url, target=found.target, hint=hint))
        elif (anchor := _anchor(rel, line, link, found, scans)) is not None:
            found_problems.append(anchor)
    return found_problems


def body_link_problems(catalog: Catalog) -> list[Problem]:
    """Every link and image of every published body that the build could not resolve."""
    known = targets(catalog)
    read = [(source, scan_body(source.doc.body)) for source in sources(catalog)]
    scans = {source.rel_path: scan for source, scan in read}
    found: list[Problem] = []
    for source, scan in read:
        found += link_problems(source.rel_path, source.doc.body_line, scan, known, scans)
    return found
