"""Related entries: of the same language, sharing topics with an entry, most shared first."""

from __future__ import annotations

from cercle.core.catalog import Catalog, Entry

RELATED_LIMIT = 3
# Related entries are chosen among this many newest entries of each shared topic.
RELATED_POOL = 60


def related_entries(catalog: Catalog, entry: Entry) -> list[Entry]:
    """Entries of `entry`'s language sharing topics with it: most shared first, then newest.

    Also what `cercle serve` asks to know which pages show an edited entry in this block."""
    topics = set(entry.meta.topics)
    if not topics:
        return []
    # Candidates: the newest entries of each shared topic, from the Catalog's index, so a
    # page's cost does not grow with the archive.
    candidates = {
        id(e): e for topic in topics for e in catalog.newest_with_topic(entry.lang, topic, RELATED_POOL)
    }
    scored = []
    for other in candidates.values():
        shared = len(topics & set(other.meta.topics))
        if other is not entry and shared:
            scored.append((-shared, -(other.date.toordinal() if other.date else 0), other.rel_path, other))
    return [row[-1] for row in sorted(scored, key=lambda r: r[:3])[:RELATED_LIMIT]]
