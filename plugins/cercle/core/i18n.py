"""UI strings, error messages and dates in the reader's language.

Strings live in `locales/<lang>.yml`; a language without a file falls back to English
string by string, so adding a language never breaks a build. A hub may override any of
them from a folder of its own (`locales_dir`, read by cercle.core.overrides).
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import string
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time

from cercle.core import typography

LOCALES_DIR = Path(__file__).parent / "locales"
FALLBACK = "en"
# The shipped catalogues are Cercle's own files: libyaml reads them ten times faster (50 → 5 ms
# per language), which every `cercle` command pays before its first message.
_SHIPPED_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


PACKAGE_DIR = LOCALES_DIR.parents[1]


def merge(into: dict[str, Any], other: dict[str, Any]) -> None:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = value


# The hub's own strings by language (`locales_dir`), merged over the shipped ones.
_OVERRIDES: dict[str, dict[str, Any]] = {}


@cache
def _shipped(lang: str) -> dict[str, Any]:
    """Core strings, merged with each feature package's own `locales/<lang>.yml`."""
    merged: dict[str, Any] = {}
    paths = [LOCALES_DIR / f"{lang}.yml", *sorted(PACKAGE_DIR.glob(f"*/locales/{lang}.yml"))]
    for path in dict.fromkeys(paths):
        if path.is_file():
            with path.open(encoding="utf-8") as handle:
                merge(merged, yaml.load(handle, Loader=_SHIPPED_LOADER) or {})
    return merged


@cache
def _catalog(lang: str) -> dict[str, Any]:
    """The shipped strings of a language with the hub's overrides merged over them."""
    if lang not in _OVERRIDES:
        return _shipped(lang)
    merged = copy.deepcopy(_shipped(lang))
    merge(merged, _OVERRIDES[lang])
    return merged


def set_overrides(trees: Mapping[str, dict[str, Any]]) -> None:
    """Use a hub's own strings (language → tree shaped like the catalogues); {}: none."""
    if dict(trees) == _OVERRIDES:
        return  # unchanged (every `cercle serve` rebuild): keep the caches
    _OVERRIDES.clear()
    _OVERRIDES.update(copy.deepcopy(dict(trees)))
    for cached in (_catalog, _lookup, ui_strings):
        cached.cache_clear()


def leaves(node: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(key path, value) of every string (or other non-mapping value) of a catalogue tree."""
    for key, value in node.items():
        if isinstance(value, Mapping):
            yield from leaves(value, (*prefix, str(key)))
        else:
            yield (*prefix, str(key)), value


def shipped_text(lang: str, key: tuple[str, ...]) -> str | None:
    """The shipped string at `key` in `lang`, else in English; None: no such string."""
    for source in (lang, FALLBACK):
        node: Any = _shipped(source)
        for part in key:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str):
            return node
    return None


def placeholders(text: str) -> set[str]:
    """The {names} a string is formatted with (ValueError when its braces do not pair)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@lru_cache(maxsize=8192)  # every page asks for the same few dozen strings
def _lookup(lang: str, key: str) -> str | None:
    node: Any = _catalog(lang)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    # The language's typography (French no-break spaces), even in a hub's own overrides.
    return typography.fix(node, lang) if isinstance(node, str) else None


def shipped_languages() -> list[str]:
    return sorted(p.stem for p in LOCALES_DIR.glob("*.yml"))


# The language given on the command line (`--lang`), for the plugins of the same process.
_chosen: str | None = None


def choose_messages_language(lang: str | None) -> None:
    """Record the command line's `--lang` (None: not given); see messages_language."""
    global _chosen
    _chosen = lang


def locale_language() -> str | None:
    """The first shipped language among CERCLE_LANG, LC_ALL, LC_MESSAGES and LANG, if any."""
    shipped = shipped_languages()
    for name in ("CERCLE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        code = os.environ.get(name, "").split(".")[0].split("_")[0].lower()
        if code in shipped:
            return code
    return None


def messages_language(configured: str = "") -> str:
    """The one rule for the language of messages, in `cercle …` and `mkdocs build|serve` alike:
    `--lang`, then the `messages_language` option of cercle/hub, then the locale, then English.
    """
    for candidate in (_chosen, configured):
        if candidate and candidate in shipped_languages():
            return candidate
    return locale_language() or FALLBACK


def message(lang: str, code: str, /, **params: object) -> str:
    """An error or report message; unknown placeholders are left as they are."""
    key = f"messages.{code}"
    template = _lookup(lang, key) or _lookup(FALLBACK, key) or code
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def ui(lang: str, key: str, /, **params: object) -> str:
    """A UI string for the site."""
    template = _lookup(lang, f"ui.{key}") or _lookup(FALLBACK, f"ui.{key}") or key
    return template.format(**params) if params else template


@cache
def ui_strings(lang: str) -> dict[str, str]:
    """All UI strings of a language (English fills the gaps), for templates."""
    merged = dict(_catalog(FALLBACK).get("ui", {}))
    merged.update(_catalog(lang).get("ui", {}))
    return merged


def route(lang: str, key: str) -> str:
    """The URL segment of a generated section (e.g. topics → `themes` in French)."""
    return _lookup(lang, f"routes.{key}") or _lookup(FALLBACK, f"routes.{key}") or key


@cache
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK)


@lru_cache(maxsize=256)
def language_name(lang: str, in_lang: str | None = None) -> str:
    """A language's name: its own, capitalized ("Français"), or as said in `in_lang` ("anglais")."""
    if in_lang:
        return _locale(lang).get_display_name(_locale(in_lang)) or lang
    name = _locale(lang).get_display_name(_locale(lang)) or lang
    return name[:1].upper() + name[1:]


def locale_tag(lang: str) -> str:
    """A territory-qualified tag for og:locale (fr → fr_FR, en → en_US)."""
    loc = _locale(lang)
    if loc.territory:
        return f"{loc.language}_{loc.territory}"
    likely = get_global("likely_subtags").get(loc.language, "")
    territory = likely.split("_")[-1] if likely else loc.language.upper()
    return f"{loc.language}_{territory}"


@lru_cache(maxsize=8192)  # listings print the same dates on many pages
def format_date(value: dt.date, lang: str, fmt: str = "long") -> str:
    return babel_format_date(value, format=fmt, locale=_locale(lang))


def format_time(value: dt.time, lang: str) -> str:
    return babel_format_time(value, format="short", locale=_locale(lang))


def format_duration(minutes: int, lang: str) -> str:
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return ui(lang, "duration_hm", h=hours, m=f"{mins:02d}")
    if hours:
        return ui(lang, "duration_h", h=hours)
    return ui(lang, "duration_m", m=mins)
