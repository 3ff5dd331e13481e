"""The hub's identity from configuration: brand colours, logo, font, the home page's hero
(tagline, call to action) and the footer's credit line.

One source of truth: the stylesheet written from it (`stylesheet`) sets the CSS custom
properties Material and Cercle's components read, and cercle/cards draws with the same
colours. Values end up in CSS, so they are checked strictly here (`IdentityError` names the
option and its message code), never copied into a stylesheet as they came.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cercle.core.models import LocalizedText
from cercle.core.refs import ContentRef

HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
FAMILY = re.compile(r"[A-Za-z0-9][A-Za-z0-9 \-]{0,60}")
BRAND_CSS = "assets/stylesheets/cercle-brand.css"  # written by cercle/hub into the site
DEFAULT_PRIMARY = "#283593"
DEFAULT_ACCENT = "#ffca28"


class IdentityError(ValueError):
    def __init__(self, code: str, **params: str) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rgb/#rrggbb colours."""

    def luminance(color: str) -> float:
        channels = [c / 255 for c in _rgb(color)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _color(brand: Mapping[str, Any], key: str, default: str) -> str:
    value = str(brand.get(key) or default).strip()
    if not HEX.fullmatch(value):
        raise IdentityError("bad_brand_color", option=f"brand.{key}", value=value)
    return value.lower()


@dataclass(frozen=True)
class Identity:
    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT
    logo: str | None = None  # site-relative path (content/ is the site's root)
    font: str | None = None
    tagline: LocalizedText = ""
    cta_label: LocalizedText = ""
    cta_url: LocalizedText = ""  # a page of the site (fr/guides/) or https://…, per language
    attribution: LocalizedText | bool = ""

    @property
    def light_primary(self) -> bool:
        """True when white text would not be readable on the primary colour (WCAG AA)."""
        return contrast(self.primary, "#ffffff") < 4.5


def _link(value: str) -> bool:
    """A site-relative page or an https:// address: nothing a stylesheet or script could abuse."""
    if value.startswith("https://"):
        return " " not in value
    return bool(value) and ":" not in value and not value.startswith("//") and "\\" not in value


def identity(brand: Mapping[str, Any], tagline: Any, cta: Mapping[str, Any], attribution: Any) -> Identity:
    """The identity from cercle/hub's `brand`, `tagline`, `call_to_action` and `attribution`."""
    logo = brand.get("logo")
    if logo is not None:
        ref = ContentRef(str(logo))
        if ref.is_remote:
            raise IdentityError("remote_logo", option="brand.logo", value=str(logo))
        logo = ref.content_path
    font = brand.get("font")
    if font is not None and not FAMILY.fullmatch(str(font)):
        raise IdentityError("bad_font", option="brand.font", value=str(font))
    url = cta.get("url") or ""
    for value in (url.values() if isinstance(url, Mapping) else [url]) if cta else []:
        if not _link(str(value)):
            raise IdentityError("bad_cta", option="call_to_action.url", value=str(value))
    return Identity(
        primary=_color(brand, "primary", DEFAULT_PRIMARY),
        accent=_color(brand, "accent", DEFAULT_ACCENT),
        logo=logo,
        font=str(font) if font else None,
        tagline=tagline or "",
        cta_label=cta.get("label") or "",
        cta_url=url,
        attribution=attribution,
    )


SLATE_BG = "#1e2129"  # Material's slate background (hsl 232 15% 14%)


def tint(color: str, background: str, ratio: float = 7.0) -> str:
    """`color` mixed with white until it reads on `background` (links in the dark scheme)."""
    r, g, b = _rgb(color)
    for step in range(11):
        mix = step / 10
        out = "#" + "".join(f"{round(c + (255 - c) * mix):02x}" for c in (r, g, b))
        if contrast(out, background) >= ratio:
            return out
    return "#ffffff"


def stylesheet(ident: Identity) -> str:
    """CSS custom properties for Material and Cercle, in the light and dark schemes."""
    on_primary = "#1a1a1a" if ident.light_primary else "#ffffff"
    # Links and focus rings use the primary colour (the accent is often too pale on white,
    # WCAG 1.4.3/1.4.11); in the dark scheme a tint of it that reads on slate.
    dark_link = tint(ident.primary, SLATE_BG)
    lines = [
        "/* Written by cercle/hub from its `brand` option: do not edit. */",
        ":root, [data-md-color-scheme=default] {",
        f"  --cercle-primary: {ident.primary};",
        f"  --cercle-accent: {ident.accent};",
        f"  --cercle-link: {ident.primary};",
        f"  --md-primary-fg-color: {ident.primary};",
        f"  --md-primary-fg-color--light: {ident.primary};",
        f"  --md-primary-fg-color--dark: {ident.primary};",
        f"  --md-primary-bg-color: {on_primary};",
        f"  --md-primary-bg-color--light: {on_primary}b3;",
        f"  --md-accent-fg-color: {ident.primary};",
        f"  --md-accent-fg-color--transparent: {ident.primary}1a;",
        f"  --md-typeset-a-color: {ident.primary};",
        "}",
        # Dark scheme: in the content, "primary" (buttons, badges, outlines) is the light tint
        # with dark text on it; the header and the hero keep the brand colour itself.
        "[data-md-color-scheme=slate] {",
        f"  --cercle-primary: {ident.primary};",
        f"  --cercle-accent: {ident.accent};",
        f"  --cercle-link: {dark_link};",
        f"  --md-primary-fg-color: {dark_link};",
        f"  --md-primary-fg-color--light: {dark_link};",
        f"  --md-primary-fg-color--dark: {dark_link};",
        "  --md-primary-bg-color: #1a1a1a;",
        "  --md-primary-bg-color--light: #1a1a1ab3;",
        f"  --md-accent-fg-color: {dark_link};",
        f"  --md-accent-fg-color--transparent: {dark_link}1a;",
        f"  --md-typeset-a-color: {dark_link};",
        "}",
        "[data-md-color-scheme=slate] :is(.md-header, .md-tabs, .cercle-hero) {",
        f"  --md-primary-fg-color: {ident.primary};",
        f"  --md-primary-bg-color: {on_primary};",
        f"  --md-primary-bg-color--light: {on_primary}b3;",
        "}",
    ]
    if ident.font:
        family = f'"{ident.font}", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
        lines += [":root {", f"  --md-text-font-family: {family};", f"  --md-text-font: {family};", "}"]
    return "\n".join(lines) + "\n"
