"""Suggested texts and how long networks count them (X: weighted, links as 23; Bluesky: graphemes)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

X_MAX = 280
X_LINK = 23  # every link counts as 23 on X, whatever its length
BLUESKY_MAX = 300

_URL = re.compile(r"https?://\S+")
# twitter-text v3: these code points weigh 1, every other 2 (an emoji sequence weighs 2).
_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


def hashtag_line(hashtags: Iterable[str]) -> str:
    return " ".join(tag if tag.startswith("#") else f"#{tag}" for tag in hashtags)


def compose(text: str, hashtags: Iterable[str] = (), disclosure: str = "") -> str:
    """The post as offered: the text, the disclosure line, then the hashtags, each on its own line."""
    return "\n\n".join(part for part in (text, disclosure.strip(), hashtag_line(hashtags)) if part)


def compose_post(text: str, link: str, disclosure: str = "") -> str:
    """A post that carries its own link (a takeaway is pasted anywhere, not sent by a share
    link): the text, the link, then the disclosure line."""
    return "\n\n".join(part for part in (text, link, disclosure.strip()) if part)


# A blank the reader fills before copying: `[your opinion]` (no nested or multi-line brackets).
BLANK = re.compile(r"\[([^\[\]\n]+)\]")


def segments(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_blank) pairs; a blank's piece is its prompt, without brackets."""
    found, end = [], 0
    for match in BLANK.finditer(text):
        if match.start() > end:
            found.append((text[end : match.start()], False))
        found.append((match.group(1).strip(), True))
        end = match.end()
    if end < len(text):
        found.append((text[end:], False))
    return found


def unclosed_blank(text: str) -> str | None:
    """The start of a blank opened with `[` and never closed (or closed without opening), else None."""
    rest = BLANK.sub("", text)
    for char in "[]":
        at = rest.find(char)
        if at >= 0:
            return rest[at : at + 30].split("\n")[0]
    return None


def _joins(char: str) -> bool:
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters (flags of regions)
    )


def graphemes(text: str) -> Iterator[str]:
    """User-perceived characters, close enough to Unicode's rules for counting posts."""
    text = unicodedata.normalize("NFC", text)
    cluster = ""
    after_zwj = False
    for char in text:
        regional = 0x1F1E6 <= ord(char) <= 0x1F1FF
        pair = regional and len(cluster) == 1 and 0x1F1E6 <= ord(cluster) <= 0x1F1FF
        if cluster and (_joins(char) or char == "\u200d" or after_zwj or pair):
            cluster += char
        else:
            if cluster:
                yield cluster
            cluster = char
        after_zwj = char == "\u200d"
    if cluster:
        yield cluster


def _is_emoji(cluster: str) -> bool:
    return any(ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x27BF for c in cluster) or "\ufe0f" in cluster


def _weight(cluster: str) -> int:
    if _is_emoji(cluster):
        return 2
    return sum(1 if any(lo <= ord(c) <= hi for lo, hi in _LIGHT) else 2 for c in cluster)


def x_length(post: str, url: str | None = None) -> int:
    """Length of a post on X: the text weighted, every link (and the page's) as 23."""
    links = _URL.findall(post)
    rest = _URL.sub("", post)
    total = sum(_weight(cluster) for cluster in graphemes(rest)) + X_LINK * len(links)
    return total + (1 + X_LINK if url else 0)


def shown_link(url: str) -> str:
    """A link as Bluesky's composer shows and counts it: host, then at most 13 characters of path."""
    parts = urlsplit(url)
    path = "" if parts.path == "/" else parts.path
    path += f"?{parts.query}" if parts.query else ""
    path += f"#{parts.fragment}" if parts.fragment else ""
    return parts.netloc + (f"{path[:13]}..." if len(path) > 15 else path)


def bluesky_length(post: str, url: str | None = None) -> int:
    """Length of a post on Bluesky: graphemes, with each link as it is shown (shortened)."""
    full = f"{post} {url}" if url else post
    return sum(1 for _ in graphemes(_URL.sub(lambda m: shown_link(m.group()), full)))
