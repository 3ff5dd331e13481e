"""A WordPress export (WXR: RSS with the wp:, content:, excerpt: namespaces) → one Draft per post or page.

Attachments, menus and other item types are skipped; drafts and private posts import with
`draft: true`.
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET

from cercle.importer.draft import Draft
from cercle.importer.guess import Guess, guess_description
from cercle.importer.html import from_html

CONTENT = "http://purl.org/rss/1.0/modules/content/"
EXCERPT_PREFIX = "http://wordpress.org/export/"


class NotWxr(ValueError):
    """The file is not a WordPress export; the message says why (with the XML error's line)."""


def _namespaces(data: bytes) -> dict[str, str]:
    found: dict[str, str] = {}
    for _event, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=["start-ns"]):
        found.setdefault(prefix, uri)
    return found


def _text(item: ET.Element, tag: str) -> str:
    node = item.find(tag)
    return (node.text or "").strip() if node is not None and node.text else ""


def is_wxr(data: bytes) -> bool:
    head = data[:4000].decode("utf-8", "replace")
    return "<rss" in head and "wordpress.org/export" in head


def from_wxr(data: bytes, source: str, known: dict[str, str], year: int | None = None) -> list[Draft]:
    try:
        ns = _namespaces(data)
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise NotWxr(f"line {exc.position[0]}: {exc}") from None
    wp = ns.get("wp", "")
    if not wp.startswith(EXCERPT_PREFIX):
        raise NotWxr("no wp: namespace")
    excerpt = ns.get("excerpt", f"{wp}excerpt/")
    drafts = []
    for item in root.iter("item"):
        post_type = _text(item, f"{{{wp}}}post_type") or "post"
        if post_type not in ("post", "page"):
            continue
        title = _text(item, "title")
        stamp = _text(item, f"{{{wp}}}post_date")[:10]
        date = None
        try:
            if stamp and stamp != "0000-00-00":
                date = Guess(dt.date.fromisoformat(stamp), f"wp:post_date {stamp}")
        except ValueError:
            date = None
        name = _text(item, f"{{{wp}}}post_name") or title
        draft = from_html(
            _text(item, f"{{{CONTENT}}}encoded"),
            f"{source} ({name})",
            known,
            year,
            title=title or None,
            date=date,
        )
        summary = _text(item, f"{{{excerpt}}}encoded")
        if summary:
            short = " ".join(summary.split())
            draft.description = (
                short if len(short) <= 200 else guess_description([short]) or draft.description
            )
        draft.tags = [
            (node.text or "").strip()
            for node in item.findall("category")
            if node.get("domain") in ("post_tag", "category") and (node.text or "").strip()
        ]
        draft.tags = list(
            dict.fromkeys(t for t in draft.tags if t.lower() not in ("uncategorized", "non classé"))
        )
        if post_type == "page":
            draft.kind, draft.kind_source = "page", ""
        draft.draft = _text(item, f"{{{wp}}}status") not in ("publish", "")
        drafts.append(draft)
    return drafts
