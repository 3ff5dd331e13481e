"""The booklet as HTML: cover, table of contents, each guide, and QR codes of the pages it cites.

Engine-agnostic: Markdown is rendered by the callable the caller passes (the hub's own
extensions), the PDF is made by cercle.booklet.pdf. Links between entries become the
published pages' absolute addresses; a webinar or event a guide links to is listed after
it with its date, address and QR code, so a printed booklet still leads to the replay.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from cercle.compliance.qr import qr_svg
from cercle.core import i18n
from cercle.core.catalog import Catalog, Entry
from cercle.core.models import EntryType
from cercle.hub.alternates import absolute

_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")')
_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")')


@dataclass(frozen=True)
class Identity:
    """The hub's identity on the cover."""

    name: str
    description: str = ""
    brand_color: str = "#283593"
    accent_color: str = "#ffca28"


@dataclass(frozen=True)
class Chapter:
    entry: Entry
    anchor: str
    html: Markup
    cited: tuple[Entry, ...]


def _target(catalog: Catalog, entry: Entry, href: str) -> Entry | None:
    """The entry a link of `entry`'s body points to: a relative .md path or a site path."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        site = urlsplit(catalog.settings.site_url or "")
        if not (site.netloc and parts.netloc == site.netloc):
            return None
        path = parts.path.removeprefix(site.path).lstrip("/")
        return next((e for e in catalog.entries if e.url == path or e.url == path + "/"), None)
    if not parts.path:
        return None
    if parts.path.endswith(".md"):
        here = PurePosixPath(entry.rel_path).parent
        rel = posixpath.normpath(str(here / parts.path)) if not parts.path.startswith("/") else parts.path[1:]
        return catalog.by_path(rel)
    if parts.path.startswith("/"):
        path = parts.path.lstrip("/")
        return next((e for e in catalog.entries if e.url == path), None)
    return None


def chapter(catalog: Catalog, entry: Entry, render: Callable[[str], str]) -> Chapter:
    """One guide: its HTML with links made absolute, and the webinars and events it cites."""
    site_url = catalog.settings.site_url
    cited: list[Entry] = []

    def link(match: re.Match[str]) -> str:
        href = match.group(2)
        found = _target(catalog, entry, href.replace("&amp;", "&"))
        if found is None:
            return match.group(0)
        if found.type.is_event_like and found not in cited:
            cited.append(found)
        return f"{match.group(1)}{escape(absolute(site_url, found.url))}{match.group(3)}"

    def image(match: re.Match[str]) -> str:
        # Written relative to the entry's file, as MkDocs reads it; WeasyPrint's base is content/.
        src = match.group(2)
        if urlsplit(src).scheme or src.startswith("/"):
            return match.group(0)
        path = posixpath.normpath(posixpath.join(posixpath.dirname(entry.rel_path), src))
        return f"{match.group(1)}{escape(path)}{match.group(3)}"  # "../x" beyond content/: refused

    html = _SRC.sub(image, _HREF.sub(link, render(entry.body)))
    anchor = f"entry-{entry.translation_key}".replace("/", "-")
    return Chapter(entry, anchor, Markup(html), tuple(cited))  # safe: rendered Markdown


def chapters(
    catalog: Catalog, lang: str, render: Callable[[str], str], extra: Sequence[Entry] = ()
) -> list[Chapter]:
    """The language's guides (oldest first: the order they were written to be read), then `extra`."""
    guides = sorted(
        catalog.in_language(lang, EntryType.GUIDE), key=lambda e: (e.date or dt.date.min, e.title)
    )
    chosen = [*guides, *(e for e in extra if e not in guides)]
    return [chapter(catalog, e, render) for e in chosen]


def qr_for(catalog: Catalog, entry: Entry, lang: str) -> tuple[str, Markup]:
    url = absolute(catalog.settings.site_url, entry.url)
    title = i18n.ui(lang, "print_qr", url=url)
    return url, Markup(qr_svg(url, title, scale=4))  # safe: segno's own SVG


TEMPLATES = Path(__file__).parent / "templates"


def booklet_html(
    catalog: Catalog,
    lang: str,
    identity: Identity,
    render: Callable[[str], str],
    extra: Sequence[Entry] = (),
) -> str:
    """The whole booklet as one HTML document (WeasyPrint's input)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from cercle.cards.fonts import font_path

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    fonts = {
        weight: font_path(weight).resolve().as_uri() for weight in ("regular", "semibold", "bold", "italic")
    }
    css = env.get_template("booklet.css").render(identity=identity, fonts=fonts)
    today = catalog.settings.today
    return env.get_template("booklet.html").render(
        lang=lang,
        title=f"{identity.name} · {i18n.ui(lang, 'booklet_title')}",
        identity=identity,
        css=Markup(css),  # safe: our stylesheet, from the hub's colours (checked below)
        chapters=chapters(catalog, lang, render, extra),
        t=lambda key, **params: i18n.ui(lang, key, **params),
        date=lambda value: i18n.format_date(value, lang),
        date_iso=today.isoformat(),
        date_text=i18n.format_date(today, lang),
        page_url=lambda entry: absolute(catalog.settings.site_url, entry.url),
        qr_for=lambda entry: qr_for(catalog, entry, lang),
    )


COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def safe_color(value: object, default: str) -> str:
    """A #rgb or #rrggbb colour, else the default: the value goes into a stylesheet."""
    return value if isinstance(value, str) and COLOR.match(value) else default
