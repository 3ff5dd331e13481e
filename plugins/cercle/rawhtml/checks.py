"""Content check: raw HTML in a body may not run script nor load from another origin.

The design promises that a page makes no request to a third-party origin: raw HTML in
Markdown (an embed, a remote picture, a tracking pixel, a script) would break it and
arrives by pull request. Each finding is an error with the file and the line; a hub that
wants embeds lists their origins in `allowed_origins` (cercle/hub). Script never passes.
"""

from __future__ import annotations

from cercle.core.catalog import Catalog
from cercle.core.errors import Problem, Severity, problem
from cercle.rawhtml.scan import origin_of, scan


def allowed_origins(catalog: Catalog) -> frozenset[str]:
    """The hub's allow-list, plus the site's own origin (absolute links to itself are local)."""
    settings = catalog.settings
    own = origin_of(settings.site_url or "")
    return frozenset((*getattr(settings, "allowed_origins", ()), *((own,) if own else ())))


def raw_html_problems(catalog: Catalog) -> list[Problem]:
    """An error per script, event handler, javascript: URL, embed or remote resource in a body."""
    allowed = allowed_origins(catalog)
    found = []
    bodies = [(e.rel_path, e.body, e.body_line) for e in catalog.entries]
    # Section intros have no recorded body line: they are reported by file.
    bodies += [(i.rel_path, i.body, getattr(i, "body_line", 0)) for i in catalog.intros.values()]
    for rel_path, body, body_line in bodies:
        for line, finding in scan(body, allowed):
            where = body_line + line if body_line else 0
            found.append(problem(rel_path, where, "", finding.code, Severity.ERROR, **finding.params))
    return found
