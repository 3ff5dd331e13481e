"""French typography: the no-break spaces French puts before ; ! ? : and inside « ».

One engine-agnostic function, `fix(text, lang)`, for plain strings (titles, descriptions,
cards, feeds, calendars, UI strings), and `fix_html(html, lang)` that applies it to the text
of rendered HTML only: never inside a tag, an attribute, code, a script or a URL written
in the text. Other languages are returned unchanged.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from cercle.core.langtags import primary_language

NNBSP = "\u202f"  # narrow no-break space: before ; ! ?
NBSP = "\u00a0"  # no-break space: before : and inside « »

_SPACES = "[ \t\u00a0\u202f]"
# Addresses written in text keep their punctuation as it is (https://x.org/?a=1).
# HTML character references (&para; &#160;) are kept whole too.
# A scheme and an address's local part are bounded (32 and 64 characters, RFC 5321's): an
# unbounded run is tried again from each of its characters, so one long "word" in content
# (which arrives by pull request) cost quadratic time: 14 s for 50,000 letters. The bounds
# change nothing a reader sees: such a run holds no sign the rules act on.
_URL = re.compile(
    r"(?:[a-z][a-z0-9+.-]{0,31}://|www\.|mailto:)\S+|[\w.+-]{1,64}@[\w-]+\.[\w.-]+|&#?[a-zA-Z0-9]+;",
    re.IGNORECASE,
)
# Each rule with the signs it needs: a text without them skips it (no rule adds a sign).
_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # A space already there becomes the right no-break space.
    (";!?", re.compile(rf"{_SPACES}+([;!?])"), NNBSP + r"\1"),
    (":", re.compile(rf"{_SPACES}+:"), NBSP + ":"),
    # Missing after a word: added only where the sign ends a clause (not "a;b", "12:30").
    (";!?", re.compile(r"(?<=[\w»)\]’”])([;!?])(?=\s|$|[»”’)\]!?.…])"), NNBSP + r"\1"),
    (":", re.compile(r"(?<=[^\W\d_])(:)(?=\s|$)"), NBSP + r"\1"),
    ("«", re.compile(rf"«{_SPACES}*"), "«" + NBSP),
    ("»", re.compile(rf"{_SPACES}*»"), NBSP + "»"),
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def applies(lang: str | None) -> bool:
    return bool(lang and primary_language(lang) == "fr")


def _fix_prose(text: str) -> str:
    for signs, pattern, replacement in _RULES:
        for sign in signs:
            if sign in text:
                text = pattern.sub(replacement, text)
                break
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


# One token of HTML: a comment, a whole raw element (code, script…), or a tag whose quoted
# attribute values may hold ">". Text is what lies between tokens.
_RAW = ("code", "pre", "kbd", "samp", "script", "style", "textarea", "var")
_ATTRS = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
_TOKEN = re.compile(
    rf"<!--.*?-->|<({'|'.join(_RAW)})\b{_ATTRS}>.*?</\1\s*>|<[a-zA-Z/!?]{_ATTRS}>",
    re.DOTALL | re.IGNORECASE,
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
# One attribute of a tag, from the whitespace before it: walked one by one, so that a
# `lang=` inside another attribute's quoted value (`title="a lang=en"`) is read as the text it is.
_ATTRIBUTE = re.compile(r"""\s*(?:([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|/(?!>))""")
_TRIGGER = re.compile(r"[;:!?«»]")

# Most of a page is tags and text without ; : ! ? « »: nothing `fix_html` does changes for
# them, but a Python step per tag made it half of a page's post-processing. `_skip(names)`
# matches, in one call, a run of such text each followed by a token that changes nothing:
# a comment, a raw element, or a tag that neither names an open `lang` element (`names`) nor
# may carry `lang` (a ` lang=` anywhere in it, even in a quoted value, stops the run: the walk
# then reads the tag's attributes one by one, `_lang`).
# Tokens are the ones `_TOKEN` finds, at the same places (same alternatives, same order;
# each tag has one way to match, so its end is the same; atomic: a comment or raw element
# is never stretched to a later end to go on); anything else stops the run.
_NO_LANG = r"\s(?!lang\s*=)"
_PLAIN_TAG = rf"(?:[^>\"'\s]++|{_NO_LANG}|\"(?:[^\"\s]++|{_NO_LANG})*+\"|'(?:[^'\s]++|{_NO_LANG})*+')*+>"


@functools.lru_cache(maxsize=64)
def _skip(names: frozenset[str]) -> re.Pattern[str]:
    named = "|".join(sorted(map(re.escape, names))) or "(?!)"
    # One alternative per raw element: a group in an atomic group trips `re` (3.11).
    raw = "".join(rf"|<{name}\b{_ATTRS}>.*?</{name}\s*>" for name in _RAW)
    return re.compile(
        rf"(?:[^<;:!?«»]*+(?><!--.*?-->{raw}"
        rf"|<(?!/?(?:{named})(?![a-zA-Z0-9-]))[a-zA-Z/!?]{_PLAIN_TAG}))*+",
        re.DOTALL | re.IGNORECASE,
    )


def fix_html(html: str, lang: str | None) -> str:
    """Rendered HTML with `fix` applied to its French text only: tags, attributes, comments
    and code are copied as they are. On a French page an element marked with another `lang`
    (a quote in English) is left alone; on a page in another language, only the elements
    marked French are fixed (a French deck's text or transcript on an English page)."""
    page_french = applies(lang)
    if not html or not (page_french or _holds_french_parts(html)):
        return html
    out: list[str] = []
    stack: list[list[Any]] = []  # [tag name, French?, depth] of the elements that carry `lang`
    last = 0
    skip = _skip(frozenset())  # again each time the stack changes: it depends on its names
    while True:
        run = skip.match(html, last)
        skipped = run.end() if run else last  # the pattern matches the empty string too
        if skipped > last:  # copied as it is: it holds no sign to fix and changes no `lang`
            out.append(html[last:skipped])
            last = skipped
        match = _TOKEN.search(html, last)
        if match is None:
            break
        text = html[last : match.start()]
        french = stack[-1][1] if stack else page_french
        out.append(fix(text, "fr") if french and _TRIGGER.search(text) else text)
        token = match.group(0)
        out.append(token)
        last = match.end()
        tag = _TAG.match(token)
        if tag is None or match.group(1) or token.endswith("/>"):
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in _VOID:
            continue
        for entry in stack:
            if entry[0] == name:
                entry[2] += -1 if closing else 1
        size = len(stack)
        while stack and stack[-1][2] <= 0:
            stack.pop()
        found = None if closing else _lang(token, tag.end())
        if found is not None:
            stack.append([name, applies(found), 1])
        if found is not None or len(stack) != size:
            skip = _skip(frozenset(entry[0] for entry in stack))
    tail = html[last:]
    french = stack[-1][1] if stack else page_french
    out.append(fix(tail, "fr") if french and _TRIGGER.search(tail) else tail)
    return "".join(out)


def _lang(tag: str, at: int) -> str | None:
    """The value of the tag's own `lang` attribute (from `at`, after its name); None: none."""
    while attribute := _ATTRIBUTE.match(tag, at):
        if (attribute.group(1) or "").lower() == "lang":
            return next((value for value in attribute.groups()[1:] if value is not None), "")
        at = attribute.end()
    return None


# Material's language switcher marks its French link on every page of another language: that
# one holds no sign to fix, and one search of the page costs far less than walking it (~2 ms).
_SWITCHER = 'lang="fr" class="md-select__link'
_FRENCH_MARK = re.compile(r"""\slang\s*=\s*["']?fr""", re.IGNORECASE)  # may over-count: never wrong


def _holds_french_parts(html: str) -> bool:
    """Whether a page in another language marks something French besides its switcher's link
    (a page with more such links is walked: slower, never wrong)."""
    return len(_FRENCH_MARK.findall(html)) > html.count(_SWITCHER)
