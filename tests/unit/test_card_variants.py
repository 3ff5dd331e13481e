"""Images for every network: each entry's card and quotes at 1.91:1, 1:1, 4:5 and 9:16."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from dataclasses import replace

import pytest
from mkdocs.config.base import ValidationError
from PIL import Image
from tests.conftest import ROOT

from cercle.cards.batch import render_all
from cercle.cards.draw import render
from cercle.cards.plan import CardPlanner
from cercle.cards.spec import Brand
from cercle.cards.variants import SHAPES, VariantSpec, meant_to_share, plan_variants, to_vary, variant_jobs
from cercle.core.catalog import load_catalog
from cercle.core.settings import HubSettings
from cercle.hub.view import Hub
from cercle.mkdocs.cards.config import CardsConfig

SIZES = {"1.91:1": (1200, 630), "1:1": (1080, 1080), "4:5": (1080, 1350), "9:16": (1080, 1920)}


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    content = tmp_path_factory.mktemp("variants") / "content"
    shutil.copytree(ROOT / "content", content)
    settings = HubSettings(
        content_dir=content, today=dt.date(2026, 11, 17), site_url="https://hub.example.org/"
    )
    hub = Hub(load_catalog(settings))
    cards = CardPlanner(hub, Brand()).plan()
    return hub, cards, plan_variants(cards, hub.entry_by_src)


def test_every_entry_gets_four_shapes_of_its_card_and_of_each_quote(planned):
    hub, cards, variants = planned
    assert set(variants) == set(hub.entry_by_src)  # entries only, not generated pages
    for src, found in variants.items():
        quotes = len(cards[src].quotes)
        assert len(found) == 4 * (1 + quotes)
        for number in range(quotes + 1):
            shapes = {v.ratio: v for v in found if v.number == number}
            assert list(shapes) == list(SHAPES)
            assert {r: (v.width, v.height) for r, v in shapes.items()} == SIZES
            assert len({v.alt for v in shapes.values()}) == 1 and shapes["1:1"].alt  # one alt, said once
    page = variants["fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"]
    og = next(v for v in page if v.ratio == "1.91:1" and v.number == 0)
    assert og.card is cards["fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"].og  # reused
    story = next(v for v in page if v.ratio == "9:16" and v.number == 0)
    assert story.path == "assets/cards/fr/webinaires/cercle-vertueux-programmes-ambassadeurs-story.png"
    wide = next(v for v in page if v.ratio == "1.91:1" and v.number == 1)
    assert wide.path == "assets/cards/fr/webinaires/cercle-vertueux-programmes-ambassadeurs/quote-1-wide.png"


def test_only_reshaped_images_are_drawn_again(planned):
    _, _, variants = planned
    jobs = variant_jobs(variants)
    assert jobs and all(isinstance(job.spec, VariantSpec) for job in jobs)
    assert len({job.dest for job in jobs}) == len(jobs)


def test_each_shape_is_a_small_png_of_its_size_and_the_same_bytes_twice(planned):
    _, _, variants = planned
    page = variants["fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"]
    for variant in page:
        spec = variant.card.job.spec
        data = render(spec)
        assert data == render(spec)  # deterministic
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG" and image.size == SIZES[variant.ratio]
        assert len(data) < 60_000  # flat colours: a palette PNG (RGB took up to 94 KB)


def test_digest_differs_by_shape_and_content(planned):
    _, _, variants = planned
    page = variants["fr/guides/lexique-ambassadeur.md"]
    digests = {v.card.job.spec.digest() for v in page}
    assert len(digests) == 4


def test_variants_are_cached_by_content_hash(planned, tmp_path):
    _, _, variants = planned
    jobs = variant_jobs({k: v for k, v in variants.items() if k.startswith("fr/guides/")})
    first = render_all(jobs, tmp_path / "cache", workers=2, executor="thread", site_dir=tmp_path / "site")
    assert first.rendered == len(jobs)
    again = render_all(jobs, tmp_path / "cache", workers=2, executor="thread", site_dir=tmp_path / "site2")
    assert again.rendered == 0
    for job in jobs:
        placed = (tmp_path / "site2" / job.dest).read_bytes()
        assert placed == (tmp_path / "site" / job.dest).read_bytes()


@pytest.mark.parametrize(("anchor", "size"), [(None, 36), ("lm", 28), ("ls", 36), (None, 72)])
def test_cached_text_lines_are_the_pixels_pillow_draws(anchor, size):
    """Cards draw their lines through a cache of FreeType renderings (draw.put): twice the
    same line, at whole and fractional positions, gives exactly what ImageDraw.text gives."""
    from PIL import ImageDraw

    from cercle.cards.draw import put
    from cercle.cards.fonts import font

    ours, pillows = (Image.new("RGB", (1000, 300), (40, 53, 147)) for _ in range(2))
    face = font("semibold", size)
    for y, x in ((60, 20), (150, 20.5), (240, 33.25)):
        line = "Cercle — l’ambassadeur\u202f?"
        put(ImageDraw.Draw(ours), (x, y), line, face, (255, 202, 40), anchor)
        put(ImageDraw.Draw(ours), (x + 1, y + 1.5), line, face, (255, 255, 255), anchor)
        ImageDraw.Draw(pillows).text((x, y), line, font=face, fill=(255, 202, 40), anchor=anchor)
        ImageDraw.Draw(pillows).text((x + 1, y + 1.5), line, font=face, fill=(255, 255, 255), anchor=anchor)
    assert ours.tobytes() == pillows.tobytes()


def test_only_entries_meant_to_be_shared_get_the_network_shapes(planned):
    hub, cards, _ = planned
    today = hub.today  # 2026-11-17
    shared = set(to_vary(hub.entry_by_src, "shared", today))
    assert "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires.md" in shared  # pinned, open
    assert "fr/guides/ubuntu-lancer-relancer-programme-ambassadeurs.md" in shared  # opens 2026-12-01
    assert "fr/webinaires/faire-vivre-programme-ambassadeurs-dans-la-duree.md" in shared  # no end
    assert "fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md" not in shared  # ended 11-10
    no_window = "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe.md"
    assert no_window in hub.entry_by_src and no_window not in shared
    ended = hub.entry_by_src["fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"]
    assert meant_to_share(ended, dt.date(2026, 11, 10))  # its last day still counts
    pin = ended.meta.share.model_copy(update={"pinned": True})
    assert meant_to_share(replace(ended, meta=ended.meta.model_copy(update={"share": pin})), today)
    assert set(to_vary(hub.entry_by_src, "all", today)) == set(hub.entry_by_src)
    assert to_vary(hub.entry_by_src, "none", today) == []
    variants = plan_variants(cards, sorted(shared))
    assert set(variants) == shared
    assert all(len(found) == 4 * (1 + len(cards[src].quotes)) for src, found in variants.items())


def test_the_variants_option_reads_the_old_boolean():
    variants = dict(CardsConfig._schema)["variants"]  # the option object
    assert variants.validate(True) == "all" and variants.validate(False) == "none"
    assert variants.validate("shared") == "shared" and variants.default == "shared"
    with pytest.raises(ValidationError):
        variants.validate("some")


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("kind", ["og", "quote"])
def test_shapes_draw_titles_that_fill_the_card_and_map_only_what_they_drew(shape, kind):
    """A title that leaves no room for the subtitle still draws (the subtitle is left out);
    and mapping onto the palette only the rectangles drawn over the shared background
    (sheet.Sheet: patches) gives the pixels of mapping the whole drawing."""
    from cercle.cards.draw import drawing, palette
    from cercle.cards.png import without_rows

    title = "Le cercle vertueux des programmes ambassadeurs" * 4  # 1.91:1 and 1:1: no room left
    spec = VariantSpec(
        "variant-" + kind,
        kind,
        "fr",
        title,
        Brand(),
        eyebrow="Webinaire",
        subtitle="Des besoins partagés entre l’organisation et ses volontaires.",
        facts=("Jeudi 13 octobre 2022",),
        footer="hub.example.org",
        shape=shape,
    )
    sheet = drawing(spec)
    whole = sheet.image.quantize(palette=palette(spec.brand), dither=Image.Dither.NONE)
    assert sheet.patches and without_rows(sheet.rows(palette(spec.brand))).tobytes() == whole.tobytes()
    assert Image.open(io.BytesIO(render(spec))).size == SIZES[shape]


def test_lines_drawn_on_patches_are_the_pixels_drawn_on_the_whole_card():
    """Cards draw each line on a patch (sheet.Sheet); lines that overlap (here each crosses
    the one before) and one past the edge give the pixels of drawing them on the card."""
    from PIL import ImageDraw

    from cercle.cards.draw import put
    from cercle.cards.fonts import font
    from cercle.cards.png import with_rows
    from cercle.cards.sheet import Sheet

    whole = Image.new("RGB", (600, 200), (40, 53, 147))
    sheet = Sheet(whole.copy(), with_rows(whole.quantize(colors=4)))
    for xy, size, fill in (
        ((10, 20), 72, (255, 202, 40)),
        ((30, 50), 72, (255, 255, 255)),
        ((420, 150), 60, (0, 0, 0)),
    ):
        for draw in (ImageDraw.Draw(whole), sheet):
            put(draw, xy, "Cercle — agir", font("bold", size), fill)
    assert len(sheet.patches) == 3 and sheet.image.tobytes() == whole.tobytes()
