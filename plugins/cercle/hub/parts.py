"""The typed contract between features, per page: what each feature adds to a page.

A feature's plugin fills its own field of `PageParts` (`view.parts`, `cercle.parts` in
templates) in `on_page_context`; templates and other features read the field, never a
plugin or the rendered HTML. To add a part (a replay page, a print view…): give it a
typed field here, defaulting to None or an empty list, so a hub without that plugin
still renders. Feature types are imported for type checkers only: the features import
the hub, not the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cercle.calendar.ics import CalendarLinks
    from cercle.core.catalog import Entry
    from cercle.meta.tags import MetaTag
    from cercle.share.kit import ShareKit
    from cercle.slides.gallery import Gallery
    from cercle.webinar.replay import Takeaway
    from cercle.webinar.view import EventView


@dataclass(frozen=True)
class FeedLink:
    """A feed the page announces in <head>: site-relative href, title in the page's language."""

    href: str
    title: str


@dataclass(frozen=True)
class SharePart:
    """The share block of an entry (cercle/share)."""

    kit: ShareKit
    new_window: bool = False
    entry: Entry | None = None  # the entry shared, on pages that list several (the "to share" page)


@dataclass
class PageParts:
    """Every feature's part of one page; None (or empty) when its plugin is absent or off."""

    webinar: EventView | None = None  # cercle/webinar: video, chapters, quotes, JSON-LD…
    slides: Gallery | None = None  # cercle/slides
    calendar: CalendarLinks | None = None  # cercle/calendar
    feeds: list[FeedLink] = field(default_factory=list)  # cercle/feeds
    share: SharePart | None = None  # cercle/share
    to_share: list[SharePart] = field(default_factory=list)  # cercle/share: the "to share" page
    meta: list[MetaTag] = field(default_factory=list)  # cercle/cards: og/twitter tags
    # cercle/webinar: the key takeaways (text, and lang when not the page's), as plain data
    # for other features, e.g. ready-made posts in the share kit.
    takeaways: list[Takeaway] = field(default_factory=list)
