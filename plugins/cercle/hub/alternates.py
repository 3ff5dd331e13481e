"""Links between the languages of a page: hreflang alternates and the language switcher."""

from __future__ import annotations

from dataclasses import dataclass

from cercle.core.i18n import language_name


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str
    url: str  # site-relative, e.g. "en/webinars/x/"
    translated: bool  # False: the link goes to that language's home instead
    current: bool


def alternates(current_lang: str, languages: tuple[str, ...], urls: dict[str, str]) -> list[Alternate]:
    """One link per language: the translation when there is one, else that language's home."""
    return [
        Alternate(
            lang=lang,
            name=language_name(lang),
            url=urls.get(lang, f"{lang}/"),
            translated=lang in urls,
            current=lang == current_lang,
        )
        for lang in languages
    ]


def absolute(site_url: str | None, url: str) -> str:
    """An absolute URL from a site-relative one (hreflang requires absolute URLs)."""
    if not site_url:
        return f"/{url}"
    return site_url.rstrip("/") + "/" + url
