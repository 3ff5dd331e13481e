"""The content model: pydantic models for front matter (speakers and topics: registry_models.py).

`cercle schema` exports these as JSON Schema, so editors validate while typing; the
descriptions below are what writers see there.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from cercle.core import typography
from cercle.core.forms import duration_minutes, invalid, parse_date, parse_time, video_time

DESCRIPTION_MAX = 200

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class EntryType(StrEnum):
    WEBINAR = "webinar"
    EVENT = "event"
    GUIDE = "guide"
    PAGE = "page"

    @property
    def is_event_like(self) -> bool:
        return self in (EntryType.WEBINAR, EntryType.EVENT)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def check_url(value: str, *, allow_http: bool = False, allow_path: bool = True) -> str:
    """Accept https URLs (http too when asked) or a relative path inside content/."""
    parts = urlsplit(value)
    schemes = {"https", "http"} if allow_http else {"https"}
    if parts.scheme:
        if parts.scheme.lower() in schemes and parts.netloc:
            return value
        raise invalid("bad_url", "not an https:// address or a path inside content/")
    if allow_path and not value.startswith("//") and not parts.netloc:
        return value
    raise invalid("bad_url", "not an https:// address or a path inside content/")


class Share(Strict):
    """What volunteers are offered when they share the page."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True)

    text: Text | None = Field(
        None,
        description="Suggested text for a post, in the page's language. "
        "[blanks] such as [your opinion] become fields the reader fills before copying.",
    )
    hashtags: list[Annotated[str, StringConstraints(pattern=r"^#?[\w]+$")]] = Field(
        default_factory=list, description="Hashtags, with or without '#'."
    )
    variants: list[Text] = Field(default_factory=list, description="Other suggested texts.")
    start: dt.date | None = Field(
        None, alias="from", description="First day on the 'to share' page (YYYY-MM-DD)."
    )
    until: dt.date | None = Field(None, description="Last day on the 'to share' page (YYYY-MM-DD).")
    pinned: bool = Field(False, description="Listed first on the 'to share' page while in its window.")
    disclosure: bool = Field(
        True, description="false: leave the hub's disclosure line out of this page's suggested texts."
    )

    _dates = field_validator("start", "until", mode="before")(lambda cls, v: parse_date(v))

    @model_validator(mode="after")
    def _window(self) -> Share:
        if self.start and self.until and self.until < self.start:
            raise invalid(
                "share_window_order",
                "share.until is before share.from",
                start=self.start.isoformat(),
                until=self.until.isoformat(),
            )
        return self

    @property
    def windowed(self) -> bool:
        """Whether the page asked for the 'to share' page (a window or a pin)."""
        return bool(self.start or self.until or self.pinned)

    def shareable_on(self, day: dt.date) -> bool:
        return self.windowed and (self.start or day) <= day <= (self.until or day)


def offset_seconds(value: str) -> int:
    """Seconds of a time in the video written MM:SS or H:MM:SS."""
    total = 0
    for part in value.split(":"):
        total = total * 60 + int(part)
    return total


# A time in the video, as chapters and `slides_at` write it: MM:SS or H:MM:SS.
VideoTime = Annotated[str, BeforeValidator(video_time)]


def _lang_tag(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value):
        raise invalid("bad_lang", "'{value}' is not a language code (fr, en, pt-BR…)", value=value)
    return value


# A BCP 47 language tag (en, pt-BR), for a part written in another language than its page.
LangTag = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_lang_tag)]


class Chapter(Strict):
    at: VideoTime = Field(description="Start time in the video: MM:SS or H:MM:SS.")
    title: Text

    @property
    def seconds(self) -> int:
        return offset_seconds(self.at)


class Quote(Strict):
    text: Text
    by: Id | None = Field(None, description="Speaker id (from speakers.yml) or a name.")
    lang: LangTag | None = Field(None, description="Language of the quote when not the page's, e.g. en.")


class InLanguage(Strict):
    """A question or takeaway written in another language than the page (`lang: en`)."""

    text: Text
    lang: LangTag | None = Field(None, description="Language of the text when not the page's, e.g. en.")


class Resource(Strict):
    title: Text
    url: str = Field(description="https:// address or a path to a file in content/.")
    description: Text | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_url(value)


class EntryMeta(Strict):
    """Front matter of every page."""

    title: Text = Field(description="Title of the page.")
    description: Annotated[str, StringConstraints(strip_whitespace=True)] | None = Field(
        None, description=f"Summary for listings, search and cards (at most {DESCRIPTION_MAX} characters)."
    )
    date: dt.date | None = Field(None, description="ISO date, YYYY-MM-DD. Required for webinars and events.")
    type: EntryType | None = Field(None, description="Overrides the type given by the section folder.")
    topics: list[Id] = Field(default_factory=list, description="Topic ids from topics.yml.")
    tags: list[Text] = Field(default_factory=list)
    translation_key: Id | None = Field(
        None, description="Pairs translations whose paths differ: the same key in each language."
    )
    image: str | None = Field(None, description="Path of an image in content/, or https:// URL.")
    image_alt: Text | None = Field(None, description="Text alternative of the image.")
    featured: bool = Field(False, description="Show on the home page.")
    draft: bool = Field(False, description="Not published.")
    share: Share | None = None

    _date = field_validator("date", mode="before")(lambda cls, v: parse_date(v))

    @field_validator("description")
    @classmethod
    def _description(cls, value: str | None) -> str | None:
        if value is not None and len(value) > DESCRIPTION_MAX:
            raise invalid(
                "too_long", "{length} characters (at most {max})", length=len(value), max=DESCRIPTION_MAX
            )
        return value

    @field_validator("image")
    @classmethod
    def _image(cls, value: str | None) -> str | None:
        return check_url(value) if value else value


class EventMeta(EntryMeta):
    """Front matter of webinars and events: everything above, plus these."""

    time: dt.time | None = Field(None, description="Start time, HH:MM, in `timezone`.")
    timezone: str | None = Field(None, description="IANA time zone, e.g. Europe/Paris.")
    duration: Annotated[int, Field(gt=0, le=60 * 24 * 14), BeforeValidator(duration_minutes)] | None = Field(
        None, description="Minutes (90), or hours and minutes (1h30, 90 min)."
    )
    speakers: list[Id] = Field(default_factory=list, description="Speaker ids from speakers.yml.")
    video: str | None = Field(None, description="YouTube, Vimeo, PeerTube or video file URL (https).")
    chapters: list[Chapter] = Field(default_factory=list)
    questions: list[Text | InLanguage] = Field(
        default_factory=list, description="The guiding questions: a text, or {text, lang}."
    )
    quotes: list[Quote] = Field(default_factory=list)
    takeaways: list[Text | InLanguage] = Field(
        default_factory=list, description="What to remember: a text, or {text, lang}."
    )
    slides: str | None = Field(None, description="Path of a PDF in content/.")
    slides_at: list[VideoTime] = Field(
        default_factory=list,
        description="When each slide is shown in the video (MM:SS or H:MM:SS), one per slide, in order.",
    )
    transcript: str | None = Field(None, description="Path of a .vtt or Markdown file in content/.")
    captions: str | dict[str, str] | None = Field(
        None,
        description="Path of a .vtt captions file in content/, or one per language: {fr: …, en: …}.",
    )
    registration: str | None = Field(None, description="Registration URL (https), for upcoming ones.")
    place: Text | None = Field(None, description="Where it happens; leave out for online.")
    online: bool | None = Field(None, description="Happens online (default when there is no place).")
    resources: list[Resource] = Field(default_factory=list)

    _time = field_validator("time", mode="before")(lambda cls, v: parse_time(v))

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise invalid("unknown_timezone", "not an IANA time zone") from None
        return value

    @field_validator("video")
    @classmethod
    def _video(cls, value: str | None) -> str | None:
        # Plain http is only tolerated for direct video files (no embed page).
        if value is None:
            return value
        is_file = bool(re.search(r"\.(mp4|webm|ogv|m4v|mov)(\?|$)", value, re.IGNORECASE))
        return check_url(value, allow_http=is_file)

    @field_validator("captions")
    @classmethod
    def _captions(cls, value: str | dict[str, str] | None) -> str | dict[str, str] | None:
        # Keys checked here rather than in the type: a union would also report "not a text".
        if isinstance(value, dict):
            for lang in value:
                _lang_tag(lang)
        return value

    @property
    def caption_files(self) -> dict[str, str]:
        """Captions per language; a single file is keyed "" (the page's language)."""
        if isinstance(self.captions, dict):
            return dict(self.captions)
        return {"": self.captions} if self.captions else {}

    @property
    def slide_seconds(self) -> list[int]:
        return [offset_seconds(at) for at in self.slides_at]

    @field_validator("registration")
    @classmethod
    def _registration(cls, value: str | None) -> str | None:
        return check_url(value, allow_path=False) if value else value


EVENT_ONLY_FIELDS = frozenset(EventMeta.model_fields) - frozenset(EntryMeta.model_fields)

LocalizedText = str | dict[str, str]


def localized(value: LocalizedText | None, lang: str, fallback: str | None = None) -> str:
    """Text of a LocalizedText in `lang`, else the fallback language, else any."""
    if value is None:
        return ""
    if isinstance(value, str):
        return typography.fix(value, lang)
    for candidate in (lang, fallback):
        if candidate and value.get(candidate):
            return typography.fix(value[candidate], candidate)
    first = next(iter(value.items()), None)
    return typography.fix(first[1], first[0]) if first else ""
