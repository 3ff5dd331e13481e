"""What an entry's page tells Pagefind: that its article is the indexed body, its filters and metadata.

Filter values are in the page's language (each language has its own index).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from cercle.core import i18n
from cercle.core.catalog import Catalog, Entry
from cercle.core.models import localized

FILTERS = ("type", "topic", "speaker", "year")
# Material's <article> that holds the page's content: Pagefind indexes it and nothing else.
_ARTICLE = re.compile(r"""<article\b[^>]*\bclass=["'][^"']*\bmd-content__inner\b[^"']*["'][^>]*>""")


@dataclass(frozen=True)
class SearchFields:
    filters: tuple[tuple[str, str], ...]
    meta: tuple[tuple[str, str], ...]
    sort: tuple[tuple[str, str], ...]


def search_fields(entry: Entry, catalog: Catalog) -> SearchFields:
    lang, default = entry.lang, catalog.languages[0]
    filters = [("type", i18n.ui(lang, entry.type.value))]
    for topic_id in entry.meta.topics:
        topic = catalog.topics.get(topic_id)
        filters.append(("topic", localized(topic.label, lang, default) if topic else topic_id))
    for speaker_id in entry.speaker_ids:
        speaker = catalog.speakers.get(speaker_id)
        filters.append(("speaker", speaker.name if speaker else speaker_id))
    # `lang`: a result from another language's index says its language (lang="…").
    meta = [("title", entry.title), ("type", i18n.ui(lang, entry.type.value)), ("lang", lang)]
    sort = []
    if entry.date:
        filters.append(("year", str(entry.date.year)))
        meta.append(("date", i18n.format_date(entry.date, lang, "long")))
        meta.append(("datetime", entry.date.isoformat()))  # a result's <time datetime>
        sort.append(("date", entry.date.isoformat()))
    return SearchFields(tuple(filters), tuple(meta), tuple(sort))


def fields_html(fields: SearchFields) -> str:
    """Hidden, not indexed as text, but read by Pagefind for filters, metadata and sorting."""
    spans = [f'<span data-pagefind-filter="{escape(k)}">{escape(v)}</span>' for k, v in fields.filters]
    spans += [f'<span data-pagefind-meta="{escape(k)}">{escape(v)}</span>' for k, v in fields.meta]
    spans += [f'<span data-pagefind-sort="{escape(k)}">{escape(v)}</span>' for k, v in fields.sort]
    return '<div class="cercle-search-fields" hidden data-pagefind-ignore>' + "".join(spans) + "</div>"


def mark_for_index(html: str, fields: SearchFields) -> str | None:
    """The page with its article marked as Pagefind's body; None when the theme has no such article."""
    match = _ARTICLE.search(html)
    if not match:
        return None
    tag = match.group(0)
    marked = tag[:-1].rstrip("/") + " data-pagefind-body>" + fields_html(fields)
    return html[: match.start()] + marked + html[match.end() :]
