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

    def cards_for(self, src_uri: str) -> PageCards | None:
        return self.cards.get(src_uri)
