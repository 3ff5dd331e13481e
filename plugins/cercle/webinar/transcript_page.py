"""An entry's transcript page (<entry>/transcript/): what it borrows from the entry page.

The page is one folder below the entry, so the entry's relative stylesheet links get one
more "../"; its search record is the entry's (same filters, so filtering by type, topic or
speaker keeps "who said…" results) under the title "Transcript: <title>".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from cercle.search.fields import SearchFields

_HEAD = re.compile(r"<head\b.*?</head>", re.DOTALL | re.IGNORECASE)
_STYLESHEET = re.compile(r"""<link\b[^>]*\brel=["']?stylesheet\b[^>]*>""", re.IGNORECASE)
_HREF = re.compile(r"""(\bhref=["']?)([^"'\s>]+)""", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def _deeper(match: re.Match[str]) -> str:
    href = match.group(2)
    return match.group(1) + (href if _ABSOLUTE.match(href) else "../" + href)


def page_styles(entry_html: str) -> str:
    """The entry page's stylesheet links, pointing at the same files from one folder deeper."""
    head = _HEAD.search(entry_html)
    links = _STYLESHEET.findall(head.group(0)) if head else []
    return "\n".join(_HREF.sub(_deeper, link, count=1) for link in links)


def page_body(entry_html: str) -> str:
    """The entry page's <body> tag (Material's direction and palette attributes)."""
    match = _BODY.search(entry_html)
    return match.group(0) if match else "<body>"


def transcript_fields(fields: SearchFields, t: Callable[..., str]) -> SearchFields:
    """The entry's search fields with the transcript page's title."""
    meta = tuple(
        (key, t("transcript_page", title=value) if key == "title" else value) for key, value in fields.meta
    )
    return replace(fields, meta=meta)
