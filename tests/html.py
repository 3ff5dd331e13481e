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


def is_redirect(path: Path) -> bool:
    """A static page left at a moved address (cercle.hub.redirects): not a page of the hub."""
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")
