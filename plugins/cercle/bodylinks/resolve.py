"""One set of rules for a path in a body, shared by `cercle check` and the build.

A relative path is first read as MkDocs reads it, relative to the page's file; if no file is
there, it is read relative to content/, as front-matter paths are (`media/photo.jpg`), and
`/media/photo.jpg` always is. The build then writes the page-relative path MkDocs resolves.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote, urlsplit


class Status(StrEnum):
    EXTERNAL = "external"  # another site, mailto:, a query only: not a file of content/
    FOUND = "found"  # a file, written relative to the page: MkDocs resolves it as it is
    REWRITE = "rewrite"  # a file, written relative to content/: `url` is the page-relative form
    MISSING = "missing"  # no such file
    OUTSIDE = "outside"  # leads out of content/
    FOLDER = "folder"  # no file name (a folder or a site address): MkDocs cannot resolve it


@dataclass(frozen=True)
class Resolved:
    status: Status
    target: str = ""  # the file under content/ (FOUND, REWRITE), or what was looked for
    url: str = ""  # what the build writes instead (REWRITE)
    fragment: str = ""


def _join(base: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(base, path)) if path else base


def _escapes(path: str) -> bool:
    return path == ".." or path.startswith("../")


def resolve(src: str, url: str, files: Collection[str]) -> Resolved:
    """Where `url`, written in the body of content file `src`, leads among content's `files`."""
    parts = urlsplit(url.replace("\\", "/"))
    if parts.scheme or parts.netloc or not parts.path:
        return Resolved(Status.EXTERNAL, src if not parts.path else "", fragment=parts.fragment)
    path = unquote(parts.path)
    here = posixpath.dirname(src)
    if posixpath.normpath(path) == ".":  # MkDocs reads `.` as the page itself
        return Resolved(Status.FOUND, src, fragment=parts.fragment)
    from_content = posixpath.normpath(path.lstrip("/"))
    if not path.startswith("/"):
        from_page = _join(here, path)
        if from_page in files:
            return Resolved(Status.FOUND, from_page, fragment=parts.fragment)
    else:
        from_page = from_content
    if from_content in files and not _escapes(from_content):
        rewritten = posixpath.relpath(from_content, here or ".")
        tail = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        return Resolved(Status.REWRITE, from_content, rewritten + tail, parts.fragment)
    if _escapes(from_page) and (path.startswith("/") or _escapes(from_content)):
        return Resolved(Status.OUTSIDE, from_page, fragment=parts.fragment)
    if not posixpath.splitext(path.rstrip("/"))[1] or path.endswith("/"):
        return Resolved(Status.FOLDER, from_page, fragment=parts.fragment)
    return Resolved(Status.MISSING, from_page, fragment=parts.fragment)


def suggest(resolved: Resolved, written: str, files: Iterable[str]) -> str:
    """The content-relative path the writer probably meant ("" when nothing is close)."""
    choices = sorted(files)
    looked_for = resolved.target.rstrip("/").removeprefix(".")
    if resolved.status is Status.FOLDER:
        for guess in (posixpath.join(looked_for, "index.md"), f"{looked_for}.md"):
            if guess in choices:
                return guess
    name = posixpath.basename(unquote(urlsplit(written).path).rstrip("/"))
    same_name = [f for f in choices if posixpath.basename(f) == name]
    if same_name:
        return max(same_name, key=lambda f: difflib.SequenceMatcher(None, f, looked_for).ratio())
    # A typo in the name: the closest name among files of the same kind (.jpg, .md…).
    suffix = posixpath.splitext(name)[1].lower()
    by_name: dict[str, str] = {}
    for choice in choices:
        if posixpath.splitext(choice)[1].lower() in (suffix, {".jpg": ".jpeg", ".jpeg": ".jpg"}.get(suffix)):
            by_name.setdefault(posixpath.basename(choice), choice)
    close = difflib.get_close_matches(name, list(by_name), n=1, cutoff=0.6)
    return by_name[close[0]] if close else ""
