"""The Markdown files of a Catalog as written: text, front matter, body and where each starts."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from cercle.core.catalog import Catalog
from cercle.core.filememo import remembered
from cercle.core.frontmatter import Document, parse_document, read_text


@dataclass(frozen=True)
class Source:
    """One published Markdown file (an entry or an index.md intro), read again from disk."""

    rel_path: str
    text: str
    doc: Document

    @property
    def front_matter(self) -> str:
        """The YAML between the `---` fences ("" without front matter); its first line is line 2."""
        if not self.doc.has_front_matter:
            return ""
        return "\n".join(self.text.split("\n")[1 : self.doc.body_line - 2])


def _published(catalog: Catalog) -> list[str]:
    return [e.rel_path for e in catalog.entries] + _intros(catalog)


def _intros(catalog: Catalog) -> list[str]:
    return sorted(i.rel_path for i in catalog.intros.values())


def sources(catalog: Catalog, needle: str = "") -> Iterator[Source]:
    """Every published page's file (entries, then index.md intros) whose text contains `needle`."""
    yield from _read(catalog, _published(catalog), needle)


def _read(catalog: Catalog, paths: list[str], needle: str = "") -> Iterator[Source]:
    for rel in paths:
        path = catalog.settings.content_dir / rel
        # Most files hold no needle: one unchanged since is not read again (`cercle serve`).
        if needle and not remembered(path, ("holds", needle), partial(_holds, path, rel, needle)):
            continue
        text, _ = read_text(path, rel)
        # Unreadable files are already reported by the Catalog; most files hold no needle: no parsing.
        if text is not None and needle in text:
            yield Source(rel, text, parse_document(text, rel))


def _holds(path: Path, rel: str, needle: str) -> bool:
    text, _ = read_text(path, rel)
    return text is not None and needle in text


def bodies(catalog: Catalog) -> Iterator[tuple[str, str, int]]:
    """(file, body, line where the body starts) of every published page: entries as the Catalog
    read them, index.md intros read again (the Catalog keeps no line for them)."""
    for entry in catalog.entries:
        yield entry.rel_path, entry.body, entry.body_line
    for source in _read(catalog, _intros(catalog)):
        yield source.rel_path, source.doc.body, source.doc.body_line


class LineIndex:
    """0-based line of an offset in a text, its newlines found once (a hostile body is long)."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        return bisect_left(self.newlines, offset)


_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _mask_spans(text: str) -> str:
    """Blank out code spans: a run of backticks up to the next run of the same length, in one
    paragraph (CommonMark's rule). Linear, whatever a hostile body holds."""
    out, start = [], 0
    for block in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = block.start() if block else len(text)
        paragraph = text[start:end]
        runs = [(m.start(), m.end()) for m in re.finditer(r"`+", paragraph)]
        after: dict[int, list[int]] = {}  # run length → indexes of runs of that length, last first
        for index in range(len(runs) - 1, -1, -1):
            after.setdefault(runs[index][1] - runs[index][0], []).append(index)
        pieces, done, index = [], 0, 0
        while index < len(runs):
            left, right = runs[index]
            same = after[right - left]
            while same and same[-1] <= index:
                same.pop()
            if not same:
                index += 1
                continue
            closing = same.pop()
            pieces += [paragraph[done:left], _blank(paragraph[left : runs[closing][1]])]
            done, index = runs[closing][1], closing + 1
        out += [*pieces, paragraph[done:], block.group(0) if block else ""]
        start = block.end() if block else end
    return "".join(out)


def mask_code(body: str) -> str:
    """`body` with fenced code blocks and code spans blanked out (same length, same lines)."""
    lines = body.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines):
        found = _FENCE.match(line)
        if fence is None and found:
            fence = found.group(1)
        elif fence is not None:
            closing = found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence)
            if closing and found and not line[found.end() :].strip():  # closing implies found
                fence = None
        else:
            continue
        lines[number] = " " * len(line)
    return _mask_spans("\n".join(lines))
