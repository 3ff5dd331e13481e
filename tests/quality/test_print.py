"""Print: Chromium's print to PDF (Playwright's page.pdf(), print media).

On paper a page keeps its text, the chapters, the transcript and the slides' text; it loses
the navigation, search, share block and video player; each link's address follows its text.
Every page type's QR code and missing screen furniture are test_page_types.py's.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from tests.quality.conftest import PAGE_TYPES
from tests.quality.paper import pdf_text, qr_codes, squashed

WEBINAR_FR = PAGE_TYPES["webinar-past-fr"]


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
