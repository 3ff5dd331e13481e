"""The shapes of the benchmark corpus: what share of entries has quotes, transcripts, slides…

`realistic` (the default) is taken from real archives; the figures and their sources are in
docs/benchmarks.md ("The corpus"). The others stress one cost each. Shares are dealt with
a low-discrepancy sequence (entry i gets frac((i + 1)·α), one α per feature) rather than
drawn at random (α = the fractional part of √2, √3, √5…: badly approximable, so evenly
spread), so a profile's shares hold within a few entries at every size, and the same
entry keeps its features when N grows.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

TYPES = ("webinar", "event", "guide")


# A share window (`share.from`/`until`) on every entry of every profile: open for this many
# days from its publication (an upcoming event's: the two weeks before it). Only the open or
# coming ones get cards in the networks' other shapes (cercle/cards `variants: shared`).
SHARE_DAYS = 90


@dataclass(frozen=True)
class Profile:
    name: str
    summary: str
    types: tuple[float, float, float] = (0.60, 0.15, 0.25)  # webinar, event, guide
    upcoming: float = 0.05  # of webinars and events
    quotes: tuple[float, ...] = (0.10, 0.35, 0.35, 0.20)  # P(0 quotes), P(1)… per webinar/event
    speakers: tuple[float, ...] = (0.0, 0.30, 0.45, 0.25)  # P(0 speakers), P(1)… per webinar/event
    speakers_per_entry: float = 0.25  # distinct speakers: this × N (at least 6)
    transcripts: float = 0.50  # of past webinars
    transcript_words: tuple[int, int] = (1500, 4500)
    chapters: float = 0.50  # of past webinars
    slides: float = 0.05  # of all entries (past webinars and events carry them)
    slide_pages: tuple[int, int] = (12, 30)
    images: float = 0.50  # of all entries: a header image (JPEG) in content/media
    body_words: tuple[int, int] = (500, 1200)
    legacy: bool = False  # the corpus of issue #8 (dealt by i % 5, quotes 1–2)


PROFILES = {
    p.name: p
    for p in (
        Profile("realistic", "shares from real archives (docs/benchmarks.md)"),
        Profile(
            "quote-heavy",
            "every recap quotes 3 to 6 people",
            types=(0.70, 0.30, 0.0),
            quotes=(0, 0, 0, 0.25, 0.25, 0.25, 0.25),
        ),
        Profile("slide-heavy", "3 entries in 10 carry a 20–40 page deck", slides=0.30, slide_pages=(20, 40)),
        Profile(
            "text-only",
            "text only: no quote, transcript, slide deck or image",
            quotes=(1.0,),
            transcripts=0.0,
            slides=0.0,
            images=0.0,
        ),
        Profile(
            "legacy",
            "issue #8's corpus: 40 % webinars, 1–2 quotes, no transcript or image",
            types=(0.40, 0.20, 0.40),
            speakers_per_entry=1 / 12,
            transcripts=0.0,
            chapters=1.0,
            images=0.0,
            slides=0.04,
            body_words=(720, 720),
            legacy=True,
        ),
    )
}

# One irrational step per feature: the sequences do not line up with each other.
FEATURES = ("type", "upcoming", "quotes", "speakers", "transcript", "chapters", "slides", "images", "pages",
            "words")  # fmt: skip
PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29)
_STEPS = {name: math.sqrt(p) % 1 for name, p in zip(FEATURES, PRIMES, strict=True)}


def dealt(feature: str, index: int) -> float:
    """A number in [0, 1) for entry `index`; over any N entries, evenly spread."""
    return ((index + 1) * _STEPS[feature]) % 1


def pick(weights: tuple[float, ...], u: float) -> int:
    """The index whose cumulative weight first exceeds u (weights sum to 1)."""
    total = 0.0
    for i, weight in enumerate(weights):
        total += weight
        if u < total:
            return i
    return len(weights) - 1


def span(bounds: tuple[int, int], u: float) -> int:
    low, high = bounds
    return low + int(u * (high - low + 1)) if high > low else low


@dataclass
class Item:
    """One entry, in both languages."""

    index: int
    type: str
    key: str
    date: dt.date
    topics: list[str]
    speakers: list[str] = field(default_factory=list)
    featured: bool = False
    slides: str | None = None
    slide_pages: int = 0
    image: str | None = None
    transcript_words: int = 0
    place: int | None = None
    upcoming: bool = False
    title: dict[str, str] = field(default_factory=dict)
    slug: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    questions: dict[str, list[str]] = field(default_factory=dict)
    quotes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    chapters: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    transcript: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)  # s, e, who, text
    body: dict[str, str] = field(default_factory=dict)

    def transcript_path(self, lang: str) -> str | None:
        return f"media/transcripts/{self.key}.{lang}.vtt" if self.transcript_words else None


def shape(profile: Profile, index: int) -> dict:
    """Entry `index`'s features under `profile` (type, counts, media), before any text."""
    if profile.legacy:
        kind = "webinar" if index % 5 in (0, 1) else ("event" if index % 5 == 2 else "guide")
        upcoming = kind != "guide" and index % 25 in (0, 2, 11)
    else:
        kind = TYPES[pick(profile.types, dealt("type", index))]
        upcoming = kind != "guide" and dealt("upcoming", index) < profile.upcoming
    talk = kind != "guide"
    past_webinar = kind == "webinar" and not upcoming
    speakers = pick(profile.speakers, dealt("speakers", index)) if talk else 0
    quotes = pick(profile.quotes, dealt("quotes", index)) if talk else 0
    if profile.legacy:
        speakers, quotes = (index % 3) + 1 if talk else 0, min((index % 3) + 1, 2) if talk else 0
    has_slides = (
        (kind == "webinar" and not upcoming and index % 20 == 5)
        if profile.legacy
        else (
            talk
            and not upcoming
            and dealt("slides", index) < profile.slides / max(1e-9, 1 - profile.types[2])
        )
    )
    return {
        "type": kind,
        "upcoming": upcoming,
        "speakers": max(speakers, 1) if talk else 0,
        "quotes": quotes,
        "chapters": past_webinar and dealt("chapters", index) < profile.chapters,
        "transcript_words": span(profile.transcript_words, dealt("words", index))
        if past_webinar and dealt("transcript", index) < profile.transcripts
        else 0,
        "slide_pages": span(profile.slide_pages, dealt("pages", index)) if has_slides else 0,
        "image": dealt("images", index) < profile.images,
        "body_words": span(profile.body_words, dealt("words", index)),
    }
