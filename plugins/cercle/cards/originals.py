"""Entry images that only Cercle's own copies show are not published as they came.

A page shows an entry's `image` through the copies cercle.cards.pictures makes of it (WebP at
a few widths, a 1200 px JPEG for og:image, feeds and JSON-LD, the video poster), so the
original, often a camera's megabytes, would be copied to the site for nobody. It is left out,
unless some text could link to it: a body or an index.md intro, mkdocs.yml or a registry that
names its file keeps it published, as every other file of content/ is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

from cercle.bodylinks.source import bodies
from cercle.cards.picture_plan import PicturePlan
from cercle.core.catalog import Catalog

# An image's extension where a file name ends; the name is then read backwards (bounded: a
# hostile body may hold one 50,000-letter word, and a forward pattern would be quadratic).
_EXTENSION = re.compile(r"\.(?:avif|bmp|gif|jpe?g|png|tiff?|webp)(?![\w-])", re.IGNORECASE)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_%.-")
_NAME_MAX = 255  # the longest file name most file systems accept
_SEPARATOR = re.compile(r"[^\w%.-]")


def _last_name(text: str) -> str:
    """The last run of file-name characters of `text`, lower case, percent-decoded."""
    words = _SEPARATOR.split(unquote(text.lower()))
    return words[-1] if words else ""


def mentioned_names(texts: Iterable[str]) -> set[str]:
    """Every image file name (its last word, lower case) that `texts` mention in any form."""
    names: set[str] = set()
    for text in texts:
        for match in _EXTENSION.finditer(text):
            start = end = match.start()
            while start > 0 and end - start < _NAME_MAX and text[start - 1].lower() in _NAME_CHARS:
                start -= 1
            names.add(_last_name(text[start : match.end()]))
    return names


def linking_texts(catalog: Catalog, config_file: Path | None) -> Iterator[str]:
    """What may link to a file of content/: every published body and intro, and mkdocs.yml
    (a logo, a favicon, the hub's texts)."""
    for _rel, body, _line in bodies(catalog):
        yield body
    if config_file is not None and config_file.is_file():
        yield config_file.read_text(encoding="utf-8", errors="replace")


def unpublished_originals(plan: PicturePlan, content_dir: Path, mentioned: set[str]) -> set[str]:
    """Content-relative paths of entry images only their copies show (no text names them)."""
    root = content_dir.resolve()
    out = set()
    for picture in plan.entries.values():
        if picture.source != "image" or picture.path is None:
            continue
        path = Path(picture.path)
        if _last_name(path.name) in mentioned or not path.is_relative_to(root):
            continue
        out.add(path.relative_to(root).as_posix())
    return out
