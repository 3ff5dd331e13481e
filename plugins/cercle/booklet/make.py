"""One booklet, from the hub's Catalog and plain settings: shared by `cercle booklet` and the
`cercle/booklet` plugin (which publishes it on the guides listing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cercle.booklet.document import Identity, booklet_html, safe_color
from cercle.booklet.pdf import write_pdf
from cercle.cards.fonts import font_path
from cercle.core.catalog import Catalog, Entry


def identity(site_name: str, description: str | None, cards: Mapping[str, Any] | None) -> Identity:
    """The cover's identity: the site's name and description, the colours of cercle/cards."""
    cards = cards or {}
    return Identity(
        name=site_name,
        description=description or "",
        brand_color=safe_color(cards.get("brand_color"), Identity.brand_color),
        accent_color=safe_color(cards.get("accent_color"), Identity.accent_color),
    )


def make_booklet(
    catalog: Catalog,
    lang: str,
    who: Identity,
    extensions: Sequence[Any],
    extension_configs: Mapping[str, Any],
    target: Path,
    extra: Sequence[Entry] = (),
) -> int:
    """Write the booklet of `lang` to `target` (pages returned); Markdown as the hub reads it."""
    import markdown

    md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(extension_configs))

    def render(text: str) -> str:
        md.reset()
        html: str = md.convert(text)  # Python-Markdown ships no type information
        return html

    html = booklet_html(catalog, lang, who, render, extra)
    content = catalog.settings.content_dir.resolve()
    fonts = font_path("regular").resolve().parent
    return write_pdf(html, target, content, [content, fonts])
