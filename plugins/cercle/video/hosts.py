"""Which host a `video:` URL points to, and the addresses to watch or embed it at a time.

Nothing here fetches anything: the page shows a self-hosted poster and only builds the
player (youtube-nocookie for YouTube, Vimeo with dnt=1, PeerTube, or <video>) on click.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, quote, urlsplit

from cercle.core.refs import ContentRef

FILE_EXTENSIONS = ("mp4", "webm", "ogv", "m4v", "mov")
_FILE_RE = re.compile(r"\.(" + "|".join(FILE_EXTENSIONS) + r")$", re.IGNORECASE)
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{3,12}$")
_PEERTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,64}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com"}
_YOUTUBE_HOSTS |= {"www.youtube-nocookie.com", "youtu.be"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


class VideoKind(StrEnum):
    YOUTUBE = "youtube"
    VIMEO = "vimeo"
    PEERTUBE = "peertube"
    FILE = "file"


@dataclass(frozen=True)
class Video:
    """A recognised video: its host, id and the URL the writer gave."""

    kind: VideoKind
    url: str
    video_id: str = ""
    host: str = ""

    @property
    def is_file(self) -> bool:
        return self.kind is VideoKind.FILE

    @property
    def is_remote(self) -> bool:
        return ContentRef(self.url).is_remote

    @property
    def provider(self) -> str:
        """The name readers know the host by (for "loads … on click" notices)."""
        return {VideoKind.YOUTUBE: "YouTube", VideoKind.VIMEO: "Vimeo"}.get(self.kind, self.host)

    @property
    def player_host(self) -> str:
        """The host the player is loaded from after the click."""
        if self.kind is VideoKind.YOUTUBE:
            return "www.youtube-nocookie.com"
        if self.kind is VideoKind.VIMEO:
            return "player.vimeo.com"
        return self.host

    def embed_template(self, autoplay: bool = True, api: bool = False) -> str:
        """The player address with a `{start}` placeholder (seconds); "" for files (<video>).
        `api`: the host's postMessage API on (the page seeks the player and follows its time)."""
        vid = quote(self.video_id, safe="")
        play = "&autoplay=1" if autoplay else ""
        if self.kind is VideoKind.YOUTUBE:
            js = "&enablejsapi=1" if api else ""
            return f"https://www.youtube-nocookie.com/embed/{vid}?start={{start}}&rel=0{play}{js}"
        if self.kind is VideoKind.VIMEO:
            return f"https://player.vimeo.com/video/{vid}?dnt=1{play}#t={{start}}s"
        if self.kind is VideoKind.PEERTUBE:
            js = "&api=1" if api else ""
            return f"https://{self.host}/videos/embed/{vid}?start={{start}}s&warningTitle=0{play}{js}"
        return ""

    def embed_url(self, start: int = 0, autoplay: bool = True) -> str:
        """The player address, starting at `start` seconds."""
        return self.embed_template(autoplay).replace("{start}", str(start))

    def watch_url(self, start: int = 0) -> str:
        """The video's own page at `start` (the link readers follow without JavaScript)."""
        vid = quote(self.video_id, safe="")
        if self.kind is VideoKind.YOUTUBE:
            return f"https://www.youtube.com/watch?v={vid}" + (f"&t={start}s" if start else "")
        if self.kind is VideoKind.VIMEO:
            return f"https://vimeo.com/{vid}" + (f"#t={start}s" if start else "")
        if self.kind is VideoKind.PEERTUBE:
            return f"https://{self.host}/w/{vid}" + (f"?start={start}s" if start else "")
        return self.url + (f"#t={start}" if start else "")


def _youtube(host: str, path: str, query: dict[str, list[str]]) -> str | None:
    if host == "youtu.be":
        candidate = path.strip("/").split("/")[0]
    elif path == "/watch":
        candidate = (query.get("v") or [""])[0]
    else:
        match = re.match(r"^/(?:embed|shorts|live|v)/([^/]+)", path)
        candidate = match[1] if match else ""
    return candidate if _YOUTUBE_ID.match(candidate) else None


def parse_video(url: str) -> Video | None:
    """The video behind `url`, or None when it is not a YouTube, Vimeo, PeerTube or file URL."""
    url = url.strip()
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path
    if _FILE_RE.search(path):
        return Video(VideoKind.FILE, url, host=host)
    if not host:
        return None
    query = parse_qs(parts.query)
    if host in _YOUTUBE_HOSTS:
        vid = _youtube(host, path, query)
        return Video(VideoKind.YOUTUBE, url, vid, host) if vid else None
    if host in _VIMEO_HOSTS:
        match = re.match(r"^/(?:video/)?(\d+)", path)
        if match and _VIMEO_ID.match(match[1]):
            return Video(VideoKind.VIMEO, url, match[1], host)
        return None
    # PeerTube instances live on any host: recognised by their URL shapes.
    match = re.match(r"^/(?:w|videos/watch|videos/embed)/([^/?#]+)/?$", path)
    if match and _PEERTUBE_ID.match(match[1]) and parts.scheme == "https":
        return Video(VideoKind.PEERTUBE, url, match[1], host)
    return None


def format_offset(seconds: int) -> str:
    """12:30 or 1:02:03, as chapters are written."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def iso_duration(seconds: int) -> str:
    """ISO 8601 duration (PT1H2M3S), for JSON-LD."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return out + (f"{secs}S" if secs or out == "PT" else "")
