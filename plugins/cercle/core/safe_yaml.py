"""Limits on untrusted YAML, checked on the event stream before anything is composed.

A few hundred bytes of aliases (`&a [*b, *b, …]`) expand to billions of nodes; a few thousand
nested `[` overflow the recursive composer (RecursionError, or a segfault in the C one). The
parser itself is a state machine, so walking its events is safe: the stream is measured first
and only a document within the limits is composed and constructed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import yaml

MAX_CHARS = 1_000_000  # a front matter or registry is a few kilobytes
MAX_DEPTH = 64  # nested lists and mappings
MAX_ALIASES = 1_000  # `*name` references
MAX_NODES = 100_000  # values once every alias is expanded
# speakers.yml and topics.yml grow with the hub: 2,500 speakers with two-language bios
# (10,000 entries per language) take about 1.2 MB and 25,000 values. Still bounded.
REGISTRY_MAX_CHARS = 32_000_000


@dataclass(frozen=True)
class Breach:
    """Which limit the YAML text exceeds, and the 0-based line where it does."""

    code: str
    line: int
    limit: int


def check_limits(text: str, loader: type, registry: bool = False) -> Breach | None:
    """The first limit `text` exceeds, or None. YAML syntax errors are left to the composer.
    A `registry` (speakers.yml, topics.yml) may be larger than a page's front matter."""
    max_chars, max_nodes = (REGISTRY_MAX_CHARS if registry else MAX_CHARS), MAX_NODES
    if len(text) > max_chars:
        return Breach("registry_too_big" if registry else "yaml_too_big", 0, max_chars)
    sizes: dict[str, int] = {}  # expanded node count of each anchor
    starts: list[tuple[str | None, int]] = []  # open collections: anchor, nodes seen before it
    seen = aliases = 0  # nodes so far, aliases expanded
    try:
        for event in yaml.parse(text, Loader=loader):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                seen += 1
                anchor = cast(yaml.ScalarEvent, event).anchor
                if anchor:
                    sizes[anchor] = 1
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                if len(starts) >= MAX_DEPTH:
                    return Breach("yaml_too_deep", _line(event), MAX_DEPTH)
                starts.append((cast(yaml.CollectionStartEvent, event).anchor, seen))
                seen += 1
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                anchor, before = starts.pop()
                if anchor:
                    sizes[anchor] = seen - before
            elif kind is yaml.AliasEvent:
                aliases += 1
                if aliases > MAX_ALIASES:
                    return Breach("yaml_too_many_aliases", _line(event), MAX_ALIASES)
                seen += sizes.get(cast(yaml.AliasEvent, event).anchor or "", 1)
            else:
                continue
            if seen > max_nodes:
                return Breach("yaml_too_many_nodes", _line(event), max_nodes)
    except yaml.YAMLError:
        return None  # reported with its line by the composer, which stops at the same place
    return None


def _line(event: yaml.Event) -> int:
    return event.start_mark.line if event.start_mark else 0
