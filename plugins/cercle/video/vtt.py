"""A small WebVTT reader: cues as plain text (with the speaker of `<v Name>`), for transcripts.

Only what a transcript needs: timings, voices and text; styling tags are dropped,
entities decoded. A malformed file raises `VttError` with the line to fix.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TIMESTAMP = r"(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})"
_TIMING = re.compile(rf"^{_TIMESTAMP}\s+-->\s+{_TIMESTAMP}(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG = re.compile(r"<[^>]*>")
PARAGRAPH_CUES = 6  # a long monologue is still cut into readable paragraphs
PARAGRAPH_PAUSE = 10.0  # seconds of silence (or a cut in an excerpt) start a new paragraph


class VttError(ValueError):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    voice: str = ""


@dataclass
class Paragraph:
    """Consecutive cues of one voice, read as one paragraph of the transcript."""

    start: int
    voice: str
    texts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.texts)


def _seconds(groups: tuple[str | None, ...]) -> float:
    hours, minutes, secs, millis = groups
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(secs or 0) + int(millis or 0) / 1000


def _clean(text: str) -> tuple[str, str]:
    voice = ""
    match = _VOICE.search(text)
    if match:
        voice = html.unescape(match[1].strip())
    plain = html.unescape(_TAG.sub("", text))
    return " ".join(plain.split()), voice


def parse_vtt(text: str) -> list[Cue]:
    """Cues of a WebVTT document, in file order."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise VttError(1, "not_webvtt")
    cues: list[Cue] = []
    index = 1
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        start_line = index
        block: list[str] = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_at = 0 if "-->" in block[0] else 1
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            raise VttError(start_line + 1, "bad_cue")
        match = _TIMING.match(block[timing_at].strip())
        if not match:
            raise VttError(start_line + timing_at + 1, "bad_timing")
        start, end = _seconds(match.groups()[:4]), _seconds(match.groups()[4:])
        if end < start:
            raise VttError(start_line + timing_at + 1, "bad_timing")
        plain, voice = _clean("\n".join(block[timing_at + 1 :]))
        if plain:
            cues.append(Cue(start, end, plain, voice))
    return cues


def paragraphs(cues: list[Cue]) -> list[Paragraph]:
    """Cues grouped by speaker: a new paragraph at each change of voice, pause, or every few cues."""
    out: list[Paragraph] = []
    previous_end = 0.0
    for cue in cues:
        voice = cue.voice or (out[-1].voice if out else "")
        pause = cue.start - previous_end > PARAGRAPH_PAUSE
        if not out or voice != out[-1].voice or pause or len(out[-1].texts) >= PARAGRAPH_CUES:
            out.append(Paragraph(int(cue.start), voice))
        out[-1].texts.append(cue.text)
        previous_end = cue.end
    return out
