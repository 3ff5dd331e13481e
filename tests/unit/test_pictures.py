"""Listing pictures: made cheaply (decoded small, resized once a width) and still right."""

from __future__ import annotations

import io

from PIL import Image, ImageChops, ImageDraw, ImageOps, ImageStat

from cercle.cards.pictures import AVATAR_WIDTHS, Picture, _source_image
from cercle.cards.pictures import make as make_copies


def _photo(path, size):
    """A photo with detail (stripes and a disc), saved as JPEG."""
    image = Image.new("RGB", size, (200, 60, 40))
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 160):
        draw.rectangle((x, 0, x + 79, size[1]), fill=(30, 90, 180))
    draw.ellipse((size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4), fill=(250, 220, 40))
    image.save(path, quality=95)


def test_a_large_photo_is_decoded_small_for_small_copies(tmp_path):
    source = tmp_path / "photo.jpg"
    _photo(source, (2400, 1600))
    avatar = Picture("assets/pictures/speakers/x", "image", (1, 1), AVATAR_WIDTHS, path=str(source))
    # libjpeg decoded it at 1/8 (300×200 still covers the 192 px square)...
    assert _source_image(avatar, tmp_path).size == (300, 200)
    copies = make_copies(avatar, tmp_path)
    with Image.open(source) as full:
        for width in AVATAR_WIDTHS:
            with Image.open(io.BytesIO(copies[f"assets/pictures/speakers/x-{width}.jpg"])) as small:
                assert small.size == (width, width)
                # ...and the copies look like those of the full photo, saved the same way.
                direct = ImageOps.fit(full.convert("RGB"), small.size, Image.Resampling.LANCZOS)
                out = io.BytesIO()
                direct.save(out, "JPEG", quality=82)
                with Image.open(out) as expected:
                    diff = ImageChops.difference(small.convert("RGB"), expected.convert("RGB"))
                assert ImageStat.Stat(diff.convert("L")).mean[0] < 4, width


def test_a_photo_needed_at_full_size_is_decoded_whole(tmp_path):
    source = tmp_path / "photo.jpg"
    _photo(source, (1600, 900))
    picture = Picture("assets/pictures/fr/x", "image", (1200, 630), (360, 720, 1200), path=str(source))
    assert _source_image(picture, tmp_path).size == (1600, 900)
    copies = make_copies(picture, tmp_path)
    assert list(copies) == [v.dest for v in picture.variants()]
    for variant in picture.variants():
        with Image.open(io.BytesIO(copies[variant.dest])) as image:
            assert image.size == (variant.width, variant.height)


def test_a_turned_photo_is_decoded_large_enough_for_either_side(tmp_path):
    source = tmp_path / "photo.jpg"
    image = Image.new("RGB", (2000, 800), (10, 120, 200))
    exif = image.getexif()
    exif[0x0112] = 6  # shown turned a quarter: 800 wide, 2000 high
    image.save(source, exif=exif)
    picture = Picture("assets/pictures/fr/x", "image", (1200, 630), (360,), path=str(source))
    # Upright it is 800 px wide: 1/2 (400 px) still covers 360 px; 1/4 (200 px) would not.
    assert _source_image(picture, tmp_path).size == (400, 1000)
    with Image.open(io.BytesIO(make_copies(picture, tmp_path)["assets/pictures/fr/x-360.jpg"])) as small:
        assert small.size == (360, 189)
