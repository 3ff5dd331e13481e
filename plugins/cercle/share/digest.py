"""The monthly email digest: what is in its share window during a month, as an email.

An HTML part (table layout, CSS inlined by css-inline, absolute addresses, colours that stay
readable when a client darkens them) and its plain-text twin. Links carry the hub's campaign
tags (utm_source=newsletter), the same for every reader: no pixel, no per-person link.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import css_inline
from jinja2 import Environment, FileSystemLoader, select_autoescape

from cercle.core.cachefile import published_mode, write_atomic
from cercle.core.catalog import Catalog, Entry
from cercle.core.i18n import format_date, ui
from cercle.hub.alternates import absolute
from cercle.hub.view import Hub
from cercle.share.emaillint import lint_email
from cercle.share.kit import disclosure_for, suggestions
from cercle.share.links import with_utm
from cercle.share.now import in_month

TEMPLATES = Path(__file__).parent / "templates"
SOURCE = "newsletter"  # utm_source of the digest's links
# Gmail shows "[Message clipped]" past 102 KB of HTML and hides the rest: the footer with it.
CLIPPED_ABOVE = 102 * 1024
DEFAULT_LENGTH = 10  # pages in a digest unless cercle/share's digest_length says otherwise
# Absolute URL and text alternative of an entry's picture (its card), or None.
ImageOf = Callable[[Entry], tuple[str, str] | None]


class DigestError(ValueError):
    """A digest that cannot be made: `code` names its message (messages.share_*)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def valid_length(value: object) -> bool:
    """A digest_length: a whole number of pages, 0 for all (YAML's `true` is an int to Python)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def parse_month(value: str) -> dt.date:
    """`2026-12` → 2026-12-01; anything else raises DigestError(share_bad_month)."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", value or "")
    if not match or not 1 <= int(match[2]) <= 12:
        raise DigestError("share_bad_month", value=value)
    return dt.date(int(match[1]), int(match[2]), 1)


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    note: str
    description: str
    post: str
    image: str
    image_alt: str


@dataclass(frozen=True)
class Digest:
    lang: str
    month: dt.date
    html: str
    text: str
    count: int  # pages in the email
    total: int  # pages to share in the month (more than `count` when the email keeps a few)


def _month_label(month: dt.date, lang: str) -> str:
    return format_date(month, lang, "LLLL y")


def _items(hub: Hub, entries: list[Entry], image_of: ImageOf) -> list[Item]:
    settings = hub.settings
    items = []
    for entry in entries:
        share = entry.meta.share
        assert share is not None
        notes = [ui(entry.lang, "to_share_pinned")] if share.pinned else []
        if share.until:
            notes.append(ui(entry.lang, "to_share_until", date=format_date(share.until, entry.lang)))
        page = absolute(settings.site_url, entry.url)  # in the post: it is shared on from there
        url = with_utm(page, settings.share_utm, SOURCE)
        picture = image_of(entry)
        post = suggestions(entry, disclosure_for(entry, settings.share_disclosure))[0].post
        items.append(
            Item(
                title=entry.title,
                url=url,
                note=" · ".join(notes),
                description=entry.meta.description or "",
                post=f"{post} {page}",
                image=picture[0] if picture else "",
                image_alt=picture[1] if picture else "",
            )
        )
    return items


def make_digest(
    hub: Hub,
    lang: str,
    month: dt.date,
    site_name: str,
    image_of: ImageOf,
    colors: tuple[str, str] = ("#283593", "#ffca28"),
    length: int = DEFAULT_LENGTH,
) -> Digest:
    """The digest of `lang` for the month of `month`: its first `length` pages (pinned first,
    then the most recently opened; 0: all) and a link to the others on the "to share" page.

    DigestError(share_empty_month) when nothing is to share that month."""
    if length < 0:
        raise ValueError(f"digest length {length} < 0")  # cercle/share's options refuse it first
    entries = in_month(hub.catalog.in_language(lang), month)
    label = _month_label(month, lang)
    if not entries:
        raise DigestError("share_empty_month", month=month.strftime("%Y-%m"), language=lang)
    total = len(entries)
    items = _items(hub, entries[:length] if length > 0 else entries, image_of)
    rest = total - len(items)
    site_url = hub.settings.site_url
    heading = ui(lang, "digest_heading", month=label)
    data = {
        "lang": lang,
        "title": f"{site_name} — {heading}",
        "site_name": site_name,
        "heading": heading,
        "intro": ui(lang, "digest_intro_some", shown=len(items), count=total)
        if rest
        else ui(lang, "digest_intro", count=total),
        "entries": items,
        # "To share" lists what is open today, not the month's pages: the link promises no count.
        "more": ui(lang, "digest_more") if rest else "",
        "more_link": ui(lang, "digest_more_link") if rest else "",
        "suggested": ui(lang, "share.suggested"),
        "open": ui(lang, "to_share_open"),
        "footer": ui(lang, "digest_footer"),
        "privacy": ui(lang, "privacy"),
        "privacy_url": absolute(site_url, hub.url("privacy", lang)),
        "to_share": ui(lang, "to_share"),
        "to_share_url": absolute(site_url, hub.url("to_share", lang)),
        "brand": colors[0],
        "accent": colors[1],
    }
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    html = css_inline.inline(env.get_template("digest.html").render(d=data))
    return Digest(lang, month, html, _text(data), len(items), total)


def _text(data: dict[str, Any]) -> str:
    """The plain-text alternative: the same content, one block per entry."""
    lang, rule = data["lang"], "-" * 60
    lines = [data["title"], "=" * len(data["title"]), "", data["intro"], ""]
    for item in data["entries"]:
        lines += [rule, item.title]
        if item.note:
            lines.append(item.note)
        if item.description:
            lines += ["", item.description]
        lines += [
            "",
            ui(lang, "digest_text_suggested"),
            item.post,
            "",
            ui(lang, "digest_text_open", url=item.url),
            "",
        ]
    if data["more"]:
        lines += [rule, data["more"], data["to_share_url"], ""]
    lines += [
        rule,
        data["footer"],
        ui(lang, "digest_text_more", what=data["privacy"], url=data["privacy_url"]),
        "",
    ]
    return "\n".join(lines)


def card_image(hub: Hub, entry: Entry) -> tuple[str, str] | None:
    """The entry's page card on the published site (cercle/cards' plan), if it is drawn."""
    cards = hub.state.cards_for(entry.rel_path)
    if cards is None or not hub.settings.site_url:
        return None
    return absolute(hub.settings.site_url, cards.og.path), cards.og.alt


def hub_with_cards(
    catalog: Catalog, site_name: str, cards_options: Any = None
) -> tuple[Hub, tuple[str, str]]:
    """A Hub whose card plan is known (for the digest's pictures), and the brand's colours."""
    from cercle.cards.plan import CardPlanner
    from cercle.cards.spec import Brand

    hub = Hub(catalog)
    colors = ("#283593", "#ffca28")
    if cards_options is not None and cards_options.enabled:
        colors = (cards_options.brand_color, cards_options.accent_color)
        brand = Brand(colors[0], colors[1], cards_options.site_name or site_name)
        hub.state.cards = CardPlanner(hub, brand, quotes=False).plan()
    return hub, colors


def write_digest(
    catalog: Catalog,
    lang: str,
    month: dt.date,
    site_name: str,
    folder: Path,
    cards_options: Any = None,
    length: int = DEFAULT_LENGTH,
) -> tuple[Digest, Path, Path]:
    """Make, check (emaillint) and write digest-LANG-YYYY-MM.html and .txt into `folder`."""
    hub, colors = hub_with_cards(catalog, site_name, cards_options)
    made = make_digest(hub, lang, month, site_name, lambda e: card_image(hub, e), colors, length)
    return (made, *save_digest(made, folder))


def save_digest(made: Digest, folder: Path) -> tuple[Path, Path]:
    """Write the digest's two parts into `folder` once it passes the email lint and fits
    Gmail's limit (DigestError otherwise, nothing written); their paths."""
    problems = lint_email(made.html)
    if problems:
        raise DigestError("share_digest_lint", detail="; ".join(problems))
    html_bytes = made.html.encode()
    size = len(html_bytes)
    if size > CLIPPED_ABOVE:
        raise DigestError(
            "share_digest_clipped", kb=size // 1024, limit=CLIPPED_ABOVE // 1024, count=made.count
        )
    stem = f"digest-{made.lang}-{made.month.strftime('%Y-%m')}"
    html, text = folder / f"{stem}.html", folder / f"{stem}.txt"
    write_atomic(html, html_bytes, published_mode())
    write_atomic(text, made.text.encode(), published_mode())
    return html, text
