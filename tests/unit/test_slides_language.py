"""The language of a slide deck: the PDF's /Lang, else its text read by fastText (real decks)."""

from __future__ import annotations

import ctypes
import json
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from cercle.core.cachefile import seal, unseal
from cercle.slides.cache import render_deck
from cercle.slides.gallery import gallery
from cercle.slides.language import pdf_language, text_language
from cercle.slides.pool import render_decks
from cercle.slides.render import PdfLimits, RenderOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures/slides"
REAL_DECKS = {
    "fr-impress-roboconf-rmll2014/Conf285-RMLL2014_Roboconf.pdf": "fr",
    "fr-impress-roboconf-jdev2017/JDEV-2017.pdf": "fr",
    "en-beamer-bsd-for-linux-users/bsd_for_linux_users.pdf": "en",
    "en-beamer-road-warrior/rwdr.pdf": "en",
}
SMALL = RenderOptions(width=160, thumb_width=40)


def rendered(pdf: Path, cache: Path):
    """The deck as a build gets it (cercle.slides.pool: rendered, then its language read)."""
    [future] = render_decks([pdf], cache, SMALL, PdfLimits())
    return future.result()


def with_language(source: Path, tag: str, dest: Path) -> Path:
    """`source` saved again by PDFium with /Lang set to `tag`."""
    pdf = pdfium.PdfDocument(source)
    units = tag.encode("utf-16-le") + b"\0\0"  # FPDF_WIDESTRING
    buffer = (ctypes.c_ushort * (len(units) // 2)).from_buffer_copy(units)
    assert pdfium_c.FPDFCatalog_SetLanguage(pdf.raw, buffer)
    pdf.save(dest)
    pdf.close()
    return dest


@pytest.mark.parametrize(("name", "expected"), sorted(REAL_DECKS.items()))
def test_real_decks_are_read_in_their_language(name, expected, tmp_path):
    pdf = pdfium.PdfDocument(FIXTURES / name)
    try:
        assert pdf_language(pdf) == ""  # none of them declares one: the text decides
    finally:
        pdf.close()
    # As a build reads it: from the slides' text once the deck is rendered.
    assert rendered(FIXTURES / name, tmp_path).lang == expected


def test_short_or_ambiguous_text_claims_no_language():
    assert text_language("Merci !") == ""
    assert text_language("Agenda — Questions ? — 2 / 21") == ""
    assert text_language("") == ""


@pytest.mark.parametrize(
    ("declared", "read"),
    [
        ("de-DE", "de-DE"),  # the PDF says so
        ('" onload="x', "en"),  # not a tag: the text decides
        ("und", "en"),  # "undetermined" is no language
        ("eng", "en"),  # not how BCP 47 writes English: a page's "en" would not match it
    ],
)
def test_a_declared_language_wins_unless_it_is_no_usable_tag(tmp_path, declared, read):
    source = FIXTURES / "en-beamer-road-warrior/rwdr.pdf"
    assert rendered(with_language(source, declared, tmp_path / "d.pdf"), tmp_path / "cache").lang == read


def test_a_regional_tag_on_a_page_of_its_language_marks_nothing(tmp_path):
    source = FIXTURES / "en-beamer-road-warrior/rwdr.pdf"
    deck = rendered(with_language(source, "en-US", tmp_path / "us.pdf"), tmp_path / "cache")
    assert deck.lang == "en-US"
    assert gallery(deck, "media/x.pdf", "assets/slides/k", "en").lang == ""
    assert gallery(deck, "media/x.pdf", "assets/slides/k", "fr").lang == "en-US"


def test_a_deck_rendered_by_a_build_stopped_before_reading_it_is_read_by_the_next(tmp_path):
    pdf = FIXTURES / "fr-impress-roboconf-jdev2017/JDEV-2017.pdf"
    cache = tmp_path / "cache"
    assert render_deck(pdf, cache, SMALL).lang is None  # rendered, its text not read yet
    assert rendered(pdf, cache).lang == "fr"  # the next build finds it in the cache and reads it
    assert render_deck(pdf, cache, SMALL).lang == "fr"  # kept in deck.json


def test_the_language_is_kept_with_the_deck_and_checked_when_read_back(tmp_path):
    pdf = FIXTURES / "fr-impress-roboconf-jdev2017/JDEV-2017.pdf"
    cache = tmp_path / "cache"
    deck = rendered(pdf, cache)
    assert deck.lang == "fr" and render_deck(pdf, cache, SMALL) == deck  # read back from deck.json
    manifest = deck.directory / "deck.json"
    stored = json.loads(bytes(unseal(manifest.read_bytes())))
    stored["lang"] = 'fr" onmouseover="alert(1)'  # a cache that came with a pull request
    manifest.write_bytes(seal(json.dumps(stored).encode()))
    again = rendered(pdf, cache)  # not trusted: rendered again
    assert again.lang == "fr" and '"' not in json.loads(bytes(unseal(manifest.read_bytes())))["lang"]


def test_a_page_in_the_decks_language_marks_nothing_another_page_marks_the_deck(tmp_path):
    deck = rendered(FIXTURES / "en-beamer-road-warrior/rwdr.pdf", tmp_path)
    en = gallery(deck, "media/rwdr.pdf", "assets/slides/k", "en")
    fr = gallery(deck, "media/rwdr.pdf", "assets/slides/k", "fr")
    assert en.lang == "" and {item.lang for item in en.items} == {""}
    assert en.items[0].alt.startswith("Slide 1 of ")
    assert fr.lang == "en" and fr.items[0].lang == "en"
    assert fr.items[0].alt.startswith("Road Warrior Disaster Recovery")
    assert not fr.items[0].alt.startswith("Diapositive")


def test_the_model_is_let_go_once_the_decks_are_read(tmp_path):
    from cercle.slides import language

    assert rendered(FIXTURES / "fr-impress-roboconf-jdev2017/JDEV-2017.pdf", tmp_path).lang == "fr"
    assert language._model.cache_info().currsize == 0  # not kept for the rest of the build


def test_a_model_that_cannot_be_used_leaves_the_deck_unmarked_not_the_build_failed(tmp_path, monkeypatch):
    from cercle.slides import language

    monkeypatch.setattr(language, "MODEL", "missing.ftz")  # a damaged install
    deck = rendered(FIXTURES / "fr-impress-roboconf-jdev2017/JDEV-2017.pdf", tmp_path)
    assert deck.lang == ""
    assert gallery(deck, "media/x.pdf", "assets/slides/k", "en").lang == ""


def test_an_image_only_deck_declared_french_marks_nothing(tmp_path):
    image_only = tmp_path / "image-only.pdf"
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(400, 300)
    pdf.save(image_only)
    pdf.close()
    deck = rendered(with_language(image_only, "fr", tmp_path / "fr.pdf"), tmp_path / "cache")
    assert deck.lang == "fr"
    page = gallery(deck, "media/x.pdf", "assets/slides/k", "en")
    assert page.lang == "" and page.items[0].lang == "" and page.items[0].alt == "Slide 1 of 1"
    assert not page.has_text  # the page then shows no "Text of the slides"
