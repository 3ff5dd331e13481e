"""Quotes: sentences between « », “ ” or " " long enough to be someone's words, with who said them.

Short quoted phrases are names or titles (« Holomidales », “Ubuntu pour lancer…”), not quotes.
Who said it is the speaker named in the same paragraph, nearest to the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cercle.importer.guess import SpeakerGuess, plain, unmark

_QUOTE = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+?)”|(?<![\w=])\"([^\"\n]+?)\"(?![\w>])")
MIN_WORDS = 8


@dataclass
class QuoteGuess:
    text: str
    by: SpeakerGuess | None = None


def _positions(paragraph: str, speaker: SpeakerGuess) -> list[int]:
    flat = plain(paragraph)
    names = [plain(speaker.name), plain(speaker.name.split()[-1])]
    return [m.start() for name in names for m in re.finditer(rf"\b{re.escape(name)}\b", flat)]


_TITLED = re.compile(
    r"(?:article|billet|livre|ouvrage|rapport|intitulée?|titre|book|post|paper|report|titled|called)\s*$",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"^\s*[,–—-]?\s*(?:a |an |ont )?(?:dit|déclaré|explique|expliqué|ajoute|ajouté|rappelle|"
    r"souligne|résume|conclut|says|said|explains|explained|adds|added|notes|noted)\b",
    re.I,
)


def _spoken(paragraph: str, match: re.Match[str], words: str) -> bool:
    """Someone's words rather than a title: a sentence, introduced by ":" or followed by "said"."""
    before = paragraph[: match.start()].rstrip()
    if _TITLED.search(before):
        return False
    return (
        words.endswith((".", "!", "?", "…", ","))
        or before.endswith(":")
        or bool(_SAID.match(paragraph[match.end() :]))
    )


def guess_quotes(paragraphs: list[str], speakers: list[SpeakerGuess]) -> list[QuoteGuess]:
    """The quotes of the text, in order, each with the nearest speaker of its paragraph (or None)."""
    found: list[QuoteGuess] = []
    for raw in paragraphs:
        paragraph = unmark(raw)
        for match in _QUOTE.finditer(paragraph):
            words = next(g for g in match.groups() if g is not None).strip()
            if len(words.split()) < MIN_WORDS or not _spoken(paragraph, match, words):
                continue
            best: tuple[int, SpeakerGuess] | None = None
            for speaker in speakers:
                for position in _positions(paragraph, speaker):
                    distance = min(abs(position - match.start()), abs(position - match.end()))
                    if best is None or distance < best[0]:
                        best = (distance, speaker)
            found.append(QuoteGuess(words, best[1] if best else None))
    return found
