"""The replay page's parts that follow the video: the timed transcript (its cues grouped into
paragraphs, cercle.video.paragraphs), caption tracks, slide times and takeaways. Plain data
for templates (and for the share kit: takeaways)."""

from __future__ import annotations

from dataclasses import dataclass

from cercle.core.models import EventMeta, InLanguage
from cercle.video.hosts import format_offset, iso_duration
from cercle.video.paragraphs import paragraph_spans
from cercle.video.vtt import Cue


@dataclass(frozen=True)
class TranscriptLine:
    """One cue of a .vtt file: a moment of the talk, linkable as `#t=` and found by search."""

    start: int  # whole seconds: what `#t=` links and the players use
    end: float
    text: str
    voice: str  # shown when the speaker changes here (a paragraph starts there)
    anchor: str  # the element id, "t=150" (so the page's #t=150 also lands there without JS); "" for repeats

    @property
    def label(self) -> str:
        return format_offset(self.start)

    @property
    def iso(self) -> str:
        return iso_duration(self.start)


@dataclass(frozen=True)
class TranscriptParagraph:
    """Consecutive lines read as one paragraph: one time link (its first line's), one speaker."""

    lines: tuple[TranscriptLine, ...]

    @property
    def first(self) -> TranscriptLine:
        return self.lines[0]


@dataclass(frozen=True)
class Transcript:
    lang: str
    paragraphs: tuple[TranscriptParagraph, ...]
    url: str  # site-relative .vtt

    @property
    def lines(self) -> tuple[TranscriptLine, ...]:
        return tuple(line for paragraph in self.paragraphs for line in paragraph.lines)

    @property
    def words(self) -> int:
        return sum(len(line.text.split()) for paragraph in self.paragraphs for line in paragraph.lines)


@dataclass(frozen=True)
class CaptionTrack:
    lang: str
    url: str  # site-relative
    default: bool


@dataclass(frozen=True)
class Takeaway:
    """A key takeaway as plain data: its text and, when not the page's, its language."""

    text: str
    lang: str | None = None


def transcript_lines(cues: list[Cue], with_anchors: bool = True) -> tuple[TranscriptLine, ...]:
    out: list[TranscriptLine] = []
    seen: set[int] = set()
    voice = ""
    for cue in cues:
        start = int(cue.start)
        shown = cue.voice if cue.turn and cue.voice != voice else ""
        if cue.turn:  # `<v ->` too: someone else speaks, the next name is shown again
            voice = cue.voice
        anchor = f"t={start}" if with_anchors and start not in seen else ""
        seen.add(start)
        out.append(TranscriptLine(start, cue.end, cue.text, shown, anchor))
    return tuple(out)


def transcript_paragraphs(cues: list[Cue], with_anchors: bool = True) -> tuple[TranscriptParagraph, ...]:
    """The lines of `cues` (transcript_lines) grouped into paragraphs (cercle.video.paragraphs)."""
    lines = transcript_lines(cues, with_anchors)
    return tuple(TranscriptParagraph(lines[span.start : span.stop]) for span in paragraph_spans(cues))


def caption_files(ev: EventMeta, page_lang: str) -> dict[str, str]:
    """Caption files by language, the page's language first; a single file is the page's."""
    files = {(lang or page_lang): value for lang, value in ev.caption_files.items()}
    ordered = {page_lang: files[page_lang]} if page_lang in files else {}
    return ordered | {lang: value for lang, value in sorted(files.items()) if lang != page_lang}


def takeaways(ev: EventMeta, page_lang: str) -> list[Takeaway]:
    out = []
    for item in ev.takeaways:
        if isinstance(item, InLanguage):
            out.append(Takeaway(item.text, item.lang if item.lang and item.lang != page_lang else None))
        else:
            out.append(Takeaway(item))
    return out
