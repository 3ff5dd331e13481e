"""Cards: sizes, formats, determinism, wrapping, fonts, cache, parallel rendering, planning."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from tests.conftest import ROOT

from cercle.cards.batch import CardJob, render_all
from cercle.cards.draw import ELLIPSIS, encode, render, render_og, render_quote, text_color, wrap
from cercle.cards.fonts import drawable, font_path
from cercle.cards.plan import CardPlanner, card_stem
from cercle.cards.png import encode_png
from cercle.cards.spec import Brand, BrandError, CardSpec
from cercle.core.cachefile import seal
from cercle.core.catalog import load_catalog
from cercle.core.i18n import message
from cercle.core.settings import HubSettings
from cercle.hub.view import Hub

BRAND = Brand()
WEBINAR = CardSpec(
    "og",
    "webinar",
    "fr",
    "Le cercle vertueux des programmes ambassadeurs",
    BRAND,
    eyebrow="Webinaire",
    facts=("Jeudi 13 octobre 2022", "Avec Stéphanie Ledoux, Patrice Laubignat"),
    footer="hub.example.org",
)
QUOTE = CardSpec(
    "quote", "quote", "fr", "Pas d’objectifs imposés, des besoins partagés.", BRAND, eyebrow="Saïd"
)


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def chunks(data: bytes) -> list[bytes]:
    found, pos = [], 8
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        found.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return found


def test_page_and_quote_cards_have_their_sizes_and_format():
    og, quote = image(render(WEBINAR)), image(render(QUOTE))
    assert (og.format, og.size, og.mode) == ("PNG", (1200, 630), "P")
    assert (quote.format, quote.size, quote.mode) == ("PNG", (1080, 1080), "P")


@pytest.mark.parametrize("spec", [WEBINAR, QUOTE], ids=["og", "quote"])
def test_palette_card_keeps_the_drawing(spec):
    """One byte a pixel, yet every pixel within a few levels of the RGB drawing: the palette
    holds each ramp the card draws (text, ring, pill), so anti-aliased edges stay smooth."""
    drawn = (render_quote(spec) if spec.kind == "quote" else render_og(spec)).image
    encoded = image(encode(drawn, spec.brand)).convert("RGB")
    worst = max(high for _, high in ImageChops.difference(encoded, drawn).getextrema())
    assert worst <= 12  # 16 shades a ramp (cards.png.RAMP_STEPS)
    assert len(encode(drawn, spec.brand)) * 2 < len(encode_png(drawn))  # RGB: over twice the bytes


def test_same_input_same_bytes_and_no_metadata():
    data = render(WEBINAR)
    assert render(replace(WEBINAR)) == data
    assert set(chunks(data)) == {b"IHDR", b"PLTE", b"IDAT", b"IEND"}  # no tIME, tEXt, pHYs…
    assert render(replace(WEBINAR, title="Autre titre")) != data


def test_digest_changes_with_everything_drawn_and_only_with_it():
    base = WEBINAR.digest()
    assert replace(WEBINAR).digest() == base
    for changed in (
        replace(WEBINAR, title="x"),
        replace(WEBINAR, lang="en"),
        replace(WEBINAR, facts=("x",)),
        replace(WEBINAR, brand=Brand(brand_color="#000000")),
        replace(WEBINAR, brand=Brand(site_name="Autre")),
    ):
        assert changed.digest() != base


def test_long_titles_wrap_then_end_with_an_ellipsis():
    title = "Pourquoi les ambassadeurs sont-ils forcément volontaires ? " * 6
    lines = wrap(title, "bold", 56, 900, 3)
    assert len(lines) == 3 and lines[-1].endswith(ELLIPSIS)
    assert all(line for line in lines)
    giant = wrap("Anticonstitutionnellement" * 8, "bold", 72, 600, 2)
    assert len(giant) == 2 and giant[-1].endswith(ELLIPSIS)
    assert wrap("Court", "bold", 72, 900, 3) == ["Court"]
    data = render(replace(WEBINAR, title=title))
    assert image(data).size == (1200, 630)


def test_french_accents_are_drawn_and_unsupported_glyphs_dropped():
    accents = "Éléonore, garçon, œuvre, « à bientôt » — déjà vu… ÀÇÉÈÊËÎÏÔŒÙÛÜŸ"
    assert drawable(accents) == accents
    assert drawable("Bravo 🎉 à 👩🏽‍💻 tous ✅ 漢字") == "Bravo à tous"
    assert drawable("e\u0301te\u0301") == "été"  # decomposed accents are composed first
    for text in ("🎉🎉🎉", "", "漢字 한국어 عربى"):
        assert image(render(replace(WEBINAR, title=text, facts=(text,)))).size == (1200, 630)
        assert image(render(replace(QUOTE, title=text or "x", eyebrow=text))).size == (1080, 1080)


def test_fonts_come_from_the_pip_package():
    path = font_path("bold")
    assert "font_source_sans_pro" in path.parts and path.is_file()


def test_text_color_keeps_contrast_on_light_and_dark_brands():
    assert text_color((40, 53, 147)) == (255, 255, 255)
    assert text_color((255, 202, 40)) == (17, 17, 17)


def test_brand_errors_are_clear(tmp_path):
    with pytest.raises(BrandError) as color:
        Brand(brand_color="pas une couleur")
    said = message("fr", f"cards.{color.value.code}", **color.value.params)
    assert (
        said
        == "cercle/cards\xa0: brand_color\xa0: «\xa0pas une couleur\xa0» n’est pas une couleur\u202f; "
        "écrivez-la comme #3f51b5"
    )
    with pytest.raises(BrandError) as logo:
        Brand(logo=str(tmp_path / "absent.png"))
    assert message("en", f"cards.{logo.value.code}", **logo.value.params).endswith(
        "absent.png' does not exist"
    )


def test_logo_is_drawn(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (64, 64), (255, 0, 0)).save(logo)
    card = image(render(replace(WEBINAR, brand=Brand(logo=str(logo))))).convert("RGB")
    assert card.getpixel((100, 88)) == (255, 0, 0)  # the logo's colours are in the palette
    assert image(render(WEBINAR)).convert("RGB").getpixel((100, 88)) != (255, 0, 0)


def jobs(count: int) -> list[CardJob]:
    return [CardJob(replace(WEBINAR, title=f"Carte {n}"), f"assets/cards/fr/{n}.png") for n in range(count)]


@pytest.mark.parametrize("executor", ["thread", "process"])
def test_cards_render_in_parallel_once_then_come_from_the_cache(tmp_path, executor):
    work = jobs(6)
    first = render_all(work, tmp_path / "cache", workers=2, executor=executor, progress=False)
    assert (first.total, first.rendered) == (6, 6)
    again = render_all(
        work, tmp_path / "cache", workers=2, executor=executor, progress=False, site_dir=tmp_path / "site"
    )
    assert again.rendered == 0
    for job in work:
        assert (tmp_path / "site" / job.dest).read_bytes() == render(job.spec)


def test_a_rebuild_links_unchanged_cards_from_the_published_version_never_from_the_cache(tmp_path):
    work = jobs(5)
    cache, versions = tmp_path / "cache", tmp_path / ".site.versions"
    first, second = versions / "1", versions / "2"
    render_all(work, cache, workers=1, progress=False, site_dir=first)
    (tmp_path / "site").symlink_to(".site.versions/1")  # published, as cercle.build.atomic does
    target = cache / f"{work[1].spec.digest()}.png"
    target.write_bytes(target.read_bytes()[:2000])  # a damaged cache entry: drawn again
    (first / work[3].dest).chmod(0o600)  # another mode: not the same file
    work[0] = CardJob(replace(work[0].spec, title="Autre carte"), work[0].dest)  # changed
    result = render_all(work, cache, workers=1, progress=False, site_dir=second, own={work[4].dest})
    assert result.rendered == 2
    for job in work:
        assert (second / job.dest).read_bytes() == render(job.spec)
    inode = {job.dest: ((first / job.dest).stat().st_ino, (second / job.dest).stat().st_ino) for job in work}
    assert inode[work[1].dest][0] == inode[work[1].dest][1]  # drawn again, the same bytes: linked
    assert inode[work[2].dest][0] == inode[work[2].dest][1]  # unchanged: linked
    assert inode[work[0].dest][0] != inode[work[0].dest][1]  # changed: a new file
    assert inode[work[3].dest][0] != inode[work[3].dest][1]  # another mode: a copy
    assert inode[work[4].dest][0] != inode[work[4].dest][1]  # a path MkDocs writes too: a copy
    cached = {path.stat().st_ino for path in cache.iterdir()}
    assert not cached & {path.stat().st_ino for path in second.rglob("*.png")}  # never the cache's inode


def test_a_cached_card_is_used_only_when_it_is_whole_and_never_linked_into_the_site(tmp_path):
    work = jobs(4)
    cache, site = tmp_path / "cache", tmp_path / "site"
    render_all(work, cache, workers=1, progress=False)
    targets = [cache / f"{job.spec.digest()}.png" for job in work]
    outside = tmp_path / "outside.png"
    outside.write_bytes(seal(render(QUOTE)))  # sealed, but a link is never followed
    targets[0].write_bytes(targets[0].read_bytes()[:2000])  # truncated
    targets[1].unlink()
    targets[1].symlink_to(outside)
    targets[2].write_bytes(seal(render(QUOTE)))  # whole and sealed, but not this card's size
    result = render_all(work, cache, workers=1, progress=False, site_dir=site)
    assert result.rendered == 3
    assert not targets[1].is_symlink()
    for job in work:
        published = site / job.dest
        assert published.read_bytes() == render(job.spec)
        assert published.stat().st_nlink == 1  # a copy: damaging the cache cannot damage the site
    for target in targets:
        target.write_bytes(b"")
    assert (site / work[3].dest).read_bytes() == render(work[3].spec)


def test_card_paths():
    assert card_stem("fr/webinaires/x/") == "fr/webinaires/x"
    assert card_stem("fr/") == "fr/index"
    assert card_stem("") == "index"
    assert card_stem("en/guides/x.html") == "en/guides/x"


@pytest.fixture(scope="module")
def demo_hub(tmp_path_factory) -> Hub:
    content = tmp_path_factory.mktemp("cards") / "content"
    shutil.copytree(ROOT / "content", content)
    webinar = content / "fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
    text = webinar.read_text(encoding="utf-8")
    if "\nquotes:" not in text:  # the demo may already have quotes
        quotes = "quotes:\n  - text: Le volontariat change tout.\n    by: stephanie-ledoux\n"
        webinar.write_text(text.replace("questions:", quotes + "questions:", 1), encoding="utf-8")
    settings = HubSettings(
        content_dir=content, today=dt.date(2026, 11, 17), site_url="https://hub.example.org/"
    )
    return Hub(load_catalog(settings))


def test_every_page_and_language_gets_a_card_and_each_quote_a_square_one(demo_hub):
    cards = CardPlanner(demo_hub, BRAND).plan()
    sources = {e.rel_path for e in demo_hub.catalog.entries} | {p.src_uri for p in demo_hub.pages}
    assert set(cards) == sources
    paths = [job.dest for job in {job for c in cards.values() for job in c.jobs()}]
    assert len(paths) == len(set(paths))  # no two different cards at the same place
    # "Guides" draws the same pixels in both languages: one file, one URL, each page its alt.
    guides = [c.og for c in cards.values() if c.og.job.spec.title == "Guides"]
    assert len(guides) == 2 and len({g.path for g in guides}) == 1
    assert guides[0].path == "assets/cards/fr/guides.png"
    webinar = cards["fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"]
    assert webinar.og.path == "assets/cards/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.png"
    spec = webinar.og.job.spec
    assert spec.eyebrow == "Webinaire" and spec.facts[0].startswith("Jeudi 13 octobre 2022")
    assert spec.facts[1] == "Avec Stéphanie Ledoux, Patrice Laubignat"
    assert webinar.quotes and all(q.job.spec.kind == "quote" and q.height == 1080 for q in webinar.quotes)
    assert webinar.quotes[0].path.endswith("/quote-1.png") and "—" in webinar.quotes[0].alt
    english = cards["en/webinars/virtuous-circle-ambassador-programs.md"].og.job.spec
    assert english.eyebrow == "Webinar" and english.facts[0].startswith("Thursday, October 13, 2022")
    event = cards[
        "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe.md"
    ].og.job.spec
    assert event.layout == "event" and len(event.facts) == 2  # date and place (or online)
    guide = cards["fr/guides/pourquoi-les-ambassadeurs-sont-volontaires.md"].og.job.spec
    assert guide.layout == "guide" and "Volontariat" in guide.facts[-1]
    assert cards["fr/index.md"].og.path == "assets/cards/fr/index.png"
    assert cards["index.md"].og.path == "assets/cards/index.png"


def test_demo_cards_render(demo_hub, tmp_path):
    cards = CardPlanner(demo_hub, BRAND).plan()
    work = [job for c in cards.values() for job in c.jobs()]
    result = render_all(work, tmp_path / "cache", workers=2, progress=False, site_dir=tmp_path / "site")
    assert result.rendered == len({job.spec.digest() for job in work})
    for job in work:
        assert Image.open(Path(tmp_path / "site" / job.dest)).size == job.spec.size


def test_progress_only_on_a_terminal_with_many_cards(tmp_path, capsys):
    from cercle.cards.pool import PROGRESS_FROM, progress_bar

    assert progress_bar(PROGRESS_FROM + 5, None) is None  # pytest's stderr is not a terminal
    assert progress_bar(3, True) is None  # a few cards: no bar
    work = jobs(PROGRESS_FROM)
    result = render_all(work, tmp_path / "cache", workers=2, progress=True)
    assert result.rendered == PROGRESS_FROM


def test_the_parent_lets_each_drawn_card_go_once_placed(tmp_path, monkeypatch):
    """A site's images must not pile up in the build process until the last one is drawn."""
    import weakref

    from cercle.cards import batch

    placed: list[weakref.ref] = []
    alive_at_each_placing: list[int] = []
    finish = batch._finish

    def watched(drawn, *args):
        alive_at_each_placing.append(sum(ref() is not None for ref in placed))
        placed.append(weakref.ref(drawn))
        finish(drawn, *args)

    monkeypatch.setattr(batch, "_finish", watched)
    site = tmp_path / "site"
    result = render_all(jobs(12), tmp_path / "cache", workers=2, executor="thread", site_dir=site)
    assert result.rendered == 12 and len(placed) == 12
    assert alive_at_each_placing == [0] * 12


@pytest.mark.parametrize("free_from_start", [True, False])
def test_the_build_draws_too_once_it_is_free(tmp_path, monkeypatch, free_from_start):
    """Once the pages are written (`free`), the build's own thread draws beside one worker fewer."""
    import threading

    from cercle.cards import batch

    drawers: list[str] = []
    draw = batch._draw

    def watched(*args):
        drawers.append(threading.current_thread().name)
        return draw(*args)

    monkeypatch.setattr(batch, "_draw", watched)
    free = threading.Event()
    if free_from_start:
        free.set()
    work = jobs(12)
    result = render_all(
        work, tmp_path / "cache", workers=3, executor="thread", site_dir=tmp_path / "site", free=free
    )
    assert result.rendered == 12 and len(drawers) == 12
    here = drawers.count(threading.current_thread().name)
    assert (here > 0) is free_from_start
    assert len(set(drawers) - {threading.current_thread().name}) <= 2  # the pool has one thread fewer
    for job in work:
        assert (tmp_path / "site" / job.dest).read_bytes() == render(job.spec)
