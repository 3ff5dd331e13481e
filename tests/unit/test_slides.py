"""Slides: the demo PDF generator, rendering with pypdfium2, the cache, gallery alt text."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from cercle.core.cachefile import seal, unseal
from cercle.slides.cache import cached_pdf_deck, render_deck
from cercle.slides.gallery import gallery
from cercle.slides.pool import render_decks
from cercle.slides.render import MAX_SIDE, PdfLimits, RenderOptions, SlidesError, check_pdf

ROOT = Path(__file__).resolve().parents[2]
DEMO_PDF = ROOT / "content/media/cercle-vertueux-slides.pdf"


def load_script():
    spec = importlib.util.spec_from_file_location("make_demo_slides", ROOT / "scripts/make_demo_slides.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_demo_pdfs_are_what_the_script_writes():
    script = load_script()
    for deck in script.SLIDES.values():
        committed = (ROOT / "content/media" / deck["file"]).read_bytes()
        assert committed == script.build_pdf(deck), f"run scripts/make_demo_slides.py ({deck['file']})"
        assert len(committed) < 40_000


def test_render_pages_thumbnails_and_text(tmp_path):
    options = RenderOptions(width=640, thumb_width=160)
    deck = render_deck(DEMO_PDF, tmp_path, options)
    assert len(deck.slides) == 6 and deck.pdf_bytes == DEMO_PDF.stat().st_size
    second = deck.slides[1]
    with Image.open(deck.directory / second.image) as image:
        assert image.format == "WEBP" and image.size == (640, 360) == (second.width, second.height)
    with Image.open(deck.directory / second.thumb) as thumb:
        assert thumb.size == (160, 90) == (second.thumb_width, second.thumb_height)
    assert second.title == "Trois questions"
    assert "Quels ingrédients pour le créer ?" in second.text
    assert deck.slides[0].title == "Le cercle vertueux des programmes ambassadeurs"
    assert "Stéphanie Ledoux" in deck.slides[0].text


def test_rendering_is_cached_by_hash(tmp_path):
    options = RenderOptions(width=320, thumb_width=80)
    first = render_deck(DEMO_PDF, tmp_path, options)
    stamps = {p: p.stat().st_mtime_ns for p in first.files()}
    again = render_deck(DEMO_PDF, tmp_path, options)
    assert again == first
    assert {p: p.stat().st_mtime_ns for p in again.files()} == stamps  # nothing rendered again
    png = render_deck(DEMO_PDF, tmp_path, RenderOptions(width=320, thumb_width=80, format="png"))
    assert png.key != first.key and png.slides[0].image.endswith(".png")
    copy = tmp_path / "renamed.pdf"
    copy.write_bytes(DEMO_PDF.read_bytes())
    assert render_deck(copy, tmp_path, options).key == first.key  # the content counts, not the name
    decks = sorted(p.name for p in tmp_path.iterdir() if p.is_dir() and p.name != "checked")
    assert decks == sorted([first.key, png.key])


def test_a_damaged_cache_entry_is_rendered_again(tmp_path):
    options = RenderOptions(width=320, thumb_width=80)
    deck = render_deck(DEMO_PDF, tmp_path, options)
    (deck.directory / deck.slides[2].image).unlink()
    assert render_deck(DEMO_PDF, tmp_path, options) == deck
    assert (deck.directory / deck.slides[2].image).is_file()


def test_a_deck_found_sound_is_checked_again_once_an_image_changes(tmp_path):
    # `cercle serve` keeps the decks it checked; an image changed since is not believed.
    options = RenderOptions(width=320, thumb_width=80)
    deck = render_deck(DEMO_PDF, tmp_path, options)
    assert cached_pdf_deck(DEMO_PDF, tmp_path, options) == deck
    assert cached_pdf_deck(DEMO_PDF, tmp_path, options) == deck  # kept: the same files
    image = deck.directory / deck.slides[1].thumb
    image.write_bytes(image.read_bytes()[:-10])  # in place: the folder itself is unchanged
    assert cached_pdf_deck(DEMO_PDF, tmp_path, options) is None
    assert render_deck(DEMO_PDF, tmp_path, options) == deck  # drawn again
    assert cached_pdf_deck(DEMO_PDF, tmp_path, options) == deck


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "unreadable_pdf"),
        (b"<html>not a pdf</html>", "unreadable_pdf"),
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n", "unreadable_pdf"),
    ],
)
def test_unreadable_pdfs_raise_a_coded_error(tmp_path, data, code):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(SlidesError) as caught:
        check_pdf(path)
    assert caught.value.code == code
    with pytest.raises(SlidesError):
        render_deck(path, tmp_path / "cache")


def test_truncated_demo_pdf_is_refused(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(DEMO_PDF.read_bytes()[:400])
    with pytest.raises(SlidesError):
        check_pdf(path)
    assert check_pdf(DEMO_PDF) == 6
    with pytest.raises(SlidesError):
        check_pdf(tmp_path / "missing.pdf")


def test_gallery_alt_text_and_urls(tmp_path):
    [future] = render_decks([DEMO_PDF], tmp_path, RenderOptions(width=320, thumb_width=80), PdfLimits())
    deck = future.result()
    fr = gallery(deck, "media/x.pdf", "assets/slides/abc/", "fr")
    en = gallery(deck, "media/x.pdf", "assets/slides/abc", "en")
    assert deck.lang == "fr"  # read from its text (the PDF declares none)
    assert fr.items[1].alt == "Diapositive 2 sur 6\xa0: Trois questions" and fr.lang == fr.items[1].lang == ""
    # On an English page the French deck's alt text is its title alone, marked French.
    assert (en.items[1].alt, en.items[1].lang, en.lang) == ("Trois questions", "fr", "fr")
    assert en.first.image_url == "assets/slides/abc/slide-001.webp"
    assert en.items[5].thumb_url == "assets/slides/abc/thumb-006.webp"
    assert en.size_label("en") == "11 KB" and fr.size_label("fr") == "11 Ko"


def test_deck_json_cannot_name_the_files_and_links_are_not_followed(tmp_path):
    options = RenderOptions(width=320, thumb_width=80)
    cache = tmp_path / "cache"
    deck = render_deck(DEMO_PDF, cache, options)
    manifest = deck.directory / "deck.json"
    stored = json.loads(bytes(unseal(manifest.read_bytes())))
    for row in stored["slides"]:
        row["thumb"] = "/etc/hostname"  # even sealed again, a path is never read from deck.json
    manifest.write_bytes(seal(json.dumps(stored).encode()))
    again = render_deck(DEMO_PDF, cache, options)
    assert again == deck and all(p.parent == deck.directory for p in again.files())
    assert "/etc/hostname" not in manifest.read_text(encoding="utf-8", errors="replace")

    # A slide image replaced by a link to another file: drawn again, the link gone.
    outside = tmp_path / "outside.webp"
    outside.write_bytes((deck.directory / deck.slides[0].image).read_bytes())
    image = deck.directory / deck.slides[1].image
    image.unlink()
    image.symlink_to(outside)
    assert render_deck(DEMO_PDF, cache, options) == deck
    assert not image.is_symlink() and image.is_file()

    # The deck's folder replaced by a link to a folder elsewhere: a miss, replaced by a real folder.
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(deck.directory, elsewhere)
    shutil.rmtree(deck.directory)
    deck.directory.symlink_to(elsewhere, target_is_directory=True)
    assert render_deck(DEMO_PDF, cache, options) == deck
    assert not deck.directory.is_symlink() and deck.directory.is_dir()
    assert sorted(p.name for p in elsewhere.iterdir()) == sorted(p.name for p in deck.directory.iterdir())

    # A damaged image (same name, other bytes) is drawn again.
    image.write_bytes(image.read_bytes()[:100])
    assert render_deck(DEMO_PDF, cache, options) == deck
    assert Image.open(image).size == (deck.slides[1].width, deck.slides[1].height)


def test_pdf_limits_and_the_webp_size_limit(tmp_path):
    with pytest.raises(SlidesError) as caught:
        check_pdf(DEMO_PDF, PdfLimits(max_pages=5))
    assert caught.value.code == "pdf_too_many_pages" and caught.value.params == {"pages": 6, "max": 5}
    tall = tmp_path / "tall.pdf"
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(400, 300)
    pdf.new_page(100, 14_400)
    pdf.save(tall)
    pdf.close()
    with pytest.raises(SlidesError) as caught:
        check_pdf(tall)
    assert caught.value.code == "pdf_page_too_large"
    assert caught.value.params == {"page": 2, "width": 100, "height": 14400, "max": 5000}
    with pytest.raises(SlidesError):
        render_deck(tall, tmp_path / "cache")  # refused before anything is drawn
    assert not [p for p in (tmp_path / "cache").rglob("*.webp")]
    deck = render_deck(tall, tmp_path / "cache", RenderOptions(), PdfLimits(max_page_size=15_000))
    assert (deck.slides[0].width, deck.slides[0].height) == (1024, 768)
    assert deck.slides[1].height <= MAX_SIDE and deck.slides[1].height > 16_000
    with Image.open(deck.directory / deck.slides[1].image) as image:
        assert image.size == (deck.slides[1].width, deck.slides[1].height)


def test_decks_not_cached_render_in_processes_and_errors_name_their_pdf(tmp_path):
    from cercle.slides.pool import render_decks

    options, limits = RenderOptions(width=320, thumb_width=80), PdfLimits()
    second = tmp_path / "second.pdf"
    shutil.copy(ROOT / "content/media/virtuous-circle-slides.pdf", second)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 but nothing else")
    futures = render_decks([DEMO_PDF, broken, second], tmp_path / "cache", options, limits, workers=2)
    first = futures[0].result()
    assert first == render_deck(DEMO_PDF, tmp_path / "cache", options)  # the cached one, the same
    assert len(futures[2].result().slides) == len(pdfium.PdfDocument(second))
    with pytest.raises(SlidesError) as caught:  # raised in a worker, unpickled whole
        futures[1].result()
    assert caught.value.code == "unreadable_pdf" and caught.value.detail
    again = render_decks([DEMO_PDF, second], tmp_path / "cache", options, limits)
    assert all(f.done() for f in again) and again[0].result() == first  # warm: no process


def test_a_deck_found_sound_is_trusted_unread_only_by_the_machine_that_signed_it(tmp_path, monkeypatch):
    from cercle.core.cachefile import sign, signed
    from cercle.slides import cache as slides_cache

    this_machine, someone_else = b"k" * 32, b"x" * 32
    monkeypatch.setattr(slides_cache, "signing_key", lambda: this_machine)
    monkeypatch.setattr(slides_cache, "_SOUND", {})  # a new process: nothing checked yet
    options = RenderOptions(width=320, thumb_width=80)
    deck = render_deck(DEMO_PDF, tmp_path, options)
    assert cached_pdf_deck(DEMO_PDF, tmp_path, options) == deck
    record = tmp_path / "checked" / f"{deck.key}.json"
    assert signed(record.read_bytes(), this_machine) is not None

    read = []
    real_check = slides_cache._image_checked
    monkeypatch.setattr(slides_cache, "_image_checked", lambda *a: read.append(a[0]) or real_check(*a))
    monkeypatch.setattr(slides_cache, "_SOUND", {})
    assert cached_pdf_deck(DEMO_PDF, tmp_path, options) == deck
    assert read == []  # the record was used: no image read

    # Signed with another key (a cache that came with a pull request): every image is read.
    record.write_bytes(sign(signed(record.read_bytes(), this_machine), someone_else))
    monkeypatch.setattr(slides_cache, "_SOUND", {})
    assert cached_pdf_deck(DEMO_PDF, tmp_path, options) == deck
    assert len(read) == len(deck.files())

    # An image replaced since (another file at its name): read again, and refused when damaged.
    read.clear()
    image = deck.directory / deck.slides[0].image
    damaged = image.read_bytes()[:50]
    image.unlink()
    image.write_bytes(damaged)
    monkeypatch.setattr(slides_cache, "_SOUND", {})
    assert cached_pdf_deck(DEMO_PDF, tmp_path, options) is None
    assert read and read[0] == image


def test_a_pdf_that_cannot_be_opened_says_why_not_that_it_is_damaged(tmp_path):
    folder = tmp_path / "slides.pdf"
    folder.mkdir()  # a folder where the PDF should be: the system's reason is the message's
    with pytest.raises(SlidesError) as raised:
        check_pdf(folder)
    assert raised.value.code == "pdf_file_unreadable" and raised.value.detail == "Is a directory"
