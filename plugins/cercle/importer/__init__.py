"""`cercle import`: existing recaps (plain text, HTML, WordPress export) → entries to review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cercle.importer.draft import Draft, render_entry, render_speakers
from cercle.importer.html import from_html
from cercle.importer.nlp import ModelMissing
from cercle.importer.text import from_text
from cercle.importer.wxr import NotWxr, from_wxr, is_wxr

__all__ = ["Draft", "ModelMissing", "NotWxr", "read_drafts", "render_entry", "render_speakers"]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")  # older Windows exports


def read_drafts(path: Path, known: dict[str, str], year: int | None = None) -> list[Draft]:
    """Drafts from one file, by its content: a WordPress export, an HTML page, or plain text.

    Raises OSError when the file cannot be read and NotWxr for a broken WordPress export.
    """
    data = path.read_bytes()
    # The file's own date: the last resort for a recap that dates nothing itself.
    file_date = dt.date.fromtimestamp(path.stat().st_mtime)
    if is_wxr(data):
        return from_wxr(data, path.name, known, year)
    text = _decode(data)
    head = text[:2000].lower()
    if path.suffix.lower() in (".html", ".htm") or "<html" in head or "<body" in head or "<p>" in head:
        return [from_html(text, path.name, known, year, file_date=file_date)]
    return [from_text(text, path.name, known, year, file_date)]
