"""schema.org JSON-LD for webinar and event pages: an `Event`, and a `VideoObject` with one
`Clip` per chapter, serialized so that no front-matter string can leave the <script> tag.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from cercle.core.catalog import Catalog, Entry
from cercle.core.models import localized
from cercle.video.hosts import Video, iso_duration

SCHEMA = "https://schema.org"
# Inside <script>, "</script", "<!--" and "<script" end or confuse the element; "&" and the
# JavaScript line separators are escaped too so the text is inert in any HTML context.
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: Any) -> str:
    """JSON for a <script type="application/ld+json"> element: `<`, `>`, `&` as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _UNSAFE.items():
        text = text.replace(char, escaped)
    return text


def iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def attendance_mode(entry: Entry) -> str:
    ev = entry.event
    assert ev is not None
    online = ev.online if ev.online is not None else not ev.place
    if ev.place and online:
        return f"{SCHEMA}/MixedEventAttendanceMode"
    return f"{SCHEMA}/{'Online' if online else 'Offline'}EventAttendanceMode"


def _location(entry: Entry, virtual_url: str) -> list[dict[str, Any]]:
    ev = entry.event
    assert ev is not None
    places: list[dict[str, Any]] = []
    if ev.place:
        places.append({"@type": "Place", "name": ev.place, "address": ev.place})
    if "Online" in attendance_mode(entry) or "Mixed" in attendance_mode(entry):
        places.append({"@type": "VirtualLocation", "url": virtual_url})
    return places


def event_data(
    entry: Entry,
    catalog: Catalog,
    *,
    page_url: str,
    start: dt.date | dt.datetime,
    end: dt.date | dt.datetime | None,
    speaker_url: Callable[[str], str],
    image_url: str | None = None,
    upcoming: bool = False,
) -> dict[str, Any]:
    """The Event; an upcoming online one is joined through its registration page when it has one."""
    ev = entry.event
    assert ev is not None
    lang = entry.lang
    performers = []
    for sid in ev.speakers:
        speaker = catalog.speakers.get(sid)
        if speaker is None:
            continue
        person: dict[str, Any] = {"@type": "Person", "name": speaker.name, "url": speaker_url(sid)}
        if speaker.role:
            person["jobTitle"] = localized(speaker.role, lang, catalog.languages[0])
        if speaker.organization:
            person["affiliation"] = {"@type": "Organization", "name": speaker.organization}
        performers.append(person)
    data: dict[str, Any] = {
        "@type": "Event",
        "@id": f"{page_url}#event",
        "name": entry.title,
        "description": entry.meta.description or entry.title,
        "url": page_url,
        "inLanguage": lang,
        "startDate": iso(start),
        "endDate": iso(end),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": attendance_mode(entry),
        "location": _location(entry, (ev.registration if upcoming else None) or page_url),
        "performer": performers,
        "image": image_url,
        "keywords": ", ".join(entry.meta.tags) or None,
    }
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def video_data(
    entry: Entry,
    video: Video,
    *,
    page_url: str,
    thumbnail_url: str | None = None,
    content_url: str | None = None,
) -> dict[str, Any]:
    ev = entry.event
    assert ev is not None
    chapters = sorted(ev.chapters, key=lambda c: c.seconds)
    total = ev.duration * 60 if ev.duration else None
    clips = []
    for index, chapter in enumerate(chapters):
        clip: dict[str, Any] = {
            "@type": "Clip",
            "name": chapter.title,
            "startOffset": chapter.seconds,
            "url": video.watch_url(chapter.seconds)
            if not video.is_file
            else f"{page_url}#t={chapter.seconds}",
        }
        following = chapters[index + 1].seconds if index + 1 < len(chapters) else total
        if following is not None and following > chapter.seconds:
            clip["endOffset"] = following
        clips.append(clip)
    data: dict[str, Any] = {
        "@type": "VideoObject",
        "@id": f"{page_url}#video",
        "name": entry.title,
        "description": entry.meta.description or entry.title,
        "inLanguage": entry.lang,
        "uploadDate": iso(entry.date),
        "thumbnailUrl": [thumbnail_url] if thumbnail_url else None,
        "duration": iso_duration(total) if total else None,
        "recordedAt": {"@id": f"{page_url}#event"},
        "hasPart": clips,
    }
    if video.is_file:
        data["contentUrl"] = content_url or video.url
    else:
        data["embedUrl"] = video.embed_url(autoplay=False)
        data["url"] = video.watch_url()
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def graph(*nodes: dict[str, Any] | None) -> dict[str, Any]:
    return {"@context": SCHEMA, "@graph": [n for n in nodes if n]}
