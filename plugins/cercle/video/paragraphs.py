"""Captions read as text: consecutive cues grouped into paragraphs.

Captioners cut speech into a few words per cue (what fits on two lines of a screen); read
one per line, a 15-minute talk is 280 fragments. A paragraph here is what a transcript
editor would make of them:

- a new speaker starts one (a `<v Name>` that changes, or `<v ->`: "someone else");
- so does a silence longer than `PAUSE` (a slide change, applause, a question);
- otherwise a paragraph ends at the end of a sentence once it holds `WORDS` words or lasts
  `SECONDS` seconds: about 20 s of speech at 150 words a minute, three to five sentences,
  a screenful on a phone, short enough to find a moment by its time;
- captions without punctuation (automatic ones) end a paragraph anyway at `MAX_WORDS`.

Cues already written as sentences or paragraphs group the same way: a long cue is its
own paragraph. Plain data in, index ranges out: the caller keeps its own per-cue data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cercle.video.vtt import Cue

PAUSE = 3.0  # seconds of silence between two cues that end a paragraph
WORDS = 50
SECONDS = 30.0
MAX_WORDS = 120
# A sentence ends with . ! ? or … possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]\s\u00a0\u202f]*$")


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _new_speaker(cue: Cue, speaker: str) -> bool:
    return cue.turn and (not cue.voice or cue.voice != speaker)


def paragraph_spans(cues: Sequence[Cue]) -> list[range]:
    """The paragraphs of `cues`, as ranges of their indexes: in order, each cue in one."""
    spans: list[range] = []
    first = 0
    words = 0
    speaker = ""
    for index, cue in enumerate(cues):
        if index > first:
            before = cues[index - 1]
            long_enough = words >= WORDS or before.end - cues[first].start >= SECONDS
            if (
                _new_speaker(cue, speaker)
                or cue.start - before.end > PAUSE
                or (long_enough and _ends_sentence(before.text))
                or words >= MAX_WORDS
            ):
                spans.append(range(first, index))
                first, words = index, 0
        if cue.turn:
            speaker = cue.voice
        words += len(cue.text.split())
    if first < len(cues):
        spans.append(range(first, len(cues)))
    return spans
