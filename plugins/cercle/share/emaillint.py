"""A small HTML email lint: what mail clients need, checked offline (no online linter exists).

No <style>, <link> or <script> (clients drop them: the CSS must be inlined); layout by tables
only (no div, flex or grid); every image with width and alt; nothing wider than 600 px; every
link and image absolute (https:, or mailto: for links).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_WIDTH = 600
FORBIDDEN_TAGS = frozenset({"style", "link", "script", "div", "section", "article", "iframe", "form"})
_PX = re.compile(r"(?:^|;)\s*(?:max-)?width\s*:\s*(\d+)px", re.IGNORECASE)
_LAYOUT = re.compile(r"display\s*:\s*(?:flex|grid|inline-flex|inline-grid)", re.IGNORECASE)


class _Lint(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        where = f"<{tag}> at line {self.getpos()[0]}"
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"{where}: not allowed in an email")
        if tag == "table":
            self.tables += 1
        style = found.get("style", "")
        if _LAYOUT.search(style):
            self.problems.append(f"{where}: flex or grid layout (use tables)")
        widths = [int(w) for w in _PX.findall(style)]
        if found.get("width", "").isdigit():
            widths.append(int(found["width"]))
        if any(w > MAX_WIDTH for w in widths):
            self.problems.append(f"{where}: wider than {MAX_WIDTH} px")
        if tag == "img":
            for needed in ("width", "alt"):
                if needed not in found:
                    self.problems.append(f"{where}: no {needed} attribute")
        for name in ("href", "src", "background"):
            value = found.get(name)
            if value is None:
                continue
            allowed = ("https://", "mailto:") if name == "href" else ("https://",)
            if not value.startswith(allowed):
                self.problems.append(f'{where}: {name}="{value}" is not an absolute https address')


def lint_email(html: str) -> list[str]:
    """Every problem of an HTML email, each as one line; an empty list when it is fine."""
    lint = _Lint()
    lint.feed(html)
    lint.close()
    if lint.tables == 0:
        lint.problems.append("no table: lay the email out with tables")
    return lint.problems
