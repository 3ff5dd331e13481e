"""Rendered decks kept between builds, in `<cache>/<key>/`, and checked before every use.

`key` hashes the PDF and the rendering options: a deck renders once, then every build
reuses its images. Nothing in the cache is trusted: the folder must be a real folder
(not a link), `deck.json` must be sealed with its digest (cercle.core.cachefile), file
names are derived from the key and the slide numbers (never read from deck.json), and
each image must be a regular file whose bytes match the digest deck.json holds for it
and whose format and size are the expected ones. Anything else is rendered again.

Reading and decoding every image of every deck was a warm build's slides phase (3,650 images,
0.5 s, at 200 slide-heavy entries a language). A deck found sound leaves, in `checked/`, the
state (inode, size, modification time) of its folder, deck.json and images, signed with the machine's
key (cercle.core.cachefile `signing_key`, as reused pages are): the next process trusts the
deck when every file is still in that state, without reading it. A cache that came with a
pull request holds other inodes and cannot sign; without a key, every image is read.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from cercle.core.cachefile import (
    digest,
    read_regular,
    real_folder,
    seal,
    sign,
    signed,
    signing_key,
    unseal,
    write_atomic,
)
from cercle.core.filememo import remembered
from cercle.slides.language import LANGUAGE_TAG
from cercle.slides.render import (
    Deck,
    PdfLimits,
    RenderOptions,
    Slide,
    SlidesError,
    pdf_key,
    render_pages,
    slide_names,
)

MANIFEST = "deck.json"
MANIFEST_FORMAT = 3  # 3: the deck's language
_INTS = ("number", "width", "height", "thumb_width", "thumb_height")


def _slide(row: Any, number: int, options: RenderOptions) -> Slide:
    """A slide of deck.json, its types checked; ValueError when anything is off."""
    names = {f.name for f in fields(Slide)} - {"image", "thumb"}
    if not isinstance(row, dict) or set(row) != names or row["number"] != number:
        raise ValueError("not a slide")
    if not all(type(row[k]) is int and row[k] > 0 for k in _INTS):
        raise ValueError("not a size")
    if not all(isinstance(row[k], str) for k in ("title", "text")):
        raise ValueError("not a text")
    image, thumb = slide_names(number, options)
    return Slide(image=image, thumb=thumb, **row)


def _image_ok(data: bytes | None, expected: str | None, size: tuple[int, int], fmt: str) -> bool:
    if data is None or expected is None or digest(data).hex() != expected:
        return False
    try:  # reads the header only
        with Image.open(io.BytesIO(data), formats=[fmt.upper()]) as image:
            return image.size == size
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError):
        return False


def _image_checked(path: Path, expected: str | None, size: tuple[int, int], fmt: str) -> bool:
    """`_image_ok` of the file, checked again only when the file changed (`cercle serve`
    checks every deck at each rebuild: 0.07 s at 500 entries a language)."""
    return remembered(
        path, ("slide_image", expected, size, fmt), lambda: _image_ok(read_regular(path), expected, size, fmt)
    )


def cached_deck(cache_dir: Path, key: str, pdf_bytes: int, options: RenderOptions) -> Deck | None:
    """The deck kept under `cache_dir/key`, or None when it is missing or cannot be trusted."""
    directory = cache_dir / key
    if not real_folder(directory, cache_dir):
        return None
    payload = unseal(read_regular(directory / MANIFEST))
    if payload is None:
        return None
    try:
        stored = json.loads(bytes(payload))
        if stored.get("format") != MANIFEST_FORMAT:
            return None
        rows, digests, lang = stored["slides"], stored["files"], stored["lang"]
        slides = tuple(_slide(row, number, options) for number, row in enumerate(rows, start=1))
        if not slides or not isinstance(digests, dict) or not (lang is None or isinstance(lang, str)):
            return None
        if lang and not LANGUAGE_TAG.fullmatch(lang):  # it goes into a page's lang attribute
            return None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    deck = Deck(key, directory, slides, pdf_bytes, lang)
    if _known_sound(cache_dir, deck):
        return deck
    for s in slides:
        for name, size in ((s.image, (s.width, s.height)), (s.thumb, (s.thumb_width, s.thumb_height))):
            if not _image_checked(directory / name, digests.get(name), size, options.format):
                return None
    _keep_sound(cache_dir, deck)
    return deck


CHECKED = "checked"


def _known_sound(cache_dir: Path, deck: Deck) -> bool:
    """This machine found the deck sound and no file of it changed since (`_keep_sound`)."""
    key = signing_key()
    if key is None or not real_folder(cache_dir / CHECKED, cache_dir):
        return False
    payload = signed(read_regular(cache_dir / CHECKED / f"{deck.key}.json"), key)
    try:
        return payload is not None and json.loads(payload) == list(_deck_state(deck))
    except (OSError, ValueError):
        return False


def _keep_sound(cache_dir: Path, deck: Deck) -> None:
    key = signing_key()
    if key is None:
        return
    with contextlib.suppress(OSError):  # a read-only cache: the next build reads the images
        (cache_dir / CHECKED).mkdir(exist_ok=True)
        if real_folder(cache_dir / CHECKED, cache_dir):
            state = json.dumps(_deck_state(deck)).encode()
            write_atomic(cache_dir / CHECKED / f"{deck.key}.json", sign(state, key))


def _manifest(slides: list[Slide], digests: dict[str, str], lang: str | None) -> bytes:
    rows = []
    for slide in slides:
        row = asdict(slide)
        del row["image"], row["thumb"]
        rows.append(row)
    body = {"format": MANIFEST_FORMAT, "slides": rows, "files": digests, "lang": lang}
    return seal(json.dumps(body, ensure_ascii=False).encode("utf-8"))


def keep_language(deck: Deck, lang: str) -> Deck:
    """The deck with `lang`, kept in its deck.json for the next builds (a language read from
    the deck's text once it is rendered, cercle.slides.pool; "": read, no language sure)."""
    kept = replace(deck, lang=lang)
    manifest = deck.directory / MANIFEST
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):  # kept for this build only
        stored = json.loads(bytes(unseal(read_regular(manifest)) or b"null"))
        if isinstance(stored, dict) and stored.get("format") == MANIFEST_FORMAT:
            stored["lang"] = lang
            write_atomic(manifest, seal(json.dumps(stored, ensure_ascii=False).encode("utf-8")))
    return kept


def _move_aside(directory: Path, cache_dir: Path) -> None:
    """Take a deck folder that failed its checks out of the way (a rename, then delete)."""
    if not os.path.lexists(directory):
        return
    if not real_folder(directory, cache_dir):  # a link or a file: removed by real_folder
        return
    trash = Path(tempfile.mkdtemp(prefix=f".{directory.name}-old-", dir=cache_dir))
    with contextlib.suppress(OSError):  # gone already (another build)
        os.replace(directory, trash / "deck")
    shutil.rmtree(trash, ignore_errors=True)


# Decks found sound in this process, kept while the PDF, the deck's folder, its deck.json and
# every image are unchanged (`cercle serve` rebuilds after each save: reading and decoding
# every slide image again was a fifth of an incremental rebuild at 500 entries per language).
_SOUND: dict[tuple[object, ...], tuple[tuple[int, ...], Deck]] = {}


def _state(path: Path) -> tuple[int, ...]:
    found = os.lstat(path)
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_mode)


def _deck_state(deck: Deck) -> tuple[int, ...]:
    paths = [deck.directory, deck.directory / MANIFEST, *deck.files()]
    return tuple(value for path in paths for value in _state(path))


def cached_pdf_deck(pdf_path: Path, cache_dir: Path, options: RenderOptions) -> Deck | None:
    """The sound cached deck of `pdf_path`, or None (not rendered yet, or the PDF unreadable)."""
    try:
        key = (str(pdf_path), _state(pdf_path), str(cache_dir), options)
        known = _SOUND.pop(key, None)
        if known is not None and known[0] == _deck_state(known[1]):
            _SOUND[key] = known
            return known[1]
        data = pdf_path.read_bytes()
    except OSError:
        return None  # render_deck says why
    deck = cached_deck(cache_dir, pdf_key(data, options), len(data), options)
    if deck is not None:
        if len(_SOUND) >= 10_000:  # PDFs edited all day long: forget them all past this
            _SOUND.clear()
        with contextlib.suppress(OSError):
            _SOUND[key] = (_deck_state(deck), deck)
    return deck


def render_deck(
    pdf_path: Path,
    cache_dir: Path,
    options: RenderOptions | None = None,
    limits: PdfLimits | None = None,
) -> Deck:
    """The deck of `pdf_path`, rendered into `cache_dir/<key>/` unless a sound copy is there."""
    options = options or RenderOptions()
    try:
        data = pdf_path.read_bytes()
    except OSError as exc:
        raise SlidesError("pdf_file_unreadable", exc.strerror or str(exc)) from None
    key = pdf_key(data, options)
    cache_dir.mkdir(parents=True, exist_ok=True)
    deck = cached_deck(cache_dir, key, len(data), options)
    if deck is not None:
        return deck
    # Render into a private folder, then move it in place: parallel builds never see half a deck.
    work = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=cache_dir))
    try:
        slides, digests, lang = render_pages(data, work, options, limits)
        write_atomic(work / MANIFEST, _manifest(slides, digests, lang))
        _move_aside(cache_dir / key, cache_dir)
        try:
            os.replace(work, cache_dir / key)
        except OSError:  # another build put its deck there meanwhile: use it if it is sound
            deck = cached_deck(cache_dir, key, len(data), options)
            if deck is None:
                raise
            return deck
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Deck(key, cache_dir / key, tuple(slides), len(data), lang)
