"""The build's half of the rules: paths written relative to content/ become what MkDocs resolves.

A Python-Markdown tree processor, run before MkDocs' own (`relpath`, priority 0): an `a[href]`
or `img[src]` written relative to content/ gets its page-relative path, which MkDocs then turns
into a URL as usual. MkDocs leaves raw HTML alone, so an `<a href>` or `<img src>` there gets the
final address relative to the page's URL. `cercle check` has already refused what does not resolve.
"""

from __future__ import annotations

import posixpath
import re
from html import escape, unescape
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from cercle.bodylinks.resolve import Status, resolve
from cercle.bodylinks.scan import ATTRIBUTE
from cercle.bodylinks.targets import Targets, targets
from cercle.core.catalog import Catalog

_TAG = re.compile(r"<(a|img)\b[^>]*>", re.IGNORECASE)
_VALUE = r"((?<![\w-]){name}\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+)"


class BodyLinks(Extension):  # type: ignore[misc]  # Python-Markdown ships no type information
    """Rewrites body paths of the page being rendered; `for_page` says which page that is."""

    def __init__(self) -> None:
        super().__init__()
        self.catalog: Catalog | None = None
        self.targets = Targets()
        self.src = ""

    def for_page(self, catalog: Catalog, src: str) -> None:
        if catalog is not self.catalog:
            self.catalog, self.targets = catalog, targets(catalog)
        self.src = src

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Rewrite(md, self), "cercle_body_links", 2)

    def page_relative(self, url: str) -> str | None:
        """The page-relative form of a content-relative `url` (None: leave it as written)."""
        found = resolve(self.src, url, self.targets.files)
        return found.url if found.status is Status.REWRITE else None

    def url_relative(self, url: str) -> str | None:
        """The address of `url`'s file relative to the page's address, for raw HTML."""
        found = resolve(self.src, url, self.targets.files)
        if found.status not in (Status.FOUND, Status.REWRITE):
            return None
        base = posixpath.dirname(self.targets.url_of(self.src))
        target = self.targets.url_of(found.target)
        relative = posixpath.relpath(target or ".", base or ".")
        if target.endswith("/") or not target:
            relative = "./" if relative == "." else relative + "/"
        parts = urlsplit(url)
        return (
            relative
            + (f"?{parts.query}" if parts.query else "")
            + (f"#{parts.fragment}" if parts.fragment else "")
        )


class _Rewrite(Treeprocessor):  # type: ignore[misc]  # Python-Markdown ships no type information
    def __init__(self, md: markdown.Markdown, links: BodyLinks) -> None:
        super().__init__(md)
        self.links = links

    def run(self, root: Element) -> None:
        if not self.links.src:
            return
        for element in root.iter():
            name = ATTRIBUTE.get(str(element.tag))
            value = element.get(name) if name else None
            if name and value is not None:
                rewritten = self.links.page_relative(value)
                if rewritten is not None:
                    element.set(name, rewritten)
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(stash):
            if isinstance(block, str) and re.search(r"<(?:a|img)\b", block, re.IGNORECASE):
                stash[index] = _TAG.sub(self._tag, block)

    def _tag(self, tag: re.Match[str]) -> str:
        name = ATTRIBUTE[tag.group(1).lower()]

        def value(found: re.Match[str]) -> str:
            quoted = found.group(2)
            url = unescape(quoted.strip("\"'"))
            rewritten = self.links.url_relative(url)
            return found.group(0) if rewritten is None else f'{found.group(1)}"{escape(rewritten)}"'

        return re.sub(_VALUE.format(name=name), value, tag.group(0), count=1, flags=re.IGNORECASE)


def use_body_links(extensions: list[Any], catalog: Catalog, src: str) -> None:
    """Make the Markdown of page `src` go through BodyLinks (added to `extensions` the first time)."""
    found = next((e for e in extensions if isinstance(e, BodyLinks)), None)
    if found is None:
        found = BodyLinks()
        extensions.append(found)
    found.for_page(catalog, src)
