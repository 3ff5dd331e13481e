"""What to share now: entries whose `share.from`/`share.until` window holds a day, pinned first.

A window only decides what the "to share" page, its feed and the monthly digest list:
an entry that left its window stays in the archive, listings and search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cercle.core.catalog import Entry


def _newest_start(entry: Entry) -> tuple[int, int, str]:
    share = entry.meta.share
    start = (share.start if share else None) or entry.date or dt.date.min
    return (0 if share and share.pinned else 1, -start.toordinal(), entry.rel_path)


def to_share(entries: Iterable[Entry], today: dt.date) -> list[Entry]:
    """Entries in their window on `today`: pinned first, then the most recently opened."""
    found = [e for e in entries if e.meta.share and e.meta.share.shareable_on(today)]
    return sorted(found, key=_newest_start)


def in_month(entries: Iterable[Entry], month: dt.date) -> list[Entry]:
    """Entries whose window meets the month of `month` (any day of it), pinned first."""
    first = month.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    found = []
    for entry in entries:
        share = entry.meta.share
        if not (share and share.windowed):
            continue
        start, until = share.start or dt.date.min, share.until or dt.date.max
        if start <= last and until >= first:
            found.append(entry)
    return sorted(found, key=_newest_start)
