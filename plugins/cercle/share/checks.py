"""Build-time checks of the share kit: suggested posts and takeaway posts that X or Bluesky
would refuse as too long (with the hub's disclosure line), blanks never closed, a disclosure
line too long."""

from __future__ import annotations

from cercle.core.catalog import Catalog, Entry
from cercle.core.errors import Problem, Severity, problem
from cercle.hub.alternates import absolute
from cercle.share.kit import Suggestion, disclosure_for, suggestions, takeaway_posts
from cercle.share.links import with_utm
from cercle.share.text import BLUESKY_MAX, X_MAX, bluesky_length, unclosed_blank, x_length


def _line(entry: Entry, dotted: str) -> int:
    return entry.line_of(*(int(p) if p.isdigit() else p for p in dotted.split(".")))


def share_length_problems(catalog: Catalog) -> list[Problem]:
    """A warning per suggested text (and variant, hashtags and disclosure included) and per
    takeaway post (its link and the disclosure included) too long for X or Bluesky."""
    found = []
    lines = catalog.settings.share_disclosure
    for entry in catalog.entries:
        url = absolute(catalog.settings.site_url, entry.url)
        disclosure = disclosure_for(entry, lines)
        posts: list[tuple[Suggestion, str | None, str]] = [
            (s, url, "share_too_long") for s in suggestions(entry, disclosure) if s.field
        ]  # made from title and description: nothing to fix in share:
        link = with_utm(url, catalog.settings.share_utm, "link")
        posts += [(s, None, "share_takeaway_too_long") for s in takeaway_posts(entry, link, disclosure)]
        for suggestion, shared_url, code in posts:
            for network, length, limit in (
                ("X", x_length(suggestion.post, shared_url), X_MAX),
                ("Bluesky", bluesky_length(suggestion.post, shared_url), BLUESKY_MAX),
            ):
                if length > limit:
                    found.append(
                        problem(
                            entry.rel_path,
                            _line(entry, suggestion.field),
                            suggestion.field,
                            code,
                            Severity.WARNING,
                            network=network,
                            length=length,
                            max=limit,
                            over=length - limit,
                        )
                    )
    return found


def blank_problems(catalog: Catalog) -> list[Problem]:
    """A warning per suggested text or takeaway with a `[` blank never closed (or a `]` never
    opened)."""
    found = []
    for entry in catalog.entries:
        share = entry.meta.share
        texts = [("share.text", share.text)] if share and share.text else []
        texts += [(f"share.variants.{i}", text) for i, text in enumerate(share.variants if share else [])]
        texts += [(post.field, post.text) for post in takeaway_posts(entry, "")]  # posts too
        for dotted, text in texts:
            start = unclosed_blank(text)
            if start is not None:
                found.append(
                    problem(
                        entry.rel_path,
                        _line(entry, dotted),
                        dotted,
                        "share_unclosed_blank",
                        Severity.WARNING,
                        start=start,
                    )
                )
    return found


def disclosure_problems(catalog: Catalog) -> list[Problem]:
    """An error per disclosure line that leaves no room on X or Bluesky, with the link alone."""
    found = []
    url = absolute(catalog.settings.site_url, "fr/x/" * 4)  # a long-ish page address
    for lang, line in sorted(catalog.settings.share_disclosure.items()):
        for network, length, limit in (
            ("X", x_length(line, url), X_MAX),
            ("Bluesky", bluesky_length(line, url), BLUESKY_MAX),
        ):
            if length > limit // 2:  # half a post: the writer's text needs the rest
                found.append(
                    problem(
                        "mkdocs.yml",
                        0,
                        f"cercle/share.disclosure.{lang}",
                        "share_disclosure_too_long",
                        network=network,
                        length=length,
                        max=limit // 2,
                    )
                )
                break
    return found
