"""The Markdown files of a Catalog as written: text, front matter, body and where each starts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cercle.core.catalog import Catalog
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
        text, _ = read_text(catalog.settings.content_dir / rel, rel)
        # Unreadable files are already reported by the Catalog; most files hold no needle: no parsing.
        if text is not None and needle in text:
            yield Source(rel, text, parse_document(text, rel))


def bodies(catalog: Catalog) -> Iterator[tuple[str, str, int]]:
    """(file, body, line where the body starts) of every published page: entries as the Catalog
    read them, index.md intros read again (the Catalog keeps no line for them)."""
    for entry in catalog.entries:
        yield entry.rel_path, entry.body, entry.body_line
    for source in _read(catalog, _intros(catalog)):
        yield source.rel_path, source.doc.body, source.doc.body_line


_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
# A code span: a run of backticks, then text up to the same run, within one paragraph.
_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)


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
            if closing and not line[found.end() :].strip():
                fence = None
        else:
            continue
        lines[number] = " " * len(line)
    masked = "\n".join(lines)
    return _SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
