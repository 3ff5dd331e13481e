"""The small values a webinar or event page shows: chapter links, quotes, the video's poster."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cercle.video.hosts import iso_duration

if TYPE_CHECKING:
    from cercle.cards.pictures import Picture


@dataclass(frozen=True)
class ChapterLink:
    seconds: int
    label: str  # 12:30
    title: str
    href: str  # the page's own deep link, #t=750 (lands on the transcript line without JavaScript)
    watch_url: str  # the video at that time on its host (or the file with #t=)

    @property
    def iso(self) -> str:
        return iso_duration(self.seconds)


@dataclass(frozen=True)
class QuoteView:
    text: str
    name: str
    url: str | None  # the speaker's page when `by` is a known speaker
    lang: str | None = None  # set when the quote is in another language than the page


@dataclass(frozen=True)
class Poster:
    url: str  # site-relative
    width: int | None = None
    height: int | None = None
    picture: Picture | None = None  # the entry's own image, at a few widths (cercle/cards)
