"""Where Cercle's Material overrides live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def theme_dir() -> Path:
    # A wheel ships them inside the package; an editable install reads them from the
    # repository's top-level theme_overrides/ (the layout DESIGN.md describes).
    packaged = Path(__file__).parent / "theme_overrides"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "theme_overrides"
