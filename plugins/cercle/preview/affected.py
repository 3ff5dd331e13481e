"""Which pages an edit of content/ changes: what `cercle serve` renders again, and only that.

Engine-agnostic: compares the Hub of the last good build with the Hub of the edited
sources. An edited entry is shown by its own page, its translations' pages (language
switcher, alternates), the generated pages of its language that list it (home, its type's
listing, its topics' and speakers' pages, their indexes, "to share", the site map) and the
related-entries block of entries sharing a topic with it, before the edit or after it. When
only its text changed (not its front matter), its own page alone: other pages show front
matter only. What changes the site's structure (pages added or removed, a listing's address, a heading page's
title in every menu) returns None: a full rebuild is the only sure answer then.
"""

from __future__ import annotations

from collections.abc import Iterable

from cercle.core.catalog import Entry
from cercle.hub.pages import GeneratedPage, Kind
from cercle.hub.view import Hub
from cercle.webinar.related import related_entries

# Generated pages that show entries of their language whatever the entry's type or subject.
_LISTING_ALL = {Kind.HOME, Kind.TO_SHARE, Kind.SITEMAP, Kind.TOPICS, Kind.SPEAKERS}

__all__ = ["affected_pages"]


def affected_pages(before: Hub, after: Hub, edited: Iterable[str]) -> set[str] | None:
    """Source paths (relative to content/, as MkDocs names pages) of the pages whose HTML the
    `edited` files (relative to content/) change, or None when only a full rebuild is right."""
    if _structure(before) != _structure(after):
        return None
    intros = {i.rel_path for hub in (before, after) for i in hub.catalog.intros.values()}
    pages: set[str] = set()
    for rel in edited:
        if rel in intros:  # heads a generated page: its title is in every page's menu
            return None
        old, new = before.entry_by_src.get(rel), after.entry_by_src.get(rel)
        if old is not None and new is not None and _same_but_body(old, new):
            pages.add(rel)  # other pages show an entry's front matter, never its text
            continue
        for hub in (before, after):
            entry = hub.entry_by_src.get(rel)
            if entry is not None:  # else a draft, not published before or after
                pages |= _showing(hub, entry)
        pages |= _related_changed(before, after, rel)
    return pages


def _same_but_body(old: Entry, new: Entry) -> bool:
    """Only the text changed (the usual save while writing): the front matter is the same."""
    fields = ("lang", "section", "slug", "type", "url", "translation_key")
    return old.meta == new.meta and all(getattr(old, f) == getattr(new, f) for f in fields)


def _structure(hub: Hub) -> tuple[object, ...]:
    """What every page depends on: the pages that exist, where, and their menu titles."""
    entries = sorted((e.rel_path, e.url) for e in hub.catalog.entries)
    generated = [(p.src_uri, p.url, p.title, p.key) for p in hub.pages]
    return tuple(entries), tuple(generated)


def _showing(hub: Hub, entry: Entry) -> set[str]:
    """The entry's page, its translations' and the generated pages listing it, in this Hub."""
    pages = {entry.rel_path}
    pages |= {other.rel_path for other in hub.catalog.translations(entry).values()}
    pages |= {p.src_uri for p in hub.pages if p.lang == entry.lang and _lists(p, entry)}
    return pages


def _lists(page: GeneratedPage, entry: Entry) -> bool:
    if page.kind in _LISTING_ALL:
        return True
    if page.kind is Kind.LISTING:
        return page.entry_type == entry.type
    if page.kind is Kind.TOPIC:
        return page.subject in entry.meta.topics
    if page.kind is Kind.SPEAKER:
        return page.subject in entry.speaker_ids
    return False  # the root chooser, the accessibility statement, the privacy page


def _related_changed(before: Hub, after: Hub, rel: str) -> set[str]:
    """Entries whose related-entries block shows `rel` before or after, or changes at all:
    only entries sharing one of its topics (before or after) can be among them."""
    changed: set[str] = set()
    candidates: set[str] = set()
    for hub in (before, after):
        entry = hub.entry_by_src.get(rel)
        if entry is not None:
            for topic in entry.meta.topics:
                candidates |= {e.rel_path for e in hub.catalog.with_topic(entry.lang, topic)}
    for src in candidates - {rel}:
        old, new = before.entry_by_src.get(src), after.entry_by_src.get(src)
        if not any(e is not None and e.type.is_event_like for e in (old, new)):
            continue  # only event-like pages show the block (cercle/event.html)
        shown_before = [e.rel_path for e in related_entries(before.catalog, old)] if old else []
        shown_after = [e.rel_path for e in related_entries(after.catalog, new)] if new else []
        if shown_before != shown_after or rel in shown_before:
            changed.add(src)
    return changed
