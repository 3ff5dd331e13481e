"""Site paths ↔ URLs. A content file may be named `a#b.md`, `100%.md` or `my notes.md`: every
URL Cercle writes percent-encodes its path exactly as MkDocs does for the file it writes
(`File.url` is `urllib.parse.quote(dest_uri)`), and every file Cercle writes from a URL decodes it.
"""

from __future__ import annotations

from urllib.parse import quote, unquote


def url_of_path(path: str) -> str:
    """The URL of a site-relative path: each segment percent-encoded, slashes kept."""
    return quote(path)


def path_of_url(url: str) -> str:
    """The site-relative path a URL made by `url_of_path` names."""
    return unquote(url)
