"""Control characters out of content text, with a warning where they were.

NUL, ESC, form feed and the like are invisible in an editor but reach HTML, feeds and .ics raw
(an XML parser then rejects the whole feed). They are removed rather than refused: the text
around them is almost always what the writer meant; the warning says where to look.
"""

from __future__ import annotations

import re
from typing import Any

# Every C0 control but tab and line ends (LF, and the CR of Windows' CRLF), DEL, the C1 controls.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

Path_ = tuple[str | int, ...]


def clean_data(value: Any, found: list[Path_], path: Path_ = ()) -> Any:
    """`value` (parsed YAML) without control characters in any string or key; the paths of
    the strings that had some are appended to `found`."""
    if isinstance(value, str):
        cleaned = CONTROLS.sub("", value)
        if cleaned != value:
            found.append(path)
        return cleaned
    if isinstance(value, dict):
        return {
            clean_data(key, found, (*path, str(key))): clean_data(item, found, (*path, str(key)))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [clean_data(item, found, (*path, index)) for index, item in enumerate(value)]
    return value


def clean_body(body: str) -> tuple[str, int | None]:
    """`body` without control characters, and the 0-based line of the first one (None if none)."""
    first = CONTROLS.search(body)
    if first is None:
        return body, None
    return CONTROLS.sub("", body), body.count("\n", 0, first.start())
