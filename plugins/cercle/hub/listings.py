"""Ordering and grouping of entries for listings: upcoming first, then past by year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import cast

from cercle.core.catalog import Entry


def newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date or dt.date.min, e.title), reverse=True)


@dataclass
class Archive:
    upcoming: list[Entry] = field(default_factory=list)
    past_by_year: list[tuple[int, list[Entry]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.upcoming and not self.past_by_year


def upcoming(entries: list[Entry], today: dt.date) -> list[Entry]:
    """The upcoming ones, soonest first."""
    return sorted((e for e in entries if e.is_upcoming(today)), key=lambda e: (e.date, e.title))


def in_archive_order(entries: list[Entry], today: dt.date) -> list[Entry]:
    """Upcoming ones soonest first, then past ones newest first: a listing's order."""
    return upcoming(entries, today) + newest_first([e for e in entries if not e.is_upcoming(today)])


def archive(entries: list[Entry], today: dt.date) -> Archive:
    """Upcoming ones soonest first; past ones newest first, grouped by year (one page of a long
    listing keeps its order: the order is the same)."""
    ordered = in_archive_order(entries, today)
    upcoming = [e for e in ordered if e.is_upcoming(today)]
    past = [e for e in ordered if not e.is_upcoming(today)]
    years = [(year, list(group)) for year, group in groupby(past, key=lambda e: e.date.year if e.date else 0)]
    return Archive(upcoming=upcoming, past_by_year=years)


def featured(entries: list[Entry], today: dt.date, limit: int = 6) -> list[Entry]:
    """Featured entries for the home page: upcoming ones first, then the newest."""
    chosen = [e for e in entries if e.meta.featured]
    upcoming = sorted(
        (e for e in chosen if e.is_upcoming(today)),
        key=lambda e: cast(dt.date, e.date),  # upcoming: dated
    )
    rest = newest_first([e for e in chosen if not e.is_upcoming(today)])
    return (upcoming + rest)[:limit]
