"""Reading built HTML in tests: html5lib into an ElementTree, plus a few lookups."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib


def parse(path: Path) -> Element:
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def page(site: Path, url: str) -> Element:
    return parse(site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html")


def text(el: Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def by_class(root: Element, cls: str) -> list[Element]:
    return [el for el in root.iter() if cls in (el.get("class") or "").split()]


def hreflangs(root: Element) -> dict[str, str]:
    return {
        el.get("hreflang"): el.get("href")
        for el in root.iter("link")
        if el.get("rel") == "alternate" and el.get("hreflang")
    }


def switcher(root: Element) -> dict[str, Element]:
    return {a.get("hreflang"): a for a in by_class(root, "md-select__link")}


def nav_links(root: Element) -> list[str]:
    nav = next(el for el in root.iter("nav") if "md-nav--primary" in (el.get("class") or ""))
    return [a.get("href") for a in nav.iter("a") if "md-nav__link" in (a.get("class") or "")]


def unresolved_links(site: Path, url: str) -> tuple[int, list[str]]:
    """(how many, which do not lead to a file of `site`) of the relative links and images of a
    page's text (`<article>`), resolved from the page's address as a browser does."""
    import posixpath
    from urllib.parse import unquote, urlsplit

    article = next(page(site, url).iter("article"))
    base = url.strip("/")
    count, broken = 0, []
    for el in article.iter():
        value = el.get("href") if el.tag == "a" else el.get("src") if el.tag == "img" else None
        parts = urlsplit(value or "")
        if value is None or parts.scheme or parts.netloc or not parts.path:
            continue
        count += 1
        target = site / posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if not (target.is_file() or (target / "index.html").is_file()):
            broken.append(value)
    return count, broken


def is_redirect(path: Path) -> bool:
    """A static page left at a moved address (cercle.hub.redirects): not a page of the hub."""
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")
