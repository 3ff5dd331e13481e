"""Plain-text or Markdown recaps → a Draft.

Plain text: one paragraph a line, "- " lists, short lines as section titles. Markdown (a post
copied from another static site) is kept as it is. The first line is the title when it looks
like one, and a date line right under it is the page's date; neither is repeated in the body.
"""

from __future__ import annotations

import datetime as dt
import re

from cercle.importer.analyze import analyze
from cercle.importer.dates import parse_date
from cercle.importer.draft import Draft
from cercle.importer.guess import Guess, guess_questions, guess_title

_ITEM = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_END = (".", ":", ";", ",", "!", "…", "»", '"', "”")
_MARKDOWN = re.compile(r"^#{1,6} \S|\]\([^)\s]+\)|^\s*[-*] \*\*|^```", re.MULTILINE)


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


def _date_line(lines: list[str], after: int) -> tuple[int, dt.date] | None:
    """A line holding only a date ("March 9, 2021", "13/10/2022") among the two after the title."""
    seen = 0
    for index in range(after + 1, len(lines)):
        if not lines[index].strip():
            continue
        value = parse_date(lines[index])
        if value:
            return index, value
        seen += 1
        if seen == 2:
            break
    return None


def from_text(
    text: str, source: str, known: dict[str, str], year: int | None = None, file_date: dt.date | None = None
) -> Draft:
    """A Draft from a plain-text or Markdown recap; `known` maps speaker ids to names."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    questions, _ = guess_questions(lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    dated = _date_line(lines, first)
    following = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), None)
    if dated and dated[0] == following and len(lines[first].strip()) <= 200:
        title: Guess[str] | None = Guess(lines[first].strip().lstrip("#").strip(), "@first_line")
    else:  # a line under a title's date line is a title, however long; else guess
        title = guess_title(lines, questions)
    drop: set[int] = {first} if title and title.source == "@first_line" else set()
    if dated:
        drop.add(dated[0])
    kept = [line for i, line in enumerate(lines) if i not in drop]
    markdown = bool(_MARKDOWN.search(text))
    body = "\n".join(kept).strip() + "\n" if markdown else text_to_markdown(kept)
    return analyze(
        source,
        body,
        title=title,
        known=known,
        page_date=dated[1] if dated else None,
        year=year,
        fallback_date=file_date,
        questions=questions,
    )
