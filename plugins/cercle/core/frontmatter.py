"""Split a Markdown file into YAML front matter and body, keeping the line of every field.

PyYAML is used with YAML 1.2-style scalars: `18:00` stays the text "18:00" (YAML 1.1
reads it as the number 1080) and `no`/`on` stay text. Line numbers come from the
composed node tree so that every problem points at the line to edit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cercle.core.errors import Problem, Severity, problem
from cercle.core.safe_yaml import check_limits
from cercle.core.text import clean_body, clean_data
from cercle.core.yaml_hints import diagnose

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"


class YamlLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader with YAML 1.2 booleans and integers (no sexagesimal, no yes/no)."""


YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT)]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
YamlLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
YamlLoader.add_implicit_resolver(
    _INT, re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)


def _timestamp(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> Any:
    # PyYAML builds 2023-02-30 with datetime.date and lets its ValueError escape: keep the text,
    # which the model then reports as an impossible date with the file and line.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return str(node.value)


YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

Path_ = tuple[str | int, ...]


@dataclass
class Parsed:
    """YAML data with the 1-based file line of every key and list item."""

    data: Any = None
    lines: Mapping[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: Path_, default: int = 1) -> int:
        """Line of the deepest known part of `path` (a field, an item, or its parent)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return default


@dataclass
class Document(Parsed):
    """A Markdown file: front matter, body and where the body starts."""

    body: str = ""
    body_line: int = 1
    has_front_matter: bool = False


_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8, or say which line is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [problem(rel, 0, "", "unreadable", detail=exc.strerror or str(exc))]
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        detail = f"byte 0x{raw[exc.start]:02x}"
        return None, [problem(rel, line, "", "not_utf8", detail=detail)]


def parse_yaml(text: str, rel: str, first_line: int = 1, registry: bool = False) -> Parsed:
    """Parse YAML text whose first line is line `first_line` of file `rel` (a `registry`:
    speakers.yml or topics.yml, whose size limit is larger)."""
    parsed = Parsed()
    breach = check_limits(text, YamlLoader, registry)
    if breach:
        line = first_line + breach.line
        parsed.problems.append(problem(rel, line, "", breach.code, limit=breach.limit))
        return parsed
    try:
        loader = YamlLoader(text)
        try:
            node = loader.get_single_node()
            parsed.data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct starts (an opening quote or
        # bracket): the line a writer has to fix. The problem mark is where YAML gave up.
        mark = exc.context_mark or exc.problem_mark
        line = first_line + (mark.line if mark else 0)
        detail = (exc.problem or exc.context or "syntax error").strip()
        # A tab or a key out of line with its siblings: said as such, at its own line.
        hint = diagnose(text, exc.problem_mark.line if exc.problem_mark else len(text))
        if hint is not None:
            at = first_line + hint.line
            parsed.problems.append(problem(rel, at, "", hint.code, Severity.ERROR, **hint.params))
        else:
            parsed.problems.append(problem(rel, line, "", "yaml_error", detail=detail))
        return parsed
    except yaml.YAMLError as exc:
        parsed.problems.append(problem(rel, first_line, "", "yaml_error", detail=str(exc)))
        return parsed
    except RecursionError:
        parsed.problems.append(problem(rel, first_line, "", "yaml_error", detail="nested too deep"))
        return parsed
    if node is not None:
        lines: dict[Path_, int] = {}
        _index_lines(node, (), first_line, parsed, lines, rel)
        parsed.lines = lines
    found: list[Path_] = []
    parsed.data = clean_data(parsed.data, found)
    for path in dict.fromkeys(found):
        dotted = ".".join(str(p) for p in path)
        line = parsed.line_of(path, first_line)
        parsed.problems.append(problem(rel, line, dotted, "control_characters", Severity.WARNING))
    return parsed


def _index_lines(
    node: yaml.Node, path: Path_, offset: int, parsed: Parsed, lines: dict[Path_, int], rel: str
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            line = offset + key.start_mark.line
            if name in seen:
                dotted = ".".join(str(p) for p in (*path, name))
                parsed.problems.append(problem(rel, line, dotted, "duplicate_key", name=name))
            seen.add(name)
            lines[(*path, name)] = line
            _index_lines(value, (*path, name), offset, parsed, lines, rel)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = offset + item.start_mark.line
            _index_lines(item, (*path, index), offset, parsed, lines, rel)


def parse_document(text: str, rel: str) -> Document:
    """Split `text` into front matter and body; YAML problems are collected, not raised."""
    doc = _split(text, rel)
    doc.body, line = clean_body(doc.body)
    if line is not None:
        doc.problems.append(problem(rel, doc.body_line + line, "", "control_characters", Severity.WARNING))
    return doc


def _split(text: str, rel: str) -> Document:
    doc = Document(body=text)
    opening = _FENCE.match(text)
    if not opening:
        return doc
    start = opening.end() + 1
    closing = _CLOSE.search(text, start - 1 if start > len(text) else start)
    if not closing:
        doc.problems.append(problem(rel, 1, "", "unclosed_front_matter"))
        return doc
    yaml_text = text[start : closing.start()]
    parsed = parse_yaml(yaml_text, rel, first_line=2)
    doc.data, doc.lines, doc.problems = parsed.data, parsed.lines, parsed.problems
    doc.has_front_matter = True
    doc.body = text[closing.end() :].removeprefix("\r").removeprefix("\n")
    doc.body_line = text[: closing.end()].count("\n") + 2
    return doc
