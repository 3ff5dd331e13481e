"""Share links: plain URLs of each network's share page (no vendor script, no per-person data)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

NETWORKS = ("linkedin", "x", "facebook", "bluesky", "whatsapp", "telegram", "email")
UTM_KEYS = ("source", "medium", "campaign", "term", "content")
_INSTANCE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$")


def _q(value: str) -> str:
    return quote(value, safe="")


def with_utm(url: str, utm: Mapping[str, str] | None, network: str) -> str:
    """`url` with the campaign parameters; `{network}` in a value becomes the network's name.

    The same for every reader: a campaign is counted, a person never is.
    """
    if not utm:
        return url
    params = {f"utm_{k}": str(v).replace("{network}", network) for k, v in utm.items() if v}
    params.setdefault("utm_source", network)
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query += sorted(params.items())
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote)))


def campaign_tags(utm: Mapping[str, str] | None, network: str = "{network}") -> list[str]:
    """The campaign parameters every shared link carries, as `utm_x=value` (sorted); `network`
    stands for the network's name, which `utm_source` holds unless configured."""
    if not utm:
        return []
    params = {f"utm_{k}": str(v) for k, v in utm.items() if v}
    params.setdefault("utm_source", "{network}")
    return [f"{k}={v.replace('{network}', network)}" for k, v in sorted(params.items())]


def mastodon_instance(value: str) -> str | None:
    """A Mastodon instance as a reader types it (`mastodon.social`, `https://x.y/`), or None."""
    host = value.strip().lower()
    host = re.sub(r"^https?://", "", host).split("/")[0].lstrip("@")
    if "@" in host:  # user@instance
        host = host.rsplit("@", 1)[1]
    return host if _INSTANCE.match(host) else None


def mastodon_post(url: str, text: str, utm: Mapping[str, str] | None = None) -> str:
    """The text and link of a Mastodon post (the reader's instance is asked in the browser)."""
    return f"{text} {with_utm(url, utm, 'mastodon')}"


def mastodon_link(instance: str, text: str) -> str | None:
    host = mastodon_instance(instance)
    return f"https://{host}/share?text={_q(text)}" if host else None


def share_links(
    url: str,
    text: str,
    title: str = "",
    utm: Mapping[str, str] | None = None,
    networks: tuple[str, ...] = NETWORKS,
) -> dict[str, str]:
    """Network → share URL. `text` is the post (with hashtags); `url` the page's absolute URL.

    Mastodon has no central share page: see `mastodon_post` and `mastodon_link`.
    """
    links: dict[str, str] = {}
    # Quoting is per byte: the text is quoted once, and "text link" is the two quoted parts
    # joined by a quoted space (the same bytes as quoting it whole, at a third of the cost).
    post = _q(text)
    for network in networks:
        link = with_utm(url, utm, network)
        page = _q(link)
        both = f"{post}%20{page}"
        if network == "linkedin":
            links[network] = f"https://www.linkedin.com/sharing/share-offsite/?url={page}"
        elif network == "x":
            links[network] = f"https://x.com/intent/post?text={post}&url={page}"
        elif network == "facebook":
            links[network] = f"https://www.facebook.com/sharer/sharer.php?u={page}"
        elif network == "bluesky":
            links[network] = f"https://bsky.app/intent/compose?text={both}"
        elif network == "whatsapp":
            links[network] = f"https://wa.me/?text={both}"
        elif network == "telegram":
            links[network] = f"https://t.me/share/url?url={page}&text={post}"
        elif network == "email":
            subject = _q(title) if title else post
            links[network] = f"mailto:?subject={subject}&body={post}%0A%0A{page}"
    return links
