"""Everything a page's share block shows, computed once from the Entry (no template logic)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cercle.core.catalog import Entry
from cercle.share.links import NETWORKS, share_links, text_slots, with_utm
from cercle.share.text import compose, compose_post, hashtag_line, segments
from cercle.webinar.replay import takeaways

NETWORK_NAMES = {
    "linkedin": "LinkedIn",
    "x": "X",
    "facebook": "Facebook",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "email": "",  # said in the page's language
}


@dataclass(frozen=True)
class Suggestion:
    """A suggested post: `text` as written, `post` with the hashtags (what is copied)."""

    field: str  # share.text, share.variants.0, takeaways.0, … ("" when made from the title)
    text: str
    post: str
    lang: str = ""  # the text's language when not the page's (a takeaway written in another)

    @property
    def segments(self) -> list[tuple[str, bool]]:
        """The post in pieces, blanks (`[your opinion]`) apart: the block makes them fields."""
        return segments(self.post)

    @property
    def has_blanks(self) -> bool:
        return any(blank for _, blank in self.segments)


@dataclass(frozen=True)
class Download:
    href: str  # site-relative
    alt: str
    width: int
    height: int
    quote: bool = False
    ratio: str = ""  # "1.91:1", "1:1", "4:5", "9:16"
    number: int = 0  # the quote's number (1, 2…), 0 for the page's card
    lang: str = ""  # the text alternative's language when not the page's (a quote's)


@dataclass
class ShareKit:
    lang: str
    title: str
    url: str  # absolute URL of the page, without campaign parameters
    suggestions: list[Suggestion]
    hashtags: str
    links: dict[str, str]  # the page's link alone: what works without JavaScript
    slots: dict[str, tuple[int, str]]  # where cercle-share.js writes the post in each (text_slots)
    mastodon_url: str  # the page's link as shared on Mastodon ("" when Mastodon is not offered)
    copy_url: str
    native_url: str
    downloads: list[Download] = field(default_factory=list)
    disclosure: str = ""
    takeaways: list[Suggestion] = field(default_factory=list)  # ready-made posts, link included

    @property
    def post(self) -> str:
        return self.suggestions[0].post

    @property
    def preview(self) -> Download | None:
        """The page's card, shown at the top of the compact block."""
        return next((d for d in self.downloads if not d.quote), None)

    def network_name(self, network: str) -> str:
        return NETWORK_NAMES.get(network, network)


def disclosure_for(entry: Entry, lines: Mapping[str, str]) -> str:
    """The hub's disclosure line in the entry's language, unless the page turned it off."""
    share = entry.meta.share
    if share is not None and not share.disclosure:
        return ""
    return lines.get(entry.lang, "").strip()


def suggestions(entry: Entry, disclosure: str = "") -> list[Suggestion]:
    """`share.text` and its variants; without them, the title and the description.

    Each post is the text, then `disclosure` (see `disclosure_for`), then the hashtags."""
    share = entry.meta.share
    tags = share.hashtags if share else []
    found = []
    if share and share.text:
        found.append(Suggestion("share.text", share.text, compose(share.text, tags, disclosure)))
    for index, variant in enumerate(share.variants if share else []):
        found.append(Suggestion(f"share.variants.{index}", variant, compose(variant, tags, disclosure)))
    if not found:
        text = entry.title
        if entry.meta.description:
            text = f"{entry.title} — {entry.meta.description}"
        found.append(Suggestion("", text, compose(text, tags, disclosure)))
    return found


def takeaway_posts(entry: Entry, link: str, disclosure: str = "") -> list[Suggestion]:
    """Each key takeaway as a post of its own: the takeaway, the page's link, then `disclosure`."""
    event = entry.event
    if event is None:
        return []
    return [
        Suggestion(f"takeaways.{n}", item.text, compose_post(item.text, link, disclosure), item.lang or "")
        for n, item in enumerate(takeaways(event, entry.lang))
    ]


def share_kit(
    entry: Entry,
    url: str,
    utm: Mapping[str, str] | None = None,
    networks: tuple[str, ...] = NETWORKS,
    downloads: list[Download] | None = None,
    disclosure: str = "",
) -> ShareKit:
    found = suggestions(entry, disclosure)
    share = entry.meta.share
    linked = tuple(n for n in networks if n != "mastodon")
    copy_url = with_utm(url, utm, "link")
    return ShareKit(
        lang=entry.lang,
        title=entry.title,
        url=url,
        suggestions=found,
        hashtags=hashtag_line(share.hashtags) if share else "",
        links=share_links(url, None, entry.title, utm, linked),
        slots=text_slots(url, entry.title, utm, linked),
        mastodon_url=with_utm(url, utm, "mastodon") if "mastodon" in networks else "",
        copy_url=copy_url,
        native_url=with_utm(url, utm, "native"),
        downloads=downloads or [],
        disclosure=disclosure,
        takeaways=takeaway_posts(entry, copy_url, disclosure),
    )
