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
def test_real_decks_are_read_in_their_language(name, expected):
    pdf = pdfium.PdfDocument(FIXTURES / name)
    try:
        declared = pdf_language(pdf)
        text = " ".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    assert declared == ""  # none of them declares one: the text decides
    assert text_language(text) == expected


def test_short_or_ambiguous_text_claims_no_language():
    assert text_language("Merci !") == ""
    assert text_language("Agenda — Questions ? — 2 / 21") == ""
    assert text_language("") == ""


def test_a_declared_language_wins_and_a_malformed_one_is_ignored(tmp_path):
    source = FIXTURES / "en-beamer-road-warrior/rwdr.pdf"
    declared = with_language(source, "de-DE", tmp_path / "de.pdf")
    assert rendered(declared, tmp_path / "cache").lang == "de-DE"  # the PDF says so
    hostile = with_language(source, '" onload="x', tmp_path / "hostile.pdf")
    assert rendered(hostile, tmp_path / "cache").lang == "en"  # ignored: the text decides


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

    rendered(FIXTURES / "fr-impress-roboconf-jdev2017/JDEV-2017.pdf", tmp_path)
    assert language._model.cache_info().currsize == 0  # not kept for the rest of the build
