"""A small WebVTT reader: cues as plain text (with the speaker of `<v Name>`), for transcripts
(each cue is a timed line of the replay page, cercle.webinar.replay).

Only what a transcript needs: timings, voices and text; styling tags are dropped,
entities decoded. A malformed file raises `VttError` with the line to fix.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from cercle.core.langtags import primary_language

_TIMESTAMP = r"(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})"
_TIMING = re.compile(rf"^{_TIMESTAMP}\s+-->\s+{_TIMESTAMP}(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG = re.compile(r"<[^>]*>")


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
    # A `<v …>` tag opens the cue: a speaker's turn starts, named (`voice`) or not (`<v ->`).
    # Not compared: two cues are equal when said at the same time with the same words.
    turn: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if self.voice and not self.turn:  # a named voice is a turn, however the cue was made
            object.__setattr__(self, "turn", True)


def _seconds(groups: tuple[str | None, ...]) -> float:
    hours, minutes, secs, millis = groups
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(secs or 0) + int(millis or 0) / 1000


def _clean(lines: list[str]) -> tuple[list[str], str, bool]:
    """The cue's text lines without tags (empty ones dropped), its voice, and whether a `<v>` opens it."""
    text = "\n".join(lines)
    voice = ""
    match = _VOICE.search(text)
    if match:
        voice = html.unescape(match[1].strip())
        if not voice.strip("-"):  # `<v ->`: captioners' "someone else speaks", not a name
            voice = ""
    plain = (" ".join(html.unescape(_TAG.sub("", line)).split()) for line in lines)
    return [line for line in plain if line], voice, match is not None


def _goes_on(lines: list[str], index: int) -> bool:
    """Whether line `index` belongs to the cue above: text does; so does a line of spaces
    (YouTube writes one above or below a cue's text) unless a block or the end follows."""
    if lines[index].strip():
        return True
    after = lines[index + 1 : index + 3]
    if not lines[index] or not after or not after[0].strip():
        return False
    return not after[0].startswith(("NOTE", "STYLE", "REGION")) and not any("-->" in a for a in after)


_HEADER_LANGUAGE = re.compile(
    r"^(?:Language|lang):[ \t]*([A-Za-z]{2}(?:-[A-Za-z0-9]{1,8})*)[ \t]*$", re.IGNORECASE
)


def header_language(text: str) -> str:
    """The language a WebVTT file's header names (`Language: fr` as YouTube exports it, or
    `lang: fr`), or ""."""
    for line in _lines(text, 20)[1:]:
        if not line.strip() or "-->" in line:
            break
        found = _HEADER_LANGUAGE.match(line.strip())
        if found:
            return primary_language(found.group(1))
    return ""


def _lines(text: str, most: int = -1) -> list[str]:
    """The document's lines (its first `most` ones, then the rest in one), whatever its line ends."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n", most)


def parse_vtt(text: str) -> list[Cue]:
    """Cues of a WebVTT document, in file order."""
    lines = _lines(text)
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise VttError(1, "not_webvtt")
    cues: list[Cue] = []
    index = 1
    # Header lines up to the first blank one (`Kind: captions`, `Language: fr`, as exported
    # by YouTube and others) describe the file, they are no cue.
    while index < len(lines) and lines[index].strip() and "-->" not in lines[index]:
        index += 1
    last = ""  # the last line of text read: rolling captions repeat it
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        start_line = index
        block: list[str] = []
        while index < len(lines) and _goes_on(lines, index):
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
        texts, voice, turn = _clean(block[timing_at + 1 :])
        # Roll-up captions (YouTube's automatic ones, live captioning) show the line before
        # again above the new one, and the finished line alone for a few milliseconds.
        if texts and texts[0] == last and (len(texts) > 1 or end - start <= 0.05):
            texts = texts[1:]
        if texts:
            last = texts[-1]
            cues.append(Cue(start, end, " ".join(texts), voice, turn))
    return cues
