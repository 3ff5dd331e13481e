"""Find what raw HTML in one Markdown body would run or load, with the line it comes from.

The body is rendered with Python-Markdown first (the extensions MkDocs and the demo use),
so text in code spans and fenced code, which is escaped, is never reported, while HTML
made by Markdown itself (an image `![](https://…)`, attributes written with attr_list
`{ onclick=… }`) is. The HTML is read with the standard library's parser and the CSS of
`style` attributes and `<style>` elements with tinycss2; no regular expression decides
anything. A finding's line is where its URL, attribute or tag first appears in the body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import markdown
import tinycss2

EXTENSIONS = ["tables", "fenced_code", "attr_list", "md_in_html"]
# Elements that run script or change how every URL of the page resolves: never in a body.
FORBIDDEN = {"script", "base", "noscript"}
# Elements that show another document: only from this site or an allow-listed origin.
EMBEDS = {"iframe", "frame", "object", "embed", "applet", "portal"}
# Attributes whose URL the browser fetches on load (srcset-like ones are lists).
LOADS = {"src", "poster", "data", "background", "codebase", "archive"}
LISTS = {"srcset", "imagesrcset"}
HREF_LOADS = {"link", "image", "use", "feimage"}  # `href` fetched on load by these (SVG too)
# Attributes holding a URL that a click or a submit would follow (checked for javascript:).
NAVIGATES = {"href", "xlink:href", "action", "formaction", "src", "data", "ping"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
REMOTE_SCHEMES = {"http", "https", "ftp", "ws", "wss"}


@dataclass(frozen=True)
class Finding:
    code: str
    params: dict[str, str]
    needles: tuple[str, ...]  # what to look for in the source to give its line


def origin_of(url: str) -> str | None:
    """`https://host[:port]` of an absolute or protocol-relative URL; None for a local one."""
    url = "".join(ch for ch in url.strip() if ch > " ")
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError:
        return "invalid:" if "//" in url else None
    if parts.scheme.lower() not in REMOTE_SCHEMES or not host:
        return None
    return f"{parts.scheme.lower()}://{host}" + (f":{port}" if port else "")


def css_urls(css: str, declarations: bool) -> list[str]:
    """Every URL a piece of CSS would fetch: url(…), @import "…", image-set("…")."""
    nodes = tinycss2.parse_blocks_contents(css) if declarations else tinycss2.parse_stylesheet(css)
    found: list[str] = []

    def walk(items: Iterable[Any] | None, in_function: bool = False) -> None:
        for node in items or ():
            kind = getattr(node, "type", "")
            if kind == "url" or (kind == "string" and in_function):
                found.append(node.value)
            elif kind == "function":
                walk(node.arguments, node.lower_name in ("url", "src", "image-set", "image"))
            elif kind == "at-rule":
                walk(node.prelude, node.lower_at_keyword == "import")
                walk(node.content)
            else:
                for part in ("prelude", "content", "value"):  # rules, blocks, declarations
                    child = getattr(node, part, None)
                    if isinstance(child, list):
                        walk(child)

    walk(nodes)
    return found


class _Scanner(HTMLParser):
    def __init__(self, allowed: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.findings: list[Finding] = []
        self._style: list[str] | None = None  # text of the <style> element being read

    def _remote(self, tag: str, attribute: str, url: str) -> bool:
        """Report `url` if it loads from a non-allowed origin; True when it is remote at all."""
        origin = origin_of(url)
        if origin is None:
            return False
        if origin not in self.allowed:
            params = {"tag": tag, "attribute": attribute, "url": url.strip()[:120], "origin": origin}
            self.findings.append(Finding("raw_html_remote", params, (url.strip(), origin.split("//")[-1])))
        return True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in FORBIDDEN:
            self.findings.append(Finding("raw_html_tag", {"tag": tag}, (f"<{tag}",)))
            return
        for name, value in values.items():
            if name.startswith("on"):
                params = {"tag": tag, "attribute": name}
                self.findings.append(Finding("raw_html_handler", params, (f"{name}=", name)))
            elif name in NAVIGATES or name in LOADS:
                flat = "".join(ch for ch in value if ch > " ").lower()
                scheme = next((s for s in SCRIPT_SCHEMES if flat.startswith(s)), None)
                if scheme:
                    params = {"tag": tag, "attribute": name, "scheme": scheme.rstrip(":")}
                    self.findings.append(Finding("raw_html_script_url", params, (scheme, "script:", name)))
                    continue
            if name in LOADS or (name in ("href", "xlink:href") and tag in HREF_LOADS):
                self._remote(tag, name, value)
            elif name in LISTS:
                for candidate in value.split(","):
                    if candidate.strip():
                        self._remote(tag, name, candidate.split()[0])
            elif name == "style":
                for url in css_urls(value, declarations=True):
                    self._remote(tag, name, url)
        if tag in EMBEDS:
            source = values.get("src") or values.get("data") or values.get("code") or ""
            if "srcdoc" in values or not source.strip():
                self.findings.append(Finding("raw_html_embed", {"tag": tag}, ("srcdoc", f"<{tag}")))
        if tag == "style":
            self._style = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._style = None

    def handle_data(self, data: str) -> None:
        if self._style is not None:
            self._style.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style is not None:
            for url in css_urls("".join(self._style), declarations=False):
                self._remote("style", "url()", url)
            self._style = None


def _might_have_html(body: str) -> bool:
    """Cheap test: a body without these characters renders to nothing this check reports."""
    lowered = body.lower()
    return "<" in body or "![" in body or "{" in body or "script:" in lowered


_markdown = markdown.Markdown(extensions=EXTENSIONS)


def scan(body: str, allowed: frozenset[str]) -> list[tuple[int, Finding]]:
    """(line within the body, 0-based; finding) for everything `body` would run or load."""
    if not _might_have_html(body):
        return []
    _markdown.reset()
    scanner = _Scanner(allowed)
    scanner.feed(_markdown.convert(body))
    scanner.close()
    lines = [line.lower() for line in body.splitlines()] or [""]
    # Findings come in the order of the source: look from the previous one's line on, then
    # from the top (attr_list puts an element's attributes after its text).
    located, cursor = [], 0
    for finding in scanner.findings:
        line = None
        for needle in (n.lower() for n in finding.needles if n):
            for start in dict.fromkeys((cursor, 0)):
                line = next((i for i in range(start, len(lines)) if needle in lines[i]), None)
                if line is not None:
                    break
            if line is not None:
                break
        cursor = line if line is not None else cursor
        located.append((line or 0, finding))
    return located
