"""Placeholders that must not reach readers: `TODO` in a page's texts, `# TODO` notes in YAML.

`cercle new` writes `TODO: …` into the description, the body and a translation's title;
`cercle import` writes `TODO: …` into a missing title or description and into new speakers'
roles, and `# TODO: review (…)` notes beside every guessed field. Each is a warning with
the line to edit (an error with `--strict`, as in the pull-request workflow); `date: TODO`
is already an error of the Catalog. YAML comments are not in the parsed data, so notes are
found in the front-matter text, outside its quoted values.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

import yaml

from cercle.bodylinks.source import LineIndex, Source, mask_code, sources
from cercle.core.catalog import Catalog
from cercle.core.errors import Problem, Severity, problem
from cercle.core.frontmatter import Parsed, parse_yaml, read_text

TODO = re.compile(r"\bTODO\b")
# Typed fields: a `TODO` there is already an error ("'TODO' is not a date").
_TYPED = {"date", "time", "duration"}


def _strings(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def _value_problems(rel: str, parsed: Parsed) -> list[Problem]:
    found = []
    try:
        strings = list(_strings(parsed.data))
    except RecursionError:  # nested deeper than a page can be: the Catalog refuses it already
        return []
    for path, value in strings:
        if TODO.search(value) and not (len(path) == 1 and path[0] in _TYPED):
            dotted = ".".join(str(p) for p in path)
            found.append(problem(rel, parsed.line_of(path), dotted, "review.todo_value", Severity.WARNING))
    return found


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    try:
        tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return []  # the Catalog reports the YAML error; notes are then found line by line
    return [(t.start_mark.index, t.end_mark.index) for t in tokens if isinstance(t, yaml.ScalarToken)]


def note_lines(text: str, first_line: int = 1) -> list[int]:
    """Lines of `text` (YAML) holding a comment that says TODO, outside quoted values."""
    if not re.search(r"#[^\n]*\bTODO\b", text):
        return []  # the usual case: no need to tokenize the YAML
    spans = _scalar_spans(text)
    starts = [start for start, _ in spans]
    found: list[int] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=first_line):
        for mark in re.finditer(r"(?:^|(?<=[ \t]))#", line):
            index = bisect_right(starts, offset + mark.start()) - 1
            if index >= 0 and offset + mark.start() < spans[index][1]:
                continue  # a '#' inside a value, e.g. title: "Sprint #2"
            if TODO.search(line, mark.start()):
                found.append(number)
            break  # the first '#' outside values starts the comment
        offset += len(line) + 1
    return found


def _note_problems(rel: str, text: str, first_line: int) -> list[Problem]:
    lines = note_lines(text, first_line)
    return [problem(rel, line, "", "review.todo_note", Severity.WARNING) for line in lines]


def _body_problems(source: Source) -> list[Problem]:
    body, start = source.doc.body, source.doc.body_line
    line_of = LineIndex(body)
    lines = sorted({start + line_of(m.start()) for m in TODO.finditer(mask_code(body))})
    return [problem(source.rel_path, line, "", "review.todo_body", Severity.WARNING) for line in lines]


def page_problems(source: Source) -> list[Problem]:
    """Placeholders in one Markdown file: front-matter values and notes, then the body."""
    found = _value_problems(source.rel_path, source.doc)
    found += _note_problems(source.rel_path, source.front_matter, 2)
    return found + _body_problems(source)


def placeholder_problems(catalog: Catalog) -> list[Problem]:
    """A warning for every placeholder left in published pages and in speakers.yml / topics.yml."""
    found: list[Problem] = []
    for source in sources(catalog, needle="TODO"):
        found += page_problems(source)
    settings = catalog.settings
    for rel in (settings.speakers_file, settings.topics_file):
        path = settings.content_dir / rel
        text = read_text(path, rel)[0] if path.is_file() else None
        if text is not None and "TODO" in text:
            found += _value_problems(rel, parse_yaml(text, rel)) + _note_problems(rel, text, 1)
    return found
