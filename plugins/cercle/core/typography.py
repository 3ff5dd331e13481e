"""French typography: the no-break spaces French puts before ; ! ? : and inside « ».

One engine-agnostic function, `fix(text, lang)`, for plain strings (titles, descriptions,
cards, feeds, calendars, UI strings), and `fix_html(html, lang)` that applies it to the text
of rendered HTML only: never inside a tag, an attribute, code, a script or a URL written
in the text. Other languages are returned unchanged.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

NNBSP = "\u202f"  # narrow no-break space: before ; ! ?
NBSP = "\u00a0"  # no-break space: before : and inside « »

_SPACES = "[ \t\u00a0\u202f]"
# Addresses written in text keep their punctuation as it is (https://x.org/?a=1).
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # A space already there becomes the right no-break space.
    (re.compile(rf"{_SPACES}+([;!?])"), NNBSP + r"\1"),
    (re.compile(rf"{_SPACES}+:"), NBSP + ":"),
    # Missing after a word: added only where the sign ends a clause (not "a;b", "12:30").
    (re.compile(r"(?<=[\w»)\]’”])([;!?])(?=\s|$|[»”’)\]!?.…])"), NNBSP + r"\1"),
    (re.compile(r"(?<=[^\W\d_])(:)(?=\s|$)"), NBSP + r"\1"),
    (re.compile(rf"«{_SPACES}*"), "«" + NBSP),
    (re.compile(rf"{_SPACES}*»"), NBSP + "»"),
)
# Elements whose text is code or not prose.
_RAW = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "var"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def applies(lang: str | None) -> bool:
    return bool(lang) and lang.split("-")[0].lower() == "fr"


def _fix_prose(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def fix(text: str, lang: str | None) -> str:
    """`text` with French no-break spaces when `lang` is French (addresses untouched)."""
    if not text or not applies(lang):
        return text
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(_fix_prose(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_fix_prose(text[last:]))
    return "".join(out)


class _TextFixer(HTMLParser):
    """Copies HTML as it is, fixing only French text outside code: tags and attributes are
    kept verbatim, and an element marked with another `lang` is left alone."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=False)
        self.lang = lang
        self.out: list[str] = []
        self.raw_depth = 0
        self.stack: list[tuple[str, bool]] = []  # open elements and whether their text is French

    @property
    def french(self) -> bool:
        return self.stack[-1][1] if self.stack else True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in _RAW:
            self.raw_depth += 1
        if tag not in _VOID:
            lang = dict(attrs).get("lang")
            self.stack.append((tag, applies(lang) if lang is not None else self.french))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        if tag in _RAW and self.raw_depth:
            self.raw_depth -= 1
        if any(open_tag == tag for open_tag, _ in self.stack):  # close what HTML left open too
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.out.append(fix(data, self.lang) if self.french and not self.raw_depth else data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def fix_html(html: str, lang: str | None) -> str:
    """Rendered HTML with `fix` applied to its text nodes only (French pages)."""
    if not html or not applies(lang):
        return html
    parser = _TextFixer(lang or "")
    parser.feed(html)
    parser.close()
    if parser.rawdata:  # an unfinished construct at the end: keep it as it was
        parser.out.append(parser.rawdata)
    return "".join(parser.out)
