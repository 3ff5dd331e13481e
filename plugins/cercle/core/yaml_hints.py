"""The line a writer has to fix when YAML refuses a text, and what to write there.

PyYAML names a tab as "a character that cannot start any token" and often reports a
mis-indented key lines later ("expected <block end>", "mapping values are not allowed"), at
the line of its parent. Once the parser has failed, the text is read again line by line to
find the tab or the key that is out of line with its siblings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A `key:` line, possibly a list item (`- key:`); quoted keys and flow mappings are left out.
_KEY = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[^\s#'\"{\[\-][^:#]*?):(?:\s|$)(?P<value>.*)$")
_BLOCK_SCALAR = re.compile(r"^[|>][-+0-9]*\s*(?:#.*)?$")


@dataclass(frozen=True)
class Hint:
    """A message code for the 0-based line `line` of the text, and its parameters."""

    code: str
    line: int
    params: dict[str, object]


def diagnose(text: str, error_line: int) -> Hint | None:
    """Why YAML failed at 0-based `error_line`, when a tab or an indentation slip explains it."""
    lines = text.splitlines()[: error_line + 1]
    for number, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" \t-"))]
        if "\t" in indent:
            return Hint("yaml_tab", number, {})
    return _indentation_slip(lines)


def _indentation_slip(lines: list[str]) -> Hint | None:
    """The first key whose column is neither a sibling's nor a child's of the key before it."""
    levels: list[tuple[int, str]] = []  # open levels: column of their keys, last key seen there
    opens = False  # the previous key has no value on its line: the next key may go deeper
    scalar_column: int | None = None  # inside a `|` or `>` block: lines deeper than this are text
    for number, line in enumerate(lines):
        match = _KEY.match(line)
        if scalar_column is not None:
            stripped = line.strip()
            if not stripped or len(line) - len(line.lstrip(" ")) > scalar_column:
                continue
            scalar_column = None
        if not match:
            continue
        column = len(match["indent"]) + len(match["dashes"])
        key, value = match["key"].strip(), match["value"].strip()
        if levels and column < levels[-1][0]:
            deeper = levels[-1]
            while levels and levels[-1][0] > column:
                deeper = levels.pop()
            if not levels or levels[-1][0] != column:  # between two levels: like the nearer one
                near = min([deeper, *levels[-1:]], key=lambda level: (abs(level[0] - column), -level[0]))
                return _slip(number, key, near)
            levels[-1] = (column, key)
        elif not levels or (column > levels[-1][0] and opens):
            levels.append((column, key))
        elif column == levels[-1][0]:
            levels[-1] = (column, key)
        else:  # deeper than a key that already has its value on its line
            return _slip(number, key, levels[-1])
        opens = value == "" or value.startswith("#")
        if _BLOCK_SCALAR.match(value):
            scalar_column, opens = column, False
    return None


def _slip(number: int, key: str, sibling: tuple[int, str]) -> Hint:
    return Hint("yaml_indent", number, {"key": key, "sibling": sibling[1], "spaces": sibling[0]})
