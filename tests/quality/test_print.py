"""Print: Chromium's print to PDF (Playwright's page.pdf(), print media) of every page type.

On paper a page keeps its text, the chapters, the transcript and the slides' text; it loses
the navigation, search, share block and video player; each link's address follows its text;
and the QR code in the corner decodes to the page's own address.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
import zxingcpp
from tests.quality.conftest import PAGE_TYPES

PRINTED = [k for k in PAGE_TYPES if k not in ("root", "404")]
WEBINAR_FR = PAGE_TYPES["webinar-past-fr"]
SCREEN_ONLY = {
    "fr": [
        "Aller au contenu",
        "Partager cette page",
        "Rechercher",
        "Accessibilité : partiellement",
        "Lire la vidéo",
    ],
    "en": ["Skip to content", "Share this page", "Search", "Accessibility: partially", "Play the video"],
}


def printed(page, url: str) -> pdfium.PdfDocument:
    page.goto(url)
    page.emulate_media(media="print")
    return pdfium.PdfDocument(page.pdf(format="A4", print_background=True))


def pdf_text(pdf: pdfium.PdfDocument) -> str:
    parts = []
    for index in range(len(pdf)):
        textpage = pdf[index].get_textpage()
        parts.append(textpage.get_text_range())
        textpage.close()
    return "\n".join(parts)


def squashed(text: str) -> str:
    """Text without white space or soft hyphens: long addresses wrap anywhere on paper."""
    return re.sub(r"[\s\u00ad\ufffe\u2010-]+", "", text)


def qr_codes(pdf: pdfium.PdfDocument) -> list[str]:
    image = pdf[0].render(scale=3).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("kind", PRINTED)
def test_printed_page_has_its_qr_code_and_no_screen_furniture(kind, page, served_demo):
    url = served_demo.url(PAGE_TYPES[kind])
    pdf = printed(page, url)
    assert qr_codes(pdf) == [url]
    text = pdf_text(pdf)
    lang = "en" if kind.endswith("-en") else "fr"
    shown = [s for s in SCREEN_ONLY[lang] if squashed(s) in squashed(text)]
    assert shown == [], shown
    assert squashed(url) in squashed(text)  # the address printed under the QR code


def test_printed_webinar_keeps_chapters_transcript_slides_and_link_addresses(page, served_demo):
    # The transcript's lines come from its own page; turning the page to print loads them
    # (nothing scrolled: the panel is far below the screen).
    page.goto(served_demo.url(WEBINAR_FR))
    assert page.locator(".cercle-transcript__box [data-cercle-transcript-lines]").count() == 0
    page.emulate_media(media="print")
    page.locator(".cercle-transcript__box [data-cercle-transcript-lines] > p").first.wait_for(
        state="attached"
    )
    pdf = pdfium.PdfDocument(page.pdf(format="A4", print_background=True))
    text = pdf_text(pdf)
    flat = squashed(text)
    assert squashed("Innover sans lien de subordination") in flat  # a chapter
    assert squashed("Transcription") in flat
    # the transcript's paragraphs, though its box scrolls on screen: the last cue is far below
    lines = page.locator(".cercle-transcript__box.is-scrolling [data-cercle-transcript-lines] span[id]")
    assert squashed(lines.first.text_content())[:60] in flat
    assert squashed(lines.last.text_content())[:60] in flat
    slide_text = page.locator(".cercle-slides__text").text_content()
    assert squashed(slide_text)[20:80] in flat
    assert squashed("https://www.reinventingorganizations.com/") in flat  # an external link's address
    speaker = served_demo.url("fr/intervenants/stephanie-ledoux/")
    assert squashed(speaker) in flat  # an internal link, made absolute


def test_print_gate_catches_a_page_without_print_stylesheet(page, served_demo):
    page.goto(served_demo.url(WEBINAR_FR))
    page.evaluate("document.querySelector('link[href$=\"cercle-print.css\"]').remove()")
    page.emulate_media(media="print")
    pdf = pdfium.PdfDocument(page.pdf(format="A4"))
    assert qr_codes(pdf) == []
    assert "Partager cette page" in pdf_text(pdf)
