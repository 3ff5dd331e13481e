"""iCalendar (RFC 5545) for webinars and events, with `icalendar`.

Reproducible: UIDs come from the translation key, the language and the site's host;
DTSTAMP from SOURCE_DATE_EPOCH (else the build's "today"). A start time with a time zone
gives DTSTART;TZID plus its VTIMEZONE; no time gives an all-day event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from cercle.core.catalog import Catalog, Entry
from cercle.core.i18n import ui
from cercle.core.urls import url_of_path
from cercle.hub.alternates import absolute

PRODID = "-//Cercle//Ambassador resource hub//EN"
# `cercle serve` rebuilds in one process: a calendar whose events did not change is not
# serialized again (icalendar and its time zones are a fifth of an incremental rebuild).
_SERIALIZED: dict[str, bytes] = {}
_SERIALIZED_BYTES = 64 * 2**20
_kept = [0]  # bytes in _SERIALIZED


@dataclass(frozen=True)
class CalendarLinks:
    """What a page links to (site-relative): its own .ics, and its language's calendar."""

    entry_url: str | None
    language_url: str
    language_absolute: str = ""  # what to paste into a calendar app to subscribe


def build_stamp(today: dt.date) -> dt.datetime:
    """DTSTAMP of every event: SOURCE_DATE_EPOCH when set (reproducible builds), else today 00:00 UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.combine(today, dt.time(0), dt.UTC)


def site_host(site_url: str | None) -> str:
    return (urlsplit(site_url or "").hostname or "cercle.invalid").lower()


def event_uid(entry: Entry, site_url: str | None) -> str:
    key = re.sub(r"[^A-Za-z0-9._-]+", "-", entry.translation_key).strip("-") or entry.slug
    return f"{key}.{entry.lang}@{site_host(site_url)}"


def entry_ics_url(entry: Entry) -> str:
    """Site-relative URL of an entry's own .ics, next to its page."""
    if entry.url.endswith("/"):
        return f"{entry.url}{url_of_path(entry.slug)}.ics"
    return re.sub(r"\.html$", "", entry.url) + ".ics"


def language_ics_url(lang: str) -> str:
    return f"{lang}/calendar.ics"


def event_times(entry: Entry) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """(DTSTART, DTEND): zoned or floating date-times with a time, whole days without one."""
    ev = entry.event
    assert ev is not None and entry.date is not None
    if ev.time is None:
        days = max(1, math.ceil((ev.duration or 0) / (24 * 60)))
        return entry.date, entry.date + dt.timedelta(days=days)
    zone = ZoneInfo(ev.timezone) if ev.timezone else None  # no time zone: floating local time
    start = dt.datetime.combine(entry.date, ev.time, tzinfo=zone)
    end = start + dt.timedelta(minutes=ev.duration) if ev.duration else None
    return start, end


def _description(entry: Entry, catalog: Catalog, page_url: str) -> str:
    ev = entry.event
    assert ev is not None
    lang = entry.lang
    parts = [entry.meta.description or ""]
    names = [catalog.speakers[s].name if s in catalog.speakers else s for s in ev.speakers]
    if names:
        parts.append(f"{ui(lang, 'with_speakers')} {', '.join(names)}")
    if ev.registration and entry.is_upcoming(catalog.settings.today):
        parts.append(f"{ui(lang, 'register')}: {ev.registration}")
    parts.append(page_url)
    return "\n\n".join(p for p in parts if p)


def vevent(entry: Entry, catalog: Catalog, stamp: dt.datetime) -> icalendar.Event:
    """One VEVENT for a webinar or event (which must have a date)."""
    ev = entry.event
    assert ev is not None
    site_url = catalog.settings.site_url
    page_url = absolute(site_url, entry.url)
    start, end = event_times(entry)
    event = icalendar.Event()
    event.add("uid", event_uid(entry, site_url))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("summary", entry.title, parameters={"LANGUAGE": entry.lang})
    event.add("description", _description(entry, catalog, page_url), parameters={"LANGUAGE": entry.lang})
    event.add("location", ev.place or ui(entry.lang, "online"))
    event.add("url", page_url)
    event.add("categories", [ui(entry.lang, entry.type.value)])
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE" if isinstance(start, dt.datetime) else "TRANSPARENT")
    return event


def _inputs(dated: list[Entry], catalog: Catalog, lang: str, name: str | None, stamp: dt.datetime) -> str:
    """A digest of everything a calendar is made of (what `vevent` and `_description` read)."""
    words = ("with_speakers", "register", "online", "calendar_name", "webinar", "event")
    languages = sorted({lang, *(e.lang for e in dated)})
    rows: list[object] = [
        PRODID,
        icalendar.__version__,
        lang,
        name,
        stamp.isoformat(),
        catalog.settings.site_url,
    ]
    rows.append([ui(language, word) for language in languages for word in words])
    for e in dated:
        ev = e.event
        assert ev is not None
        speakers = [catalog.speakers[s].name if s in catalog.speakers else s for s in ev.speakers]
        rows.append((e.translation_key, e.lang, e.slug, e.url, e.title, e.meta.description, e.date))
        rows.append(e.type.value)
        rows.append((ev.time, ev.timezone, ev.duration, ev.place, ev.registration, speakers))
        rows.append(e.is_upcoming(catalog.settings.today))
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


def calendar_ics(entries: Iterable[Entry], catalog: Catalog, lang: str, name: str | None = None) -> bytes:
    """A VCALENDAR with one VEVENT per dated webinar/event, and the VTIMEZONEs they use."""
    stamp = build_stamp(catalog.settings.today)
    dated = sorted(
        (e for e in entries if e.event is not None and e.date is not None),
        key=lambda e: (e.date, e.translation_key),
    )
    key = _inputs(dated, catalog, lang, name, stamp)
    if key not in _SERIALIZED:
        if _kept[0] > _SERIALIZED_BYTES:  # a long serve session: each edit leaves old calendars
            _SERIALIZED.clear()
            _kept[0] = 0
        _SERIALIZED[key] = _serialize(dated, catalog, name, stamp)
        _kept[0] += len(_SERIALIZED[key])
    return _SERIALIZED[key]


def _serialize(dated: list[Entry], catalog: Catalog, name: str | None, stamp: dt.datetime) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
        cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "P1D")
    for entry in dated:
        cal.add_component(vevent(entry, catalog, stamp))
    if dated:
        first, last = dated[0].date, dated[-1].date
        assert first is not None and last is not None
        cal.add_missing_timezones(
            first_date=dt.date(first.year, 1, 1), last_date=dt.date(last.year + 1, 1, 1)
        )
    ical: bytes = cal.to_ical()
    return ical


def entry_ics(entry: Entry, catalog: Catalog) -> bytes:
    return calendar_ics([entry], catalog, entry.lang)


def language_ics(catalog: Catalog, lang: str, site_name: str = "", past_events: int = 0) -> bytes:
    """The subscribable calendar of a language: every upcoming webinar and event, and the
    newest `past_events` past ones (0: all). Calendar apps fetch it again every day: it stays
    the same size whatever the archive (1 MB at 2,000 entries a language with every event)."""
    entries = [e for e in catalog.in_language(lang) if e.type.is_event_like]
    if past_events > 0:
        today = catalog.settings.today
        past = sorted((e for e in entries if not e.is_upcoming(today)), key=lambda e: e.date or dt.date.min)
        entries = [e for e in entries if e.is_upcoming(today)] + past[-past_events:]
    name = ui(lang, "calendar_name")
    return calendar_ics(entries, catalog, lang, name=f"{site_name} · {name}" if site_name else name)
