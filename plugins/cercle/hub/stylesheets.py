"""One stylesheet from several: Cercle's CSS files joined into the one file every page links.

A page that links one stylesheet instead of a chain of them starts rendering sooner. The parts
keep their order (later rules win as before); `@import` rules, valid only at the top of a
stylesheet, are moved there, and `@charset` (UTF-8 is the default) is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import tinycss2


def join_stylesheets(parts: Iterable[tuple[str, str]]) -> str:
    """The CSS of `parts` ((name, text) pairs) as one stylesheet, each part headed by its name."""
    return _joined(tuple(parts))


@lru_cache(maxsize=4)  # the same files at every rebuild of `cercle serve`: parsed once
def _joined(parts: tuple[tuple[str, str], ...]) -> str:
    imports: list[str] = []
    bodies: list[str] = []
    for name, text in parts:
        kept = []
        for node in tinycss2.parse_stylesheet(text, skip_comments=False, skip_whitespace=False):
            keyword = getattr(node, "lower_at_keyword", None)
            if keyword == "import":
                imports.append(node.serialize())
            elif keyword != "charset":
                kept.append(node)
        bodies.append(f"/* {name.replace('*/', '* /')} */\n" + tinycss2.serialize(kept).strip() + "\n")
    head = "".join(rule + "\n" for rule in imports)
    return head + "\n".join(bodies)
