"""The `og:*`, `article:*` and `twitter:*` tags of a page, as (attribute, name, content) triples.

Templates print them escaped; absolute URLs need `site_url` (without it they are left out,
and `cercle check` warns).
"""

from __future__ import annotations

from dataclasses import dataclass

from cercle.core.i18n import locale_tag
from cercle.hub.alternates import absolute
from cercle.hub.view import PageView


@dataclass(frozen=True)
class MetaTag:
    attr: str  # "property" (Open Graph) or "name" (Twitter)
    key: str
    content: str


@dataclass(frozen=True)
class Image:
    path: str  # site-relative
    width: int
    height: int
    alt: str
    type: str = "image/png"


def page_url(view: PageView) -> str:
    if view.entry:
        return view.entry.url
    return view.generated.url if view.generated else view.translation_urls.get(view.lang, "")


def page_title(view: PageView) -> str:
    if view.entry:
        return view.entry.title
    if view.generated:
        intro = view.hub.catalog.intros.get(view.generated.url)
        return intro.meta.title if intro and not view.is_root else view.generated.title
    return ""


def meta_tags(view: PageView, site_name: str, description: str, image: Image | None = None) -> list[MetaTag]:
    site_url = view.hub.settings.site_url
    og = [
        ("og:type", "article" if view.entry else "website"),
        ("og:title", page_title(view)),
        ("og:description", description),
        ("og:site_name", site_name),
        ("og:locale", locale_tag(view.lang)),
    ]
    og += [("og:locale:alternate", locale_tag(lang)) for lang in view.translation_urls if lang != view.lang]
    if site_url:
        og.append(("og:url", absolute(site_url, page_url(view))))
        if image:
            og += [
                ("og:image", absolute(site_url, image.path)),
                ("og:image:type", image.type),
                ("og:image:width", str(image.width)),
                ("og:image:height", str(image.height)),
                ("og:image:alt", image.alt),
            ]
    entry = view.entry
    if entry:
        if entry.date:
            og.append(("article:published_time", entry.date.isoformat()))
        og += [("article:tag", view.topic_label(t)) for t in entry.meta.topics]
        og += [("article:tag", tag) for tag in entry.meta.tags]
    tags = [MetaTag("property", key, value) for key, value in og if value]
    tags.append(MetaTag("name", "twitter:card", "summary_large_image" if image else "summary"))
    if image and site_url:
        tags.append(MetaTag("name", "twitter:image:alt", image.alt))
    return tags
