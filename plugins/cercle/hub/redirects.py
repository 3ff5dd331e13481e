"""Old addresses that keep working: a topic's page moved to its translated address
(`/en/topics/volontariat/` → `/en/topics/volunteering/`) leaves a small redirect page behind.

A redirect page is static HTML: a meta refresh, a canonical link and a visible link (no
script), kept out of the sitemap and of search (`noindex`). One is written only where no
page of the site lives.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html import escape

from cercle.core.i18n import route, ui
from cercle.hub.alternates import absolute
from cercle.hub.pages import GeneratedPage, Kind


@dataclass(frozen=True)
class Redirect:
    old: str  # site-relative URL that used to serve the page, e.g. en/topics/volontariat/
    new: str
    title: str
    lang: str

    @property
    def path(self) -> str:
        """The file that answers the old URL, in the site folder."""
        return f"{self.old}index.html"


def redirects(pages: list[GeneratedPage], taken: set[str]) -> list[Redirect]:
    """Topic pages whose address is not their id any more; `taken`: every URL of the site."""
    found = []
    for page in pages:
        if page.kind is not Kind.TOPIC or not page.subject:
            continue
        old = f"{page.lang}/{route(page.lang, 'topics')}/{page.subject}/"
        if old != page.url and old not in taken:
            found.append(Redirect(old, page.url, page.title, page.lang))
    return found


def redirect_html(redirect: Redirect, site_url: str | None) -> str:
    """The page left at the old address."""
    relative = posixpath.relpath(redirect.new, redirect.old) + "/"
    target = escape(relative, quote=True)
    canonical = escape(absolute(site_url, redirect.new), quote=True)
    title = escape(redirect.title)
    moved = escape(ui(redirect.lang, "moved"))
    return (
        f'<!doctype html>\n<html lang="{escape(redirect.lang, quote=True)}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{title}</title>\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n'
        f'<body>\n<p>{moved} <a href="{target}">{title}</a></p>\n</body>\n</html>\n'
    )
