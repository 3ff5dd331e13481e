"""Build-time check: suggested posts that X or Bluesky would refuse as too long."""

from __future__ import annotations

from cercle.core.catalog import Catalog
from cercle.core.errors import Problem, Severity, problem
from cercle.hub.alternates import absolute
from cercle.share.kit import suggestions
from cercle.share.text import BLUESKY_MAX, X_MAX, bluesky_length, x_length


def share_length_problems(catalog: Catalog) -> list[Problem]:
    """A warning per suggested text (and variant, hashtags included) too long for X or Bluesky."""
    found = []
    for entry in catalog.entries:
        url = absolute(catalog.settings.site_url, entry.url)
        for suggestion in suggestions(entry):
            if not suggestion.field:
                continue  # made from title and description: nothing to fix in share:
            path = tuple(int(p) if p.isdigit() else p for p in suggestion.field.split("."))
            line = entry.line_of(*path)
            for network, length, limit in (
                ("X", x_length(suggestion.post, url), X_MAX),
                ("Bluesky", bluesky_length(suggestion.post, url), BLUESKY_MAX),
            ):
                if length > limit:
                    found.append(
                        problem(
                            entry.rel_path,
                            line,
                            suggestion.field,
                            "share_too_long",
                            Severity.WARNING,
                            network=network,
                            length=length,
                            max=limit,
                            over=length - limit,
                        )
                    )
    return found
