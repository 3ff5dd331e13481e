"""The content model: one set of pydantic models for front matter, speakers and topics.

`cercle schema` exports these as JSON Schema, so editors validate while typing; the
descriptions below are what writers see there.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any
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
from pydantic_core import PydanticCustomError

from cercle.core import typography

DESCRIPTION_MAX = 200

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


def invalid(code: str, message: str, **context: object) -> PydanticCustomError:
    """A validation error whose `type` is a message code of the catalogues (bad_url, too_long…)
    and whose `ctx` holds that message's parameters; cercle.core.catalog.validation maps it."""
    return PydanticCustomError(code, message, context or None)


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


def parse_date(value: Any) -> Any:
    """A front-matter date: a YAML date, or an ISO string (YYYY-MM-DD)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise _date_error(value.strip()) from None
    if value is not None and not isinstance(value, dt.date):
        raise invalid("bad_date", "not a date (YYYY-MM-DD)")
    return value


def _date_error(value: str) -> PydanticCustomError:
    """Why a YYYY-MM-DD text is not a date: no such month, or not that many days in it."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            return invalid("no_such_month", "there is no month {number}", value=value, number=month)
        days = calendar.monthrange(year, month)[1]
        if day > days:
            # `month` is rendered in the reader's language ("février 2023") by Problem.text.
            return invalid(
                "impossible_date",
                "{month} has {days} days",
                value=value,
                month=f"{year}-{month:02d}",
                days=days,
            )
    return invalid("bad_date", "not a date (YYYY-MM-DD)")


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


def _video_time(value: Any) -> str:
    time = str(value).strip()
    match = re.fullmatch(r"(?:(\d+):)?(\d+):(\d{2})", time)
    if not match:
        raise invalid("bad_chapter_time", "not a time in the video (MM:SS or H:MM:SS)")
    hours, minutes, seconds = (int(part) if part else None for part in match.groups())
    assert minutes is not None and seconds is not None  # the pattern requires them
    total = (hours or 0) * 3600 + minutes * 60 + seconds
    if seconds >= 60 or (hours is not None and minutes >= 60):
        raise invalid("chapter_time_fix", "did you mean {fix}?", value=time, fix=_clock(total))
    # 76:00 is unambiguous (76 minutes): written the canonical way, 1:16:00.
    return _clock(total) if hours is None and minutes >= 60 else time


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


_HOURS = r"(?:h|hr|hrs|hours?|heures?)"
_MINUTES = r"(?:m|mn|min|mins|minutes?)"
_DURATION = re.compile(
    rf"(?:(?P<hours>\d+)\s*{_HOURS}\s*(?:(?P<rest>\d+)\s*{_MINUTES}?)?|(?P<minutes>\d+)\s*{_MINUTES}?)",
    re.IGNORECASE,
)


def _duration(value: Any) -> Any:
    """Minutes, from 90, "90 min", "1h30", "1 h 30" or "1h"; other texts answered with the fix."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    match = _DURATION.fullmatch(text)
    clock = re.fullmatch(r"(\d+):(\d{2})", text)
    if match and match["minutes"]:
        return int(match["minutes"])
    if match:
        hours, rest = int(match["hours"]), match["rest"] or ""
        if len(rest) in (0, 2) and int(rest or 0) < 60:
            return hours * 60 + int(rest or 0)
    elif clock:  # 1:30, hours or minutes? Say what it would be as hours.
        hours, rest = int(clock[1]), clock[2]
    if match or clock:  # 1h75, 1h5 or 1:30: the exact fix
        total = hours * 60 + int(rest)
        fix = f"{total // 60}h{total % 60:02d}" if total % 60 else f"{total // 60}h"
        raise invalid("duration_fix", "did you mean {fix}?", value=text, fix=fix, minutes=total)
    raise invalid("bad_duration", "not a duration (minutes, or 1h30)")


def offset_seconds(value: str) -> int:
    """Seconds of a time in the video written MM:SS or H:MM:SS."""
    total = 0
    for part in value.split(":"):
        total = total * 60 + int(part)
    return total


# A time in the video, as chapters and `slides_at` write it: MM:SS or H:MM:SS.
VideoTime = Annotated[str, BeforeValidator(_video_time)]


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


def _parse_time(value: Any) -> Any:
    if isinstance(value, str):
        match = re.fullmatch(r"([01]?\d|2[0-3])[:hH]([0-5]\d)", value.strip())
        if not match:
            raise invalid("bad_time", "not a time (HH:MM)")
        return dt.time(int(match[1]), int(match[2]))
    return value


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
    duration: Annotated[int, Field(gt=0, le=60 * 24 * 14), BeforeValidator(_duration)] | None = Field(
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

    _time = field_validator("time", mode="before")(lambda cls, v: _parse_time(v))

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


class Link(Strict):
    label: Text
    url: str

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_url(value, allow_path=False)


class Speaker(Strict):
    """An entry of speakers.yml."""

    name: Text
    role: LocalizedText | None = Field(None, description="Role, per language: {fr: …, en: …}.")
    bio: LocalizedText | None = Field(None, description="Short biography, per language.")
    organization: Text | None = None
    photo: str | None = Field(None, description="Path of a photo in content/.")
    links: list[Link] = Field(default_factory=list)


class Topic(Strict):
    """An entry of topics.yml."""

    label: LocalizedText = Field(description="Name of the topic, per language.")
    description: LocalizedText | None = None
    slug: dict[str, Id] | None = Field(
        None,
        description="Its page's address per language, e.g. {en: volunteering}; default: the label's.",
    )
