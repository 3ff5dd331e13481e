"""Which feeds a hub has, which entries each holds, and their Atom content.

Dates come from front matter only (never the clock), so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from cercle.core.catalog import Entry
from cercle.core.i18n import ui
from cercle.core.models import EntryType, localized
from cercle.feeds.atom import AtomEntry, AtomFeed, Category
from cercle.hub.alternates import absolute
from cercle.hub.pages import LISTED_TYPES, PLURAL
from cercle.hub.view import Hub
from cercle.share.kit import disclosure_for, suggestions
from cercle.share.now import to_share

FEED_FILE = "feed.xml"
# Absolute URL of an entry's image (its card), or None.
ImageOf = Callable[[Entry], str | None]


@dataclass(frozen=True)
class FeedSpec:
    """One feed: all of a language's entries (entry_type None) or one type's."""

    lang: str
    path: str  # site-relative, e.g. "fr/feed.xml" or "fr/webinaires/feed.xml"
    page: str  # site-relative URL of the HTML page the feed mirrors
    entry_type: EntryType | None
    to_share: bool = False  # the "to share" page's feed: what is in its share window today

    def title(self, site_name: str) -> str:
        what = (
            ui(self.lang, "feed_all") if self.entry_type is None else ui(self.lang, PLURAL[self.entry_type])
        )
        if self.to_share:
            what = ui(self.lang, "to_share")
        return ui(self.lang, "feed_title", site=site_name, what=what)


def feed_specs(hub: Hub) -> list[FeedSpec]:
    specs = []
    for lang in hub.catalog.languages:
        home = hub.url("home", lang)
        specs.append(FeedSpec(lang, f"{home}{FEED_FILE}", home, None))
        for entry_type in LISTED_TYPES:
            listing = hub.listing_url(entry_type, lang)
            specs.append(FeedSpec(lang, f"{listing}{FEED_FILE}", listing, entry_type))
        page = hub.url("to_share", lang)
        specs.append(FeedSpec(lang, f"{page}{FEED_FILE}", page, None, to_share=True))
    return specs


def in_feeds(entry: Entry, today: dt.date) -> bool:
    """Dated, not a draft, and not a guide or page dated in the future (upcoming events are fine)."""
    if entry.date is None or entry.meta.draft:
        return False
    return entry.type.is_event_like or entry.date <= today


def feed_entries(hub: Hub, spec: FeedSpec, length: int = 0) -> list[Entry]:
    """The feed's entries, newest first; the first `length` of them (0: all)."""
    if spec.to_share:  # pinned first, as on the page; an entry leaves when its window ends
        chosen = to_share(hub.catalog.in_language(spec.lang), hub.today)
    else:
        types = (spec.entry_type,) if spec.entry_type else ()
        chosen = [e for e in hub.catalog.in_language(spec.lang, *types) if in_feeds(e, hub.today)]
        chosen.sort(key=lambda e: e.rel_path)
        chosen.sort(key=lambda e: moment(e), reverse=True)
    return chosen[:length] if length > 0 else chosen


def moment(entry: Entry) -> dt.datetime:
    """When the entry happened or was published: its date, at its time and time zone when given."""
    assert entry.date is not None
    event = entry.event
    if event and event.time and event.timezone:
        return dt.datetime.combine(entry.date, event.time, ZoneInfo(event.timezone))
    return dt.datetime.combine(entry.date, dt.time(), dt.UTC)


def atom_feed(hub: Hub, spec: FeedSpec, site_name: str, image_of: ImageOf, length: int = 0) -> AtomFeed:
    site_url = hub.settings.site_url
    entries = feed_entries(hub, spec, length)
    topics_page = absolute(site_url, hub.url("topics", spec.lang))
    items = tuple(_entry(hub, e, spec.lang, topics_page, image_of, spec.to_share) for e in entries)
    latest = max((item.updated for item in items), default=None)
    return AtomFeed(
        id=absolute(site_url, spec.path),
        title=spec.title(site_name),
        self_link=absolute(site_url, spec.path),
        alternate_link=absolute(site_url, spec.page),
        lang=spec.lang,
        author=site_name,
        updated=latest or dt.datetime.combine(hub.today, dt.time(), dt.UTC),
        entries=items,
    )


def _entry(
    hub: Hub, entry: Entry, lang: str, topics_page: str, image_of: ImageOf, to_share: bool = False
) -> AtomEntry:
    url = absolute(hub.settings.site_url, entry.url)
    when = moment(entry) if entry.date else dt.datetime.combine(hub.today, dt.time(), dt.UTC)
    summary = entry.meta.description or None
    share = entry.meta.share
    if to_share and share:  # the suggested post, ready to copy, and when it opened to sharing
        summary = suggestions(entry, disclosure_for(entry, hub.settings.share_disclosure))[0].post
        if share.start:
            when = dt.datetime.combine(share.start, dt.time(), dt.UTC)
    default = hub.catalog.languages[0]
    categories = []
    for topic_id in entry.meta.topics:
        topic = hub.catalog.topics.get(topic_id)
        label = localized(topic.label, lang, default) if topic else topic_id
        categories.append(Category(term=topic_id, label=label, scheme=topics_page))
    speakers = hub.catalog.speakers
    return AtomEntry(
        id=url,
        title=entry.title,
        link=url,
        published=when,
        updated=when,
        summary=summary,
        categories=tuple(categories),
        contributors=tuple(speakers[s].name for s in entry.speaker_ids if s in speakers),
        image=image_of(entry),
    )
