"""What a page gives on paper: Chromium's print to PDF (print media) read back with PDFium."""

from __future__ import annotations

import re
from typing import Any

import pypdfium2 as pdfium
import zxingcpp

# What the screen shows and paper must not: navigation, search, share block, video player.
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


def printed(page: Any) -> pdfium.PdfDocument:
    """The page as it is, printed on A4 with print media."""
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


def paper_problems(pdf: pdfium.PdfDocument, url: str, lang: str) -> list[str]:
    """Empty when the first page's QR code is the page's address, printed under it, and no
    screen furniture is on paper."""
    found = []
    codes = qr_codes(pdf)
    if codes != [url]:
        found.append(f"QR codes {codes}, not [{url}]")
    text = squashed(pdf_text(pdf))
    found += [f"on paper: {s!r}" for s in SCREEN_ONLY[lang] if squashed(s) in text]
    if squashed(url) not in text:
        found.append("the address is not printed")
    return found
