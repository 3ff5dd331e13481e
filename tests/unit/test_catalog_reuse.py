"""A process that loads the Catalog again (`cercle serve`) reuses unchanged pages, and only them."""

from __future__ import annotations

import datetime as dt

from cercle.core.catalog import load_catalog
from cercle.core.settings import HubSettings

PAGE = """\
---
title: "{title}"
image: media/photo.png
image_alt: Une photo
---

Texte.
"""


def _settings(root):
    return HubSettings(content_dir=root, languages=("fr",), today=dt.date(2026, 11, 22))


def _missing(catalog):
    return sorted((p.path, p.code) for p in catalog.report.errors() if p.code == "missing_file")


def test_unchanged_pages_are_reused_until_a_file_they_name_appears(tmp_path):
    root = tmp_path / "content"
    (root / "fr/guides").mkdir(parents=True)
    (root / "topics.yml").write_text("{}\n", encoding="utf-8")
    (root / "speakers.yml").write_text("{}\n", encoding="utf-8")
    for name in ("a", "b"):
        (root / f"fr/guides/{name}.md").write_text(PAGE.format(title=name.upper()), encoding="utf-8")
    first = load_catalog(_settings(root))
    assert _missing(first) == [("fr/guides/a.md", "missing_file"), ("fr/guides/b.md", "missing_file")]

    (root / "fr/guides/b.md").write_text(PAGE.format(title="B2"), encoding="utf-8")
    second = load_catalog(_settings(root))
    assert second.by_path("fr/guides/a.md") is first.by_path("fr/guides/a.md")  # reused
    assert second.by_path("fr/guides/b.md").title == "B2"  # read again
    assert len(_missing(second)) == 2

    # The image they name appears: the pages are checked again, not taken from before.
    (root / "media").mkdir()
    (root / "media/photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    third = load_catalog(_settings(root))
    assert _missing(third) == []
    assert third.by_path("fr/guides/a.md") is not first.by_path("fr/guides/a.md")
    assert [e.title for e in third.entries] == ["A", "B2"]
