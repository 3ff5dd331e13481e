"""The language a deck is written in, so a page in another language can say so (WCAG 3.1.2).

An English recap often shows the French deck it was presented with: its alt texts and text
are French, and a screen reader would read them with an English voice unless the page marks
them `lang="fr"`. The PDF's own /Lang (PowerPoint and recent LibreOffice write it) wins; else
py3langid (a trained n-gram model, 97 languages, no network) reads the deck's whole text,
which is long enough to be sure (the project's real Impress and Beamer decks: ≥ 0.9999).
No language when neither is sure: the page then claims nothing about the deck.
"""

from __future__ import annotations

import ctypes
import functools
import re
from typing import TYPE_CHECKING

import pypdfium2.raw as pdfium_c

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from py3langid.langid import LanguageIdentifier

# A BCP 47 tag as /Lang holds it (primary subtag, then subtags): anything else is ignored.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}")
MIN_LETTERS = 40  # below this ("Merci !", "Agenda") n-grams cannot tell languages apart
MIN_PROBABILITY = 0.95


def pdf_language(pdf: pdfium.PdfDocument) -> str:
    """The document's /Lang entry as a BCP 47 tag, or "" (absent, empty, malformed)."""
    size = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)
    if size <= 2 or size > 200:  # UTF-16LE with its terminator: 2 bytes is an empty string
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, buffer, size)
    tag = bytes(buffer).decode("utf-16-le", errors="replace").rstrip("\x00").strip()
    return tag if LANGUAGE_TAG.fullmatch(tag) else ""


@functools.cache
def _identifier() -> LanguageIdentifier:
    # Loaded once per process, only when a deck is rendered (0.7 s: the model is xz-compressed).
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def text_language(text: str) -> str:
    """The language `text` is written in, when the model is sure of it; else ""."""
    if sum(char.isalpha() for char in text) < MIN_LETTERS:
        return ""
    language, probability = _identifier().classify(text)
    return str(language) if probability >= MIN_PROBABILITY else ""


def deck_language(declared: str, text: str) -> str:
    """The deck's language: the one its PDF declares, else the one its text is written in."""
    return declared or text_language(text)


def primary(tag: str) -> str:
    """The primary subtag ("fr-CA" gives "fr"): what a page's language is compared with."""
    return tag.split("-", 1)[0].lower()
