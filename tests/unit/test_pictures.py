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
            with Image.open(io.BytesIO(copies[f"assets/pictures/speakers/x-{width}.webp"])) as small:
                assert small.size == (width, width)
                # ...and the copies look like those of the full photo, saved the same way.
                direct = ImageOps.fit(full.convert("RGB"), small.size, Image.Resampling.LANCZOS)
                out = io.BytesIO()
                direct.save(out, "WEBP", quality=80, method=2)
                with Image.open(out) as expected:
                    diff = ImageChops.difference(small.convert("RGB"), expected.convert("RGB"))
                assert ImageStat.Stat(diff.convert("L")).mean[0] < 4, width


def test_a_photo_needed_at_full_size_is_decoded_whole(tmp_path):
    source = tmp_path / "photo.jpg"
    _photo(source, (1600, 900))
    widths = (360, 720, 1200)
    picture = Picture("assets/pictures/fr/x", "image", (1200, 630), widths, path=str(source), social=True)
    assert _source_image(picture, tmp_path).size == (1600, 900)
    copies = make_copies(picture, tmp_path)
    assert list(copies) == [v.dest for v in picture.variants()]
    # WebP at every width for srcset; JPEG only at 1200, the og:image (networks want JPEG).
    assert sorted(copies) == sorted(
        [f"assets/pictures/fr/x-{w}.webp" for w in widths] + ["assets/pictures/fr/x-1200.jpg"]
    )
    assert picture.largest.dest == "assets/pictures/fr/x-1200.jpg" and picture.src.dest.endswith("-360.webp")
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
    with Image.open(io.BytesIO(make_copies(picture, tmp_path)["assets/pictures/fr/x-360.webp"])) as small:
        assert small.size == (360, 189)


def _card_picture(title):
    from cercle.cards.spec import Brand, CardSpec

    spec = CardSpec("og", "guide", "fr", title, Brand(), eyebrow="Guide")
    return spec, Picture(f"assets/pictures/fr/{len(title)}", "card", (1200, 630), (360, 720), card=spec)


def _files(folder):
    # sound.json records the cache files' inodes (cercle.core.soundfiles): not what is compared
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "sound.json"
    }


def test_pictures_of_a_card_just_drawn_equal_those_of_the_cached_card(tmp_path):
    """A card's pictures are made from its pixels in memory, in the worker that drew it; they
    are the very bytes a later build makes from the cached PNG (the cache never decides)."""
    from cercle.cards.batch import CardJob, render_all

    drawn = [_card_picture(title) for title in ("Lexique", "Guide de l’ambassadeur", "Cercle")]
    jobs = [CardJob(spec, f"assets/cards/{i}.png") for i, (spec, _) in enumerate(drawn)]
    pictures = [picture for _, picture in drawn]
    together, apart = tmp_path / "together", tmp_path / "apart"
    result = render_all(
        jobs,
        together / "cards",
        workers=2,
        executor="thread",
        site_dir=together / "site",
        pictures=pictures,
        pictures_cache=together / "pictures",
    )
    assert (result.rendered, result.failed) == (3, [])
    render_all(jobs, apart / "cards", workers=1, site_dir=apart / "site")  # cards, then (warm) pictures
    render_all(
        jobs, apart / "cards", site_dir=apart / "site", pictures=pictures, pictures_cache=apart / "pictures"
    )
    assert _files(together / "site") == _files(apart / "site")
    assert len([name for name in _files(together / "site") if "pictures" in name]) == 3 * 2  # WebP only
    assert _files(together / "pictures") == _files(apart / "pictures")


def test_pictures_are_made_in_the_cards_pool_and_failures_reported(tmp_path):
    from cercle.cards.batch import CardJob, render_all

    spec, card = _card_picture("Lexique")
    photo = tmp_path / "photo.jpg"
    _photo(photo, (800, 500))
    image = Picture("assets/pictures/fr/photo", "image", (1200, 630), (360,), path=str(photo))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    bad = Picture("assets/pictures/fr/bad", "image", (1200, 630), (360,), path=str(broken))
    site = tmp_path / "site"
    result = render_all(
        [CardJob(spec, "assets/cards/x.png")],
        tmp_path / "cards",
        workers=2,
        executor="process",
        site_dir=site,
        pictures=[card, image, bad],
        pictures_cache=tmp_path / "pictures",
    )
    assert [picture for picture, _ in result.failed] == [bad]
    for picture in (card, image):
        assert all((site / v.dest).is_file() for v in picture.variants())
    assert not list(site.rglob("bad-*"))
