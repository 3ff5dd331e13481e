"""The Catalog's model and queries: entries, translation groups, intros and their indexes.

Built by cercle.core.catalog.loading; features only read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cercle.core.errors import Report
from cercle.core.models import EntryMeta, EntryType, EventMeta
from cercle.core.registry_models import Speaker, Topic
from cercle.core.settings import HubSettings


@dataclass(eq=False)
class Entry:
    """One published page of content/ in one language."""

    rel_path: str
    lang: str
    section: str
    slug: str
    type: EntryType
    meta: EntryMeta
    body: str
    body_line: int
    url: str
    translation_key: str
    lines: Mapping[tuple[str | int, ...], int] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def date(self) -> dt.date | None:
        return self.meta.date

    @property
    def event(self) -> EventMeta | None:
        return self.meta if isinstance(self.meta, EventMeta) else None

    @property
    def speaker_ids(self) -> list[str]:
        return list(self.event.speakers) if self.event else []

    def line_of(self, *path: str | int) -> int:
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1

    def is_upcoming(self, today: dt.date) -> bool:
        return self.type.is_event_like and self.date is not None and self.date >= today


@dataclass
class TranslationGroup:
    """The same content in several languages."""

    key: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def missing(self, languages: Iterable[str]) -> list[str]:
        return [lang for lang in languages if lang not in self.entries]


@dataclass
class Intro:
    """An index.md placed where a generated page lives: its title and text head that page."""

    rel_path: str
    lang: str
    url: str
    meta: EntryMeta
    body: str


@dataclass
class Catalog:
    settings: HubSettings
    entries: list[Entry] = field(default_factory=list)
    intros: dict[str, Intro] = field(default_factory=dict)
    groups: dict[str, TranslationGroup] = field(default_factory=dict)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    files_read: int = 0

    @property
    def languages(self) -> tuple[str, ...]:
        return self.settings.languages

    def by_path(self, rel_path: str) -> Entry | None:
        return self._by_path.get(rel_path)

    def index(self) -> None:
        self._by_path = {e.rel_path: e for e in self.entries}
        self._by_lang: dict[str, list[Entry]] = {}
        self._by_topic: dict[tuple[str, str], list[Entry]] = {}
        self._by_speaker: dict[tuple[str, str], list[Entry]] = {}
        self.groups = {}
        for entry in self.entries:
            group = self.groups.setdefault(entry.translation_key, TranslationGroup(entry.translation_key))
            group.entries.setdefault(entry.lang, entry)
            self._by_lang.setdefault(entry.lang, []).append(entry)
            for topic in entry.meta.topics:
                self._by_topic.setdefault((entry.lang, topic), []).append(entry)
            for speaker in entry.speaker_ids:
                self._by_speaker.setdefault((entry.lang, speaker), []).append(entry)
        self._newest_by_topic = {key: _newest_first(found) for key, found in self._by_topic.items()}
        self._indexed = len(self.entries)

    def translations(self, entry: Entry) -> dict[str, Entry]:
        return dict(self.groups[entry.translation_key].entries)

    def in_language(self, lang: str, *types: EntryType) -> list[Entry]:
        # Called by every listing, topic and speaker page: use the index unless entries changed since.
        if getattr(self, "_indexed", -1) == len(self.entries):
            entries = self._by_lang.get(lang, [])
            return [e for e in entries if e.type in types] if types else list(entries)
        return [e for e in self.entries if e.lang == lang and (not types or e.type in types)]

    def with_topic(self, lang: str, topic_id: str) -> list[Entry]:
        if getattr(self, "_indexed", -1) == len(self.entries):
            return list(self._by_topic.get((lang, topic_id), []))
        return [e for e in self.in_language(lang) if topic_id in e.meta.topics]

    def newest_with_topic(self, lang: str, topic_id: str, limit: int) -> list[Entry]:
        """The `limit` most recent entries of a topic (undated ones last)."""
        if getattr(self, "_indexed", -1) == len(self.entries):
            return self._newest_by_topic.get((lang, topic_id), [])[:limit]
        return _newest_first(self.with_topic(lang, topic_id))[:limit]

    def with_speaker(self, lang: str, speaker_id: str) -> list[Entry]:
        if getattr(self, "_indexed", -1) == len(self.entries):
            return list(self._by_speaker.get((lang, speaker_id), []))
        return [e for e in self.in_language(lang) if speaker_id in e.speaker_ids]


def _newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (-(e.date.toordinal() if e.date else 0), e.rel_path))
