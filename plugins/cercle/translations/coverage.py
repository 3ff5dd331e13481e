"""Translation coverage of a Catalog, per type and section.

The original of a translation group is its entry in the site's first language (when it
has one, else its oldest entry); another language's entry is outdated when it last
changed before the original did, by more than TOGETHER: files changed within a minute of
each other were changed together (`cercle new --translation` writes both, a copy of a hub
gives each file the time it was copied, an editor saves all).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cercle.core.catalog import Catalog, Entry, TranslationGroup

DAY = 86400.0
TOGETHER = 60.0  # seconds


@dataclass
class Outdated:
    lang: str
    path: str
    original: str
    days: int


@dataclass
class GroupStatus:
    key: str
    files: dict[str, str]
    missing: list[str]
    outdated: list[Outdated]


@dataclass
class Section:
    """Entries of one type (and, for plain pages, one folder)."""

    type: str
    section: str
    groups: list[GroupStatus] = field(default_factory=list)

    @property
    def complete(self) -> int:
        return sum(not g.missing for g in self.groups)

    @property
    def incomplete(self) -> list[GroupStatus]:
        return [g for g in self.groups if g.missing]

    @property
    def outdated(self) -> list[Outdated]:
        return [item for g in self.groups for item in g.outdated]


@dataclass
class Coverage:
    languages: tuple[str, ...]
    sections: list[Section]

    def as_dict(self) -> dict[str, Any]:
        return {
            "languages": list(self.languages),
            "sections": [
                {
                    "type": s.type,
                    "section": s.section,
                    "complete": s.complete,
                    "entries": [
                        {
                            "key": g.key,
                            "files": g.files,
                            "missing": g.missing,
                            "outdated": [vars(o) for o in g.outdated],
                        }
                        for g in s.groups
                    ],
                }
                for s in self.sections
            ],
        }


def _section_of(entry: Entry) -> tuple[str, str]:
    """Typed entries count by type (their folders differ per language); plain pages by folder."""
    if entry.type.value != "page":
        return entry.type.value, ""
    return "page", entry.section


def _original(group: TranslationGroup, languages: tuple[str, ...], times: Mapping[str, float]) -> Entry:
    if languages[0] in group.entries:
        return group.entries[languages[0]]
    return min(group.entries.values(), key=lambda e: times.get(e.rel_path, 0.0))


def coverage(catalog: Catalog, times: Mapping[str, float]) -> Coverage:
    """Coverage of every translation group; `times` maps an entry's rel_path to its last change."""
    languages = catalog.languages
    sections: dict[tuple[str, str], Section] = {}
    for key in sorted(catalog.groups):
        group = catalog.groups[key]
        original = _original(group, languages, times)
        type_name, folder = _section_of(original)
        section = sections.setdefault((type_name, folder), Section(type_name, folder))
        outdated = []
        for lang, entry in sorted(group.entries.items()):
            if entry is original:
                continue
            lag = times.get(original.rel_path, 0.0) - times.get(entry.rel_path, 0.0)
            if lag > TOGETHER:
                outdated.append(Outdated(lang, entry.rel_path, original.rel_path, int(lag // DAY)))
        section.groups.append(
            GroupStatus(
                key=key,
                files={lang: e.rel_path for lang, e in sorted(group.entries.items())},
                missing=group.missing(languages),
                outdated=outdated,
            )
        )
    order = {"webinar": 0, "event": 1, "guide": 2, "page": 3}
    ordered = sorted(sections.values(), key=lambda s: (order.get(s.type, 9), s.section))
    return Coverage(languages, ordered)


def entry_times(catalog: Catalog, last: Mapping[Path, float]) -> dict[str, float]:
    """rel_path → last change, from `last_changed` results keyed by absolute path."""
    root = catalog.settings.content_dir
    return {e.rel_path: last.get(root / e.rel_path, 0.0) for e in catalog.entries}
