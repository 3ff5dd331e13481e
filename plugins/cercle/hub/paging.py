"""Numbered pages of a long list: a listing, a topic, a speaker, the speakers or "to share".

A list longer than the hub's `listing_page_size` goes on at `page/2/`, `page/3/`… of its
address, so that no page grows with the archive (at 2,000 webinars a language, one listing
page was 1.4 MB of HTML). The first page keeps the list's address, its intro and its
translations; a later page is its own page in the menu of none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from cercle.core.i18n import route
from cercle.core.urls import url_of_path

T = TypeVar("T")

SPEAKERS_FACTOR = 4  # a speaker takes a line, not a card: four times as many a page
# A share block on "to share" (its post, network links, the images of every shape to
# download: ~9 KB) weighs about four cards: that page shows a quarter as many (24 blocks were
# 183 KB of HTML, 6 are ~70 KB).
TO_SHARE_DIVISOR = 4
_AROUND = 2  # page numbers shown on each side of the current one


def page_count(total: int, size: int) -> int:
    """Pages a list of `total` items takes at `size` a page (an empty list still has one)."""
    return max(1, -(-total // max(1, size)))


def page_url(first_url: str, lang: str, number: int) -> str:
    """The address of page `number` of the list whose first page is at `first_url`."""
    if number <= 1:
        return first_url
    return f"{first_url}{url_of_path(route(lang, 'page'))}/{number}/"


def on_page(items: Sequence[T], number: int, size: int) -> list[T]:
    """The items page `number` shows (1-based)."""
    start = (max(1, number) - 1) * size
    return list(items[start : start + size])


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: an ellipsis standing for the pages left out
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class Paging:
    """The pagination of one page, for templates."""

    number: int
    count: int
    first_url: str
    lang: str

    @property
    def previous(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None

    def url(self, number: int) -> str:
        return page_url(self.first_url, self.lang, number)

    def links(self) -> list[PageLink]:
        """The first and last pages, the current one and two on each side; gaps as ellipses."""
        shown = {1, self.count} | set(range(self.number - _AROUND, self.number + _AROUND + 1))
        links: list[PageLink] = []
        for number in range(1, self.count + 1):
            if number in shown:
                links.append(PageLink(number, self.url(number), number == self.number))
            elif links and links[-1].number is not None:
                links.append(PageLink(None))
        return links
