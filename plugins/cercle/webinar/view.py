"""Everything a webinar or event page shows beyond entry.html, computed once per page.

Exposed to templates as `cercle.parts.webinar`. Other plugins fill their own parts of the
page (`cercle.parts.slides`, `.calendar`, see cercle/hub/parts.py); they are read lazily,
so the order of plugins does not matter.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from cercle.calendar.ics import CalendarLinks, event_times
from cercle.core.catalog import Entry
from cercle.core.refs import ContentRef
from cercle.core.text import clean_body
from cercle.hub.alternates import absolute
from cercle.hub.view import PageView
from cercle.slides.gallery import Gallery
from cercle.structured import jsonld
from cercle.video.hosts import Video, VideoKind, format_offset, parse_video
from cercle.video.vtt import VttError, header_language, parse_vtt
from cercle.webinar.page_values import ChapterLink, Poster, QuoteView
from cercle.webinar.related import related_entries
from cercle.webinar.replay import (
    CaptionTrack,
    Takeaway,
    Transcript,
    caption_files,
    takeaways,
    transcript_paragraphs,
)


class EventView:
    def __init__(self, view: PageView, render_markdown: Callable[[str], str] | None = None) -> None:
        assert view.entry is not None and view.entry.event is not None
        self.view = view
        self.entry: Entry = view.entry
        self.ev = view.entry.event
        self.render_markdown = render_markdown

    @property
    def lang(self) -> str:
        return self.entry.lang

    @property
    def site_url(self) -> str | None:
        return self.view.hub.settings.site_url

    @property
    def page_url(self) -> str:
        return absolute(self.site_url, self.entry.url)

    @property
    def upcoming(self) -> bool:
        return self.view.is_upcoming(self.entry)

    # -- time --------------------------------------------------------------------------

    @cached_property
    def times(self) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None] | None:
        return event_times(self.entry) if self.entry.date else None

    @property
    def start_iso(self) -> str:
        return self.times[0].isoformat() if self.times else ""

    @property
    def utc_offset(self) -> str:
        """UTC+01:00 for a zoned start, else ""."""
        start = self.times[0] if self.times else None
        if isinstance(start, dt.datetime) and start.tzinfo is not None:
            offset = start.strftime("%z")
            return f"UTC{offset[:3]}:{offset[3:]}"
        return ""

    # -- video -------------------------------------------------------------------------

    @cached_property
    def video(self) -> Video | None:
        return parse_video(self.ev.video) if self.ev.video else None

    @property
    def video_src(self) -> str:
        """The file video's address (site-relative for a file in content/)."""
        assert self.video is not None
        return ContentRef(self.video.url).url

    def at(self, seconds: int, title: str = "") -> ChapterLink:
        """A deep link (#t=) that starts the video at `seconds`, and the host's page at that time."""
        assert self.video is not None
        watch = f"{self.video_src}#t={seconds}" if self.video.is_file else self.video.watch_url(seconds)
        return ChapterLink(seconds, format_offset(seconds), title, f"#t={seconds}", watch)

    @property
    def embed_template(self) -> str:
        """The player address (`{start}` placeholder), its JavaScript API on, captions in the
        page's language for PeerTube (its captions live on the instance)."""
        assert self.video is not None
        url = self.video.embed_template(api=True)
        if self.video.kind is VideoKind.PEERTUBE:
            url += f"&subtitle={self.lang}"
        return url

    @cached_property
    def chapters(self) -> list[ChapterLink]:
        if not self.video:
            return []
        return [self.at(c.seconds, c.title) for c in sorted(self.ev.chapters, key=lambda c: c.seconds)]

    @property
    def slides(self) -> Gallery | None:
        return self.view.parts.slides

    @property
    def calendar(self) -> CalendarLinks | None:
        return self.view.parts.calendar

    @cached_property
    def poster(self) -> Poster | None:
        """Self-hosted only: the first slide, else the page's own image (the copies cercle/cards
        made of it when it made them: the original may weigh megabytes and is then not
        published); None: a titled block."""
        if self.slides:
            first = self.slides.first
            return Poster(first.image_url, first.slide.width, first.slide.height)
        picture = self.view.hub.state.picture_for(self.entry.rel_path)
        if picture is not None and picture.source == "image":
            social = picture.largest  # a JPEG: what `<video poster>` and JSON-LD readers all read
            return Poster(social.url, social.width, social.height, picture)
        image = ContentRef.of(self.entry.meta.image)
        local = image.url if image and not image.is_remote else None
        return Poster(local) if local else None

    @cached_property
    def caption_tracks(self) -> list[CaptionTrack]:
        """<track>s of a file video: `captions` per language, the page's first and default;
        else a .vtt transcript, in the page's language."""
        files = caption_files(self.ev, self.lang)
        if not files and self.ev.transcript:
            files = {self.transcript.lang if self.transcript else self.lang: self.ev.transcript}
        out = []
        for lang, value in files.items():
            ref = ContentRef(value)
            if value.lower().endswith(".vtt") and not ref.is_remote:
                out.append(CaptionTrack(lang, ref.url, lang == self.lang))
        return out

    # -- transcript --------------------------------------------------------------------

    def _read(self, value: str) -> str | None:
        path = ContentRef(value).resolve(Path(self.view.hub.settings.content_dir))
        if path is None:
            return None
        try:
            # Control characters go, as from bodies (cercle.core.text).
            return clean_body(path.read_text(encoding="utf-8-sig"))[0]
        except (OSError, UnicodeDecodeError):
            return None  # reported by `cercle check`

    def _transcript(self, lang: str | None, value: str, anchors: bool) -> Transcript | None:
        """The transcript of a .vtt; `lang` None: the language it is in (`_language_of`)."""
        local = ContentRef(value).content_path
        text = self._read(value) if value.lower().endswith(".vtt") and local else None
        try:
            paragraphs = transcript_paragraphs(parse_vtt(text), with_anchors=anchors) if text else ()
        except VttError:
            return None  # reported by `cercle check`
        if not (paragraphs and local and text):
            return None
        return Transcript(lang or self._language_of(value, text), paragraphs, local)

    def _language_of(self, value: str, text: str) -> str:
        """The language of the `transcript` file: the `captions` key naming the same file, else the
        one its WebVTT header names; the page's when neither is one of the hub's (an English recap
        may only have the French talk's transcript: its lines are then marked French)."""
        for lang, file in self.ev.caption_files.items():  # a lone `captions: file` names none
            if lang and _same_file(file, value):
                return lang
        said = header_language(text)
        return said if said in self.view.hub.catalog.languages else self.lang

    @cached_property
    def transcript(self) -> Transcript | None:
        """The timed transcript: `transcript` (.vtt), else the captions in the page's language."""
        value = self.ev.transcript
        if not value or not value.lower().endswith(".vtt"):
            value = caption_files(self.ev, self.lang).get(self.lang)
            return self._transcript(self.lang, value, anchors=True) if value else None
        return self._transcript(None, value, anchors=True)

    @cached_property
    def other_transcripts(self) -> list[Transcript]:
        """The captions of the other languages, offered as their transcripts (not the one shown
        first again). When the first is in another language than the page's (an English recap
        of a French talk), the captions in the page's language are offered too, first."""
        main = self.transcript
        out = []
        for lang, value in caption_files(self.ev, self.lang).items():  # the page's language first
            if main and (lang == main.lang or _same_file(value, main.url)):
                continue
            found = self._transcript(lang, value, anchors=False)
            if found:
                out.append(found)
        return out

    @property
    def slide_times(self) -> list[ChapterLink]:
        """Where each slide starts in the video (`slides_at`), when they match the slides."""
        seconds = self.ev.slide_seconds
        if not self.video or not self.slides or len(seconds) != len(self.slides.items):
            return []
        return [self.at(s) for s in seconds]

    @cached_property
    def takeaways(self) -> list[Takeaway]:
        return takeaways(self.ev, self.lang)

    @cached_property
    def transcript_html(self) -> str:
        """A Markdown transcript, rendered (trusted like the page's own body)."""
        value = self.ev.transcript
        if not value or not value.lower().endswith(".md") or self.render_markdown is None:
            return ""
        text = self._read(value)
        return self.render_markdown(text) if text else ""

    @property
    def transcript_url(self) -> str | None:
        return ContentRef(self.ev.transcript).url if self.ev.transcript else None

    @property
    def start_local(self) -> str:
        """The start as an ISO date-time with its offset, for the reader's own time (JS), else ""."""
        start = self.times[0] if self.times else None
        if isinstance(start, dt.datetime) and start.tzinfo is not None:
            return start.isoformat()
        return ""

    # -- quotes, resources, related ----------------------------------------------------

    @cached_property
    def quotes(self) -> list[QuoteView]:
        out = []
        for quote in self.ev.quotes:
            speaker = self.view.speaker(quote.by) if quote.by else None
            if speaker is not None and quote.by:
                out.append(QuoteView(quote.text, speaker.name, self.view.speaker_url(quote.by), quote.lang))
            else:
                out.append(QuoteView(quote.text, quote.by or "", None, quote.lang))
        return out

    def resource_url(self, url: str) -> str:
        return ContentRef(url).url

    @cached_property
    def related(self) -> list[Entry]:
        """Entries of the same language sharing topics: most shared first, then newest."""
        return related_entries(self.view.hub.catalog, self.entry)

    # -- structured data ---------------------------------------------------------------

    def _own_image(self) -> str | None:
        """The entry's `image`, as cropped for og:image (cercle/cards), absolute; else None."""
        picture = self.view.hub.state.picture_for(self.entry.rel_path)
        if picture is None or picture.source != "image":
            return None
        return absolute(self.site_url, picture.largest.url)

    @cached_property
    def jsonld(self) -> str:
        """The page's JSON-LD, escaped for a <script> element."""
        if not self.times:
            return ""
        start, end = self.times
        site_url = self.site_url
        poster = absolute(site_url, self.poster.url) if self.poster else None
        event = jsonld.event_data(
            self.entry,
            self.view.hub.catalog,
            page_url=self.page_url,
            start=start,
            end=end,
            speaker_url=lambda sid: absolute(site_url, self.view.speaker_url(sid)),
            image_url=self._own_image() or poster,
            upcoming=self.upcoming,
        )
        video = None
        if self.video:
            local = ContentRef(self.video.url).content_path
            content_url = absolute(site_url, self.video_src) if local else None
            video = jsonld.video_data(
                self.entry, self.video, page_url=self.page_url, thumbnail_url=poster, content_url=content_url
            )
        if self.takeaways:  # schema.org's summary of a creative work: the replay, else the event
            (video if video is not None else event)["abstract"] = "\n".join(t.text for t in self.takeaways)
        return jsonld.script_json(jsonld.graph(event, video))


def _same_file(one: str, other: str) -> bool:
    """Whether two paths in content/ name the same file, however written (`/media/x.vtt`,
    `./media/x.vtt`, `media/x.vtt`)."""
    paths = [ContentRef(value).content_path for value in (one, other)]
    return None not in paths and len({posixpath.normpath(str(path)) for path in paths}) == 1
