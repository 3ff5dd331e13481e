"""Find every link and image of a Markdown body with Python-Markdown, the parser MkDocs uses.

A tree processor collects `a[href]` and `img[src]` from the element tree (reference-style
links resolved, code left out since it holds no elements) and raw HTML `<a href>` and
`<img src>` from the HTML stash (fenced code sits there escaped, so it yields nothing).
Elements carry no source line: each URL is found again in the body with code blanked
out, the n-th link to a URL at its n-th place (a reference definition's line otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html import escape, unescape
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from cercle.bodylinks.source import LineIndex, mask_code

# Markdown syntax a hub's pages commonly use: enough to read links and ids as MkDocs does.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html",
              "tables", "toc"]  # fmt: skip
ATTRIBUTE = {"a": "href", "img": "src"}  # the attribute holding the path, by tag


@dataclass(frozen=True)
class Link:
    """One link (`a`) or image (`img`) of a body: its URL as written and its line in the body (1-based)."""

    tag: str
    url: str
    line: int
    raw_html: bool = False


@dataclass
class Scan:
    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _RawHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag in ATTRIBUTE and values.get(ATTRIBUTE[tag]) is not None:
            self.found.append((tag, str(values[ATTRIBUTE[tag]])))


def raw_html_links(html: str) -> tuple[list[tuple[str, str]], set[str]]:
    """(tag, url) of every `<a href>` / `<img src>` in an HTML fragment, and its ids."""
    parser = _RawHtml()
    parser.feed(html)
    parser.close()
    return parser.found, parser.ids


class _Collect(Treeprocessor):  # type: ignore[misc]  # Python-Markdown ships no type information
    def __init__(self, md: markdown.Markdown, scan: _Collected) -> None:
        super().__init__(md)
        self.scan = scan

    def run(self, root: Element) -> None:
        unescape = self.md.treeprocessors["unescape"].unescape
        for element in root.iter():
            if element.get("id"):
                self.scan.ids.add(unescape(str(element.get("id"))))
            name = ATTRIBUTE.get(str(element.tag))
            if name and element.get(name) is not None:
                self.scan.found.append((str(element.tag), unescape(str(element.get(name))), False))
        for block in self.md.htmlStash.rawHtmlBlocks:
            links, ids = raw_html_links(str(block))
            self.scan.found.extend((tag, url, True) for tag, url in links)
            self.scan.ids |= ids


@dataclass
class _Collected:
    found: list[tuple[str, str, bool]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _CollectExtension(Extension):  # type: ignore[misc]  # Python-Markdown ships no type information
    def __init__(self, scan: _Collected) -> None:
        super().__init__()
        self.scan = scan

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Collect(md, self.scan), "cercle_collect_links", 1)


@cache
def _parser() -> tuple[markdown.Markdown, _Collected]:
    # One parser for every body (reset between them): loading the extensions costs more than a page.
    collected = _Collected()
    return markdown.Markdown(extensions=[*EXTENSIONS, _CollectExtension(collected)]), collected


# Nothing to check without one of these: an inline link or image, a reference definition, raw HTML.
_MAY_LINK = re.compile(r"\]\(|^[ \t]{0,3}\[[^\]\n]+\]:|<(?:a|img)\b", re.IGNORECASE | re.MULTILINE)


def may_link(body: str) -> bool:
    """False when `body` cannot hold a link or image to a file (the usual case: no parsing)."""
    # Every match holds `](`, `]:` or `<`: looked for first, as plain text (memchr, not the
    # regular expression's alternation at each character: 1.2 s at 10,000 entries a language).
    if "](" in body:
        return True
    return ("]:" in body or "<" in body) and _MAY_LINK.search(body) is not None


# Where a destination is written: `](url`, `](<url>)`, `[ref]: url`, `href="url"` / `src=url`.
_DESTINATION = re.compile(
    r"\]\(\s*(?:<(?P<angle>[^>\n]+)>|(?P<inline>[^\s)]+))|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<ref>[^\s>]+)"
    r"|(?<![\w-])(?:href|src)\s*=\s*[\"']?(?P<attr>[^\"'\s>]+)",
    re.IGNORECASE | re.MULTILINE,
)
_BACKSLASH = re.compile(r"\\([!-/:-@\[-`{-~])")
_SLOW_LOOKUPS = 200  # a URL written unusually is searched in the whole body, a bounded number of times


class _Places:
    """Offsets where each URL is written in a body (code blanked out), indexed in one pass."""

    def __init__(self, masked: str) -> None:
        self.masked, self.slow = masked, 0
        self.index: dict[str, list[int]] = {}
        for found in _DESTINATION.finditer(masked):
            group = found.lastgroup or "inline"
            written = _BACKSLASH.sub(r"\1", found.group(group))  # `a\_b` is the URL a_b
            self.index.setdefault(unescape(written), []).append(found.start(group))

    def of(self, url: str) -> list[int]:
        for written in dict.fromkeys((url, escape(url), url.replace(" ", "%20"))):
            if written in self.index:
                return self.index[written]
        if self.slow >= _SLOW_LOOKUPS:
            return []
        self.slow += 1
        found = [m.start() for m in re.finditer(re.escape(url), self.masked)]
        self.index[url] = found
        return found


def scan_body(body: str) -> Scan:
    """Every link and image of `body` with its line, and the ids its HTML will have."""
    md, collected = _parser()
    md.reset()
    collected.found, collected.ids = [], set()
    md.convert(body)
    scan = Scan(ids=collected.ids)
    masked = mask_code(body)
    line_of = LineIndex(masked)
    seen: dict[str, int] = {}
    places_of = _Places(masked)
    for tag, url, raw in collected.found:
        places = places_of.of(url)
        nth = seen.get(url, 0)
        seen[url] = nth + 1
        offset = places[min(nth, len(places) - 1)] if places else 0
        scan.links.append(Link(tag, url, line_of(offset) + 1, raw))
    return scan
