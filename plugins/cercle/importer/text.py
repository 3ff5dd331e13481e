"""Plain-text recaps (one paragraph a line, "- " lists, short lines as section titles) → a Draft."""

from __future__ import annotations

import re

from cercle.importer.draft import Draft
from cercle.importer.guess import (
    guess_date,
    guess_description,
    guess_kind,
    guess_questions,
    guess_speakers,
    guess_title,
)

_ITEM = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_END = (".", ":", ";", ",", "!", "…", "»", '"', "”")


def _escape(line: str) -> str:
    """Keep a line of text from being read as Markdown syntax it is not (#tag, > quote, 1. list)."""
    line = line.replace("<", "&lt;")
    if line.startswith(("#", ">", "+", "=")):
        return "\\" + line
    return re.sub(r"^(\d+)([.)]) ", r"\1\\\2 ", line)


def _is_heading(line: str, previous: str, following: str) -> bool:
    """A short line without final punctuation, followed by a longer paragraph: a section title."""
    text = line.strip()
    if not text or not following or _ITEM.match(text) or _ITEM.match(following):
        return False
    if previous.rstrip().endswith(":") or len(text) > 70 or text.endswith(_END):
        return False
    if text.endswith("?") and len(text) > 50:
        return False
    return len(following.strip()) > len(text) and text[:1].isupper()


def text_to_markdown(lines: list[str]) -> str:
    """One paragraph per line, lists kept, short title lines turned into `##` headings."""
    blocks: list[str] = []
    items: list[str] = []
    kept = [line.rstrip() for line in lines]
    for index, line in enumerate(kept):
        text = line.strip()
        if not text:
            continue
        if _ITEM.match(text):
            items.append("- " + _escape(_ITEM.sub("", text)))
            continue
        if items:
            blocks.append("\n".join(items))
            items = []
        previous = next((p for p in reversed(kept[:index]) if p.strip()), "")
        following = next((f for f in kept[index + 1 :] if f.strip()), "")
        if _is_heading(text, previous, following):
            blocks.append(f"## {text}")
        else:
            blocks.append(_escape(text))
    if items:
        blocks.append("\n".join(items))
    return "\n\n".join(blocks) + "\n"


def from_text(text: str, source: str, known: dict[str, str], year: int | None = None) -> Draft:
    """A Draft from a plain-text recap; `known` maps speaker ids to names."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    questions, used = guess_questions(lines)
    title = guess_title(lines, questions)
    rest = [line for i, line in enumerate(lines) if i not in used]
    return Draft(
        source=source,
        kind=guess_kind(text),
        body=text_to_markdown(lines),
        title=title,
        date=guess_date(text, year),
        speakers=guess_speakers(text, known),
        questions=questions,
        description=guess_description(rest),
    )
