"""A small Atom (RFC 4287) writer on the standard library's ElementTree, which escapes for XML."""

from __future__ import annotations

import datetime as dt
import functools
import mimetypes
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 forbids even escaped: dropped rather than producing an unreadable feed.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ET.register_namespace("", ATOM_NS)


@dataclass(frozen=True)
class Category:
    term: str
    label: str
    scheme: str | None = None


@dataclass(frozen=True)
class AtomEntry:
    id: str
    title: str
    link: str
    published: dt.datetime
    updated: dt.datetime
    summary: str | None = None
    categories: tuple[Category, ...] = ()
    contributors: tuple[str, ...] = ()
    image: str | None = None


@dataclass(frozen=True)
class AtomFeed:
    id: str
    title: str
    self_link: str
    alternate_link: str
    lang: str
    author: str
    updated: dt.datetime
    entries: tuple[AtomEntry, ...] = field(default_factory=tuple)
    generator: str = "Cercle"


def clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def timestamp(value: dt.datetime) -> str:
    """RFC 3339, as Atom requires: a naive datetime counts as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    text = value.isoformat(timespec="seconds")
    return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str | None) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: clean(v) for k, v in attrs.items() if v})
    if text is not None:
        el.text = clean(text)
    return el


def _link(parent: ET.Element, href: str, rel: str, type_: str | None = None, **attrs: str | None) -> None:
    _add(parent, "link", rel=rel, href=href, type=type_, **attrs)


def image_type(url: str) -> str:
    guessed, _ = mimetypes.guess_type(url.split("?")[0])
    return guessed or "image/png"


def _entry(root: ET.Element, entry: AtomEntry, lang: str) -> None:
    el = _add(root, "entry")
    _add(el, "id", entry.id)
    _add(el, "title", entry.title, type="text")
    _link(el, entry.link, "alternate", "text/html", hreflang=lang)
    _add(el, "published", timestamp(entry.published))
    _add(el, "updated", timestamp(entry.updated))
    for name in entry.contributors:
        _add(_add(el, "contributor"), "name", name)
    for category in entry.categories:
        _add(el, "category", term=category.term, label=category.label, scheme=category.scheme)
    if entry.summary:
        _add(el, "summary", entry.summary, type="text")
    if entry.image:
        _link(el, entry.image, "enclosure", image_type(entry.image))


# `cercle serve` rebuilds in one process: an unchanged feed (equal value) is not written out
# again; feeds are an eighth of an incremental rebuild. Bounded: a few feeds per language.
@functools.lru_cache(maxsize=32)
def render(feed: AtomFeed) -> bytes:
    """The feed as UTF-8 XML bytes; the same feed always gives the same bytes."""
    root = ET.Element(f"{{{ATOM_NS}}}feed", {XML_LANG: feed.lang})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title, type="text")
    _link(root, feed.self_link, "self", "application/atom+xml")
    _link(root, feed.alternate_link, "alternate", "text/html", hreflang=feed.lang)
    _add(root, "updated", timestamp(feed.updated))
    _add(_add(root, "author"), "name", feed.author)
    _add(root, "generator", feed.generator)
    for entry in feed.entries:
        _entry(root, entry, feed.lang)
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"
