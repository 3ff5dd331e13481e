"""An entry's transcript page (<entry>/transcript/): what it takes from the entry.

Its search record is the entry's (same filters, so filtering by type, topic or speaker keeps
"who said…" results) under the title "Transcript: <title>". Its stylesheets and <body> are
the theme's, rendered for its own address (cercle.mkdocs.webinar), not read from the entry
page's HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from cercle.search.fields import SearchFields


def transcript_fields(fields: SearchFields, t: Callable[..., str]) -> SearchFields:
    """The entry's search fields with the transcript page's title."""
    meta = tuple(
        (key, t("transcript_page", title=value) if key == "title" else value) for key, value in fields.meta
    )
    return replace(fields, meta=meta)
