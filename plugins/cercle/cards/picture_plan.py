"""Which picture each entry and speaker gets (cercle.cards.pictures draws them).

Planned with the cards, before pages render: an entry's `image` when it is a readable file
in content/, else its card; a speaker's `photo`, else their initials. A remote image is
never hotlinked (a request to another site on every page load): the card stands in and a
warning names the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from cercle.cards.pictures import (
    AVATAR_WIDTHS,
    ENTRY_WIDTHS,
    MAX_PIXELS,
    ROOT,
    SOCIAL_WIDTH,
    Picture,
    initials,
)
from cercle.cards.plan import PageCards, card_stem
from cercle.cards.spec import OG_SIZE
from cercle.core.catalog import Catalog
from cercle.core.errors import Problem, Severity, problem
from cercle.core.filememo import remembered
from cercle.core.refs import ContentRef


@dataclass
class PicturePlan:
    entries: dict[str, Picture] = field(default_factory=dict)  # entry rel_path → picture
    speakers: dict[str, Picture] = field(default_factory=dict)  # speaker id → picture
    problems: list[Problem] = field(default_factory=list)

    def all(self) -> list[Picture]:
        """Each picture once, though several entries may show it."""
        return list({p.stem: p for p in [*self.entries.values(), *self.speakers.values()]}.values())


def readable_image(path: Path | None) -> bool:
    """True for a regular file Pillow recognises and that is not absurdly large (header only)."""
    if path is None or path.is_symlink() or not path.is_file():
        return False
    return remembered(path, "readable_image", partial(_readable, path))  # unchanged: not opened again


def _readable(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError):
        return False
    return 0 < width * height <= MAX_PIXELS


def _local_image(value: str | None, content_dir: Path) -> tuple[Path | None, str]:
    """(path, "") for a usable file; (None, reason code) otherwise; (None, "") when unset."""
    ref = ContentRef.of(value)
    if ref is None:
        return None, ""
    if ref.is_remote:
        return None, "remote_image"
    path = ref.resolve(content_dir)
    return (path, "") if readable_image(path) else (None, "unreadable_image")


def plan_pictures(
    catalog: Catalog, cards: dict[str, PageCards], colors: tuple[str, str], content_dir: Path
) -> PicturePlan:
    plan = PicturePlan()
    made: dict[str, Picture] = {}  # by digest: an image both translations show is written once

    def once(picture: Picture) -> Picture:
        return made.setdefault(picture.digest(), picture)

    for entry in catalog.entries:
        stem = f"{ROOT}/{card_stem(entry.url)}"
        path, reason = _local_image(entry.meta.image, content_dir)
        if reason:
            line = entry.line_of("image")
            plan.problems.append(problem(entry.rel_path, line, "image", reason, Severity.WARNING))
        if path is not None:
            widths = (*ENTRY_WIDTHS, SOCIAL_WIDTH)
            picture = Picture(stem, "image", OG_SIZE, widths, path=str(path), social=True)
            plan.entries[entry.rel_path] = once(picture)
        elif entry.rel_path in cards:
            card = cards[entry.rel_path].og.job.spec
            plan.entries[entry.rel_path] = once(Picture(stem, "card", OG_SIZE, ENTRY_WIDTHS, card=card))
    for speaker_id, speaker in catalog.speakers.items():
        stem = f"{ROOT}/speakers/{speaker_id}"
        path, reason = _local_image(speaker.photo, content_dir)
        if reason:
            file = catalog.settings.speakers_file
            plan.problems.append(problem(file, 0, f"{speaker_id}.photo", reason, Severity.WARNING))
        if path is not None:
            plan.speakers[speaker_id] = Picture(stem, "image", (1, 1), AVATAR_WIDTHS, path=str(path))
        else:
            letters = initials(speaker.name)
            plan.speakers[speaker_id] = Picture(
                stem, "initials", (1, 1), AVATAR_WIDTHS, initials=letters, colors=colors
            )
    return plan
