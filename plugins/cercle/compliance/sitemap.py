"""The site map pages (RGAA 12.1: a second way to find every page): what each one lists.

A language's site map lists every listing, topic, speaker and entry. Past `page_size`
entries it would outgrow a reasonable page (200 KB), so entries move to one page per
year, and a year with more than `page_size` entries is cut into numbered parts; past
`page_size` speakers (2,500 at 10,000 entries a language made the main page 178 KB), they
move to pages of their own too, by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cercle.core.catalog import Entry
from cercle.core.i18n import route
from cercle.core.models import EntryType
from cercle.core.registry_models import Speaker

_NO_DATE = dt.date.min

DEFAULT_PAGE_SIZE = 400
# Entry types in the order the site map shows them.
TYPE_ORDER = (EntryType.WEBINAR, EntryType.EVENT, EntryType.GUIDE, EntryType.PAGE)


@dataclass(frozen=True)
class Part:
    """One site map sub-page: `slug` is its URL segment ("2022", "2022-2"), `label` its title."""

    slug: str
    label: str
    entries: tuple[Entry, ...]


def _year(entry: Entry) -> str:
    return str(entry.date.year) if entry.date else ""


def parts(entries: Sequence[Entry], page_size: int = DEFAULT_PAGE_SIZE) -> list[Part]:
    """The year pages, newest year first (undated last), or [] when one page holds every entry.

    An undated part has slug "undated" and an empty label (the template names it)."""
    if len(entries) <= page_size:
        return []
    years: dict[str, list[Entry]] = {}
    for entry in entries:
        years.setdefault(_year(entry), []).append(entry)
    found = []
    for year in sorted(years, key=lambda y: (y != "", y), reverse=True):
        chunk = sorted(years[year], key=lambda e: (e.date or _NO_DATE, e.url), reverse=True)
        slug_base = year or "undated"
        for index in range(0, len(chunk), page_size):
            number = index // page_size + 1
            slug = slug_base if number == 1 else f"{slug_base}-{number}"
            label = year if number == 1 else f"{year} ({number})"
            found.append(Part(slug, label, tuple(chunk[index : index + page_size])))
    return found


@dataclass(frozen=True)
class SpeakerPart:
    """A site map sub-page of speakers: `label` names its first and last ("Ada B. – Léo M.")."""

    slug: str
    label: str
    speaker_ids: tuple[str, ...]


def speaker_parts(speakers: Mapping[str, Speaker], lang: str, page_size: int) -> list[SpeakerPart]:
    """Speakers by name in pages of `page_size` (slugs `intervenants`, `intervenants-2`… in
    French: the language's route to its speakers), or [] when the main page holds them all."""
    if len(speakers) <= page_size:
        return []
    slug = route(lang, "speakers")
    ordered = sorted(speakers, key=lambda sid: (speakers[sid].name.casefold(), sid))
    found = []
    for index in range(0, len(ordered), page_size):
        chunk = ordered[index : index + page_size]
        number = index // page_size + 1
        label = f"{speakers[chunk[0]].name} – {speakers[chunk[-1]].name}"
        found.append(SpeakerPart(slug if number == 1 else f"{slug}-{number}", label, tuple(chunk)))
    return found


@dataclass(frozen=True)
class Group:
    entry_type: EntryType
    entries: tuple[Entry, ...]


def by_type(entries: Sequence[Entry]) -> list[Group]:
    """Entries grouped by type (webinars, events, guides, pages), each newest first, then by title."""
    groups = []
    for entry_type in TYPE_ORDER:
        chosen = [e for e in entries if e.type is entry_type]
        chosen.sort(key=lambda e: e.title.casefold())
        chosen.sort(key=lambda e: e.date or _NO_DATE, reverse=True)
        if chosen:
            groups.append(Group(entry_type, tuple(chosen)))
    return groups
