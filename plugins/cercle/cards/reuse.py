"""Cards and pictures placed from what is there already, unread: the published version's
files (linked: cercle.build.placed) or cache files known sound (copied by the kernel:
cercle.core.soundfiles)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cercle.cards.pictures import Picture, copy_keys
from cercle.cards.placing import Placer
from cercle.core.soundfiles import SoundFiles


@dataclass
class Known:
    """The records of cache files known sound: the cards' and the pictures' (if any)."""

    cards: SoundFiles
    pictures: SoundFiles | None

    @classmethod
    def of(cls, cards_cache: Path, pictures_cache: Path | None) -> Known:
        return cls(SoundFiles.of(cards_cache), SoundFiles.of(pictures_cache) if pictures_cache else None)

    def save(self) -> None:
        self.cards.save()
        if self.pictures is not None:
            self.pictures.save()


def link_cached(picture: Picture, cache_dir: Path, placer: Placer) -> bool:
    """Link every copy of `picture` unread from the published version (Placer.link_known)."""
    keys = copy_keys(picture, cache_dir)
    return all([placer.link_known(dest, key) for dest, key in keys.items()])


def place_known(sound: SoundFiles, name: str, dests: Iterable[str], placer: Placer) -> bool:
    """Place cache file `name` at every one of `dests` when it is known sound; False (nothing
    placed) otherwise."""
    opened = sound.open_known(name)
    if opened is None:
        return False
    source, length = opened
    try:
        for dest in dests:
            placer.copy_in(dest, source, length, name)
    finally:
        os.close(source)
    return True


def place_known_picture(picture: Picture, cache_dir: Path, sound: SoundFiles, placer: Placer) -> bool:
    """Place every copy of `picture` from cache files known sound; False when one is not (the
    copies are then read and checked, and all placed again)."""
    keys = copy_keys(picture, cache_dir)
    return all([place_known(sound, name, [dest], placer) for dest, name in keys.items()])
