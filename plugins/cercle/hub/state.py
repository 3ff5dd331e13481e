"""The typed contract between features, per build: what one feature plans for the others.

One `BuildState` per build, on the Hub (`hub.state`). A feature fills its field once
(cercle/cards its card plan in `on_files`, cercle/feeds its feed list) and the others read
it (the share block's downloads, og:image, the feeds' images) instead of looking the
plugin up or reading its output. Everything here is known in the parent before pages are
rendered, so forked render processes have it too and need not send it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cercle.cards.picture_plan import PicturePlan
    from cercle.cards.pictures import Picture
    from cercle.cards.plan import PageCards
    from cercle.cards.variants import Variant
    from cercle.feeds.build import FeedSpec


@dataclass
class BuildState:
    # Each page's cards (page source path → og card and quote cards), only when cercle/cards
    # draws them: an image listed here will be in the site.
    cards: dict[str, PageCards] = field(default_factory=dict)
    feeds: list[FeedSpec] = field(default_factory=list)  # cercle/feeds, once planned
    # Each entry's images per network shape (1.91:1, 1:1, 4:5, 9:16) of its card and quotes,
    # by source path, when cercle/cards draws them (cards/variants.py).
    variants: dict[str, list[Variant]] = field(default_factory=dict)
    # Pictures of entries (their image, else their card) and speakers (photo, else initials),
    # planned by cercle/cards with the cards: listings, home, topic and speaker pages show them.
    pictures: PicturePlan | None = None

    def cards_for(self, src_uri: str) -> PageCards | None:
        return self.cards.get(src_uri)

    def picture_for(self, src_uri: str) -> Picture | None:
        return self.pictures.entries.get(src_uri) if self.pictures else None

    def avatar_for(self, speaker_id: str) -> Picture | None:
        return self.pictures.speakers.get(speaker_id) if self.pictures else None

    def social_image(self, src_uri: str) -> tuple[str, int, int] | None:
        """og:image, the feeds' and JSON-LD's image: the entry's own image cropped to the
        card's size when it has one, else its card. (site path, width, height)"""
        picture = self.picture_for(src_uri)
        if picture is not None and picture.source == "image":
            big = picture.largest
            return big.url, big.width, big.height
        cards = self.cards_for(src_uri)
        return (cards.og.path, cards.og.width, cards.og.height) if cards else None
