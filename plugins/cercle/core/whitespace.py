"""Rendered HTML without its runs of indentation whitespace (issue #18: page weight).

Templates indent their markup for people; readers download it. `collapse(html)` turns every
run of ASCII whitespace in text and between a tag's attributes into one character (a newline
when the run held one, else a space), so nothing that renders changes: HTML already shows a
run as one space, and a run is never removed, so inline elements keep their gap. Left as
they are: comments, elements whose whitespace matters (pre, code, textarea, script, style…)
and elements styled `white-space: pre-line` (PRE_LINE_CLASSES), and attribute values. No-break
spaces are not ASCII whitespace and stay. Deterministic and linear in the page's size.
"""

from __future__ import annotations

import re

# Elements styled `white-space: pre-line` whose newlines are content (the share block's posts,
# copied as they are shown): kept whole.
PRE_LINE_CLASSES = ("cercle-share__post",)

_ATTRS = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
_KEEP = re.compile(
    r"<!--.*?-->"
    rf"|<(pre|code|kbd|samp|script|style|textarea|xmp|listing|plaintext)\b{_ATTRS}>.*?</\1\s*>"
    rf"|<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bclass=\"[^\"]*\b(?:{'|'.join(map(re.escape, PRE_LINE_CLASSES))})\b"
    rf"[^\"]*\"{_ATTRS}>.*?</\2\s*>",
    re.DOTALL | re.IGNORECASE,
)
_TAG = re.compile(rf"<[a-zA-Z/!?]{_ATTRS}>")
_RUN = re.compile(r"[ \t\r\n\f]{2,}|[\t\r\f]")
_IN_TAG = re.compile(r"(\"[^\"]*\"|'[^']*')|[ \t\r\n\f]{2,}|[\t\r\n\f]")


def _one(match: re.Match[str]) -> str:
    return "\n" if "\n" in match.group(0) else " "


def _in_tag(match: re.Match[str]) -> str:
    return match.group(1) or " "


def _text_and_tags(html: str) -> str:
    out: list[str] = []
    last = 0
    for match in _TAG.finditer(html):
        out.append(_RUN.sub(_one, html[last : match.start()]))
        tag = match.group(0)
        out.append(_IN_TAG.sub(_in_tag, tag))
        last = match.end()
    out.append(_RUN.sub(_one, html[last:]))
    return "".join(out)


def collapse(html: str) -> str:
    """`html` with each whitespace run outside kept elements, comments and attribute values
    turned into one newline or space."""
    out: list[str] = []
    last = 0
    for match in _KEEP.finditer(html):
        out.append(_text_and_tags(html[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_text_and_tags(html[last:]))
    return "".join(out)
