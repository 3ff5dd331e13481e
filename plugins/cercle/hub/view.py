"""What templates see: one `Hub` per build, one `PageView` per page (as `cercle` in Jinja).

Everything here is computed from the Catalog; templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from cercle.compliance.view import ComplianceView
from cercle.core import i18n
from cercle.core.catalog import Catalog, Entry
from cercle.core.models import EntryType, localized
from cercle.core.refs import ContentRef
from cercle.core.registry_models import Speaker
from cercle.hub import listings
from cercle.hub.alternates import Alternate, absolute, alternates
from cercle.hub.identity import identity
from cercle.hub.pages import LISTED_TYPES, GeneratedPage, Kind, generated_pages
from cercle.hub.paging import Paging, on_page
from cercle.hub.parts import PageParts
from cercle.hub.state import BuildState
from cercle.share.view import SharingView

if TYPE_CHECKING:
    from cercle.cards.pictures import Picture

T = TypeVar("T")


class Hub:
    """The generated pages and the lookups templates need, built once per build."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.settings = catalog.settings
        self.pages = generated_pages(catalog)
        self.page_by_src = {p.src_uri: p for p in self.pages}
        self._urls: dict[tuple[str, str], str] = {(p.key, p.lang): p.url for p in self.pages if p.first}
        self.entry_by_src = {e.rel_path: e for e in catalog.entries}
        self.state = BuildState()  # what features plan for each other (hub/state.py)
        s = self.settings
        self.identity = identity(s.brand, s.tagline, s.call_to_action, s.attribution)

    @property
    def today(self) -> dt.date:
        return self.settings.today

    def url(self, key: str, lang: str) -> str:
        return self._urls.get((key, lang), f"{lang}/")

    def topic_url(self, topic_id: str, lang: str) -> str:
        return self.url(f"topic:{topic_id}", lang)

    def speaker_url(self, speaker_id: str, lang: str) -> str:
        return self.url(f"speaker:{speaker_id}", lang)

    def listing_url(self, entry_type: EntryType, lang: str) -> str:
        return self.url(f"listing:{entry_type.value}", lang)

    def nav_pages(self, lang: str) -> list[GeneratedPage]:
        """The few pages of a language's menu: never the entries, so pages stay small."""
        wanted = {Kind.HOME, Kind.LISTING, Kind.TOPICS, Kind.SPEAKERS, Kind.TO_SHARE}
        return [p for p in self.pages if p.lang == lang and p.kind in wanted and p.first]

    def view(self, src_uri: str) -> PageView | None:
        entry = self.entry_by_src.get(src_uri)
        if entry:
            urls = {lang: e.url for lang, e in self.catalog.translations(entry).items()}
            return PageView(self, entry.lang, urls, entry=entry)
        page = self.page_by_src.get(src_uri)
        if page:
            if page.kind is Kind.ROOT:
                urls = {lang: f"{lang}/" for lang in self.catalog.languages}
            else:
                urls = {lang: self.url(page.key, lang) for lang in self.catalog.languages}
                urls[page.lang] = page.url  # a later page of a list: the others' lists begin it
            return PageView(self, page.lang, urls, generated=page)
        return None


@dataclass
class PageView:
    hub: Hub
    lang: str
    translation_urls: dict[str, str]
    entry: Entry | None = None
    generated: GeneratedPage | None = None
    material_lang: str = "en"
    parts: PageParts = field(default_factory=PageParts)  # what each feature adds (hub/parts.py)
    _pictures_shown: bool = field(default=False, repr=False)

    # -- language ----------------------------------------------------------------------

    @property
    def languages(self) -> tuple[str, ...]:
        return self.hub.catalog.languages

    @cached_property
    def strings(self) -> dict[str, str]:
        return i18n.ui_strings(self.lang)

    def t(self, key: str, **params: object) -> str:
        return i18n.ui(self.lang, key, **params)

    def t_in(self, lang: str, key: str, **params: object) -> str:
        return i18n.ui(lang, key, **params)

    def language_name(self, lang: str, in_page_language: bool = False) -> str:
        """A language's own name ("Français"), or as the page's language says it ("anglais")."""
        return i18n.language_name(lang, self.lang if in_page_language else None)

    def language_name_in(self, lang: str, in_lang: str) -> str:
        """A language's name as `in_lang` writes it in running text: "français", "English"."""
        return i18n.language_name(lang, in_lang)

    # -- identity (cercle/hub options brand, tagline, call_to_action, attribution) ---------

    @property
    def tagline(self) -> str:
        return self.text(self.hub.identity.tagline)

    @property
    def call_to_action(self) -> tuple[str, str] | None:
        """(label, URL) of the home page's button, or None."""
        ident = self.hub.identity
        label, url = self.text(ident.cta_label), self.text(ident.cta_url)
        return (label, url if "://" in url else url.lstrip("/")) if label and url else None

    @property
    def attribution(self) -> str | None:
        """The footer's credit line: None for none, "" for Cercle's own (translated)."""
        value = self.hub.identity.attribution
        if value is False:
            return None
        return "" if value is True or not value else self.text(value)

    @cached_property
    def alternates(self) -> list[Alternate]:
        return alternates(self.lang, self.languages, self.translation_urls)

    @cached_property
    def hreflang(self) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) for every existing translation, plus x-default; none on a
        later page of a list (page 3 of the French webinars is no page of the English ones)."""
        if self.generated and not self.generated.first:
            return []
        site_url = self.hub.settings.site_url
        links = [(lang, absolute(site_url, url)) for lang, url in self.translation_urls.items()]
        default = self.translation_urls.get(self.languages[0])
        if self.generated and self.generated.kind is Kind.ROOT:
            default = ""
        if default is not None:
            links.append(("x-default", absolute(site_url, default)))
        return links

    @property
    def missing_languages(self) -> list[str]:
        return [lang for lang in self.languages if lang not in self.translation_urls]

    @cached_property
    def compliance(self) -> ComplianceView:
        """The accessibility statement, the site map and the footer's links."""
        return ComplianceView(self)

    @cached_property
    def sharing(self) -> SharingView:
        """The footer's sharing links, the "to share" and "measures nothing" pages."""
        return SharingView(self)

    @property
    def is_root(self) -> bool:
        return bool(self.generated and self.generated.kind is Kind.ROOT)

    # -- formatting --------------------------------------------------------------------

    def date(self, value: dt.date | None, fmt: str = "long") -> str:
        return i18n.format_date(value, self.lang, fmt) if value else ""

    def time(self, value: dt.time | None) -> str:
        return i18n.format_time(value, self.lang) if value else ""

    def duration(self, minutes: int | None) -> str:
        return i18n.format_duration(minutes, self.lang) if minutes else ""

    def type_label(self, entry: Entry) -> str:
        return self.t(entry.type.value)

    def text(self, value: object) -> str:
        return localized(value, self.lang, self.languages[0])  # type: ignore[arg-type]

    # -- pictures (planned by cercle/cards in hub.state; None without it) -------------------

    def picture(self, entry: Entry) -> Picture | None:
        return self.hub.state.picture_for(entry.rel_path)

    def avatar(self, speaker_id: str) -> Picture | None:
        return self.hub.state.avatar_for(speaker_id)

    def first_picture(self) -> bool:
        """True once per page: that picture loads eagerly (it is likely in the first screen)."""
        first, self._pictures_shown = not self._pictures_shown, True
        return first

    # -- lookups -------------------------------------------------------------------------

    @staticmethod
    def ref(value: str) -> ContentRef:
        """A front-matter file reference, for templates: remote address or path in content/."""
        return ContentRef(value)

    def speaker(self, speaker_id: str) -> Speaker | None:
        return self.hub.catalog.speakers.get(speaker_id)

    def speaker_url(self, speaker_id: str) -> str:
        return self.hub.speaker_url(speaker_id, self.lang)

    def topic_label(self, topic_id: str) -> str:
        topic = self.hub.catalog.topics.get(topic_id)
        return self.text(topic.label) if topic else topic_id

    def topic_url(self, topic_id: str) -> str:
        return self.hub.topic_url(topic_id, self.lang)

    def listing_url(self, entry_type: EntryType) -> str:
        return self.hub.listing_url(entry_type, self.lang)

    def home_url(self, lang: str | None = None) -> str:
        return self.hub.url("home", lang or self.lang)

    def is_upcoming(self, entry: Entry) -> bool:
        return entry.is_upcoming(self.hub.today)

    # -- generated page data -------------------------------------------------------------

    def entries(self, *types: EntryType) -> list[Entry]:
        return self.hub.catalog.in_language(self.lang, *types)

    def archive(self) -> listings.Archive:
        """This page's part of its type's entries, upcoming ones first, past ones by year."""
        assert self.generated and self.generated.entry_type
        ordered = listings.in_archive_order(self.entries(self.generated.entry_type), self.hub.today)
        return listings.archive(self.on_this_page(ordered), self.hub.today)

    def featured(self) -> list[Entry]:
        return listings.featured(self.entries(), self.hub.today)

    def upcoming(self) -> list[Entry]:
        return listings.upcoming(self.entries(*LISTED_TYPES), self.hub.today)

    def latest(self, limit: int = 6, exclude: list[Entry] | None = None) -> list[Entry]:
        """The newest past entries, without those shown above them (`exclude`: the featured)."""
        shown = {id(e) for e in exclude or ()}
        past = [
            e for e in self.entries(*LISTED_TYPES) if not e.is_upcoming(self.hub.today) and id(e) not in shown
        ]
        return listings.newest_first(past)[:limit]

    def topics(self) -> list[tuple[str, str, int]]:
        """(id, label, number of entries in this language), by label."""
        rows = [
            (tid, self.topic_label(tid), len(self.hub.catalog.with_topic(self.lang, tid)))
            for tid in self.hub.catalog.topics
        ]
        return sorted(rows, key=lambda row: row[1].casefold())

    def speakers(self) -> list[tuple[str, Speaker, int]]:
        rows = [
            (sid, sp, len(self.hub.catalog.with_speaker(self.lang, sid)))
            for sid, sp in self.hub.catalog.speakers.items()
        ]
        return self.on_this_page(sorted(rows, key=lambda row: row[1].name.casefold()))

    def subject_entries(self) -> list[Entry]:
        assert self.generated and self.generated.subject
        subject = self.generated.subject
        if self.generated.kind is Kind.TOPIC:
            return self.on_this_page(listings.newest_first(self.hub.catalog.with_topic(self.lang, subject)))
        return self.on_this_page(listings.newest_first(self.hub.catalog.with_speaker(self.lang, subject)))

    # -- pages of a long list (cercle.hub.paging) -------------------------------------------

    @cached_property
    def paging(self) -> Paging | None:
        """Where this page stands among the pages of its list; None when the list fits one."""
        page = self.generated
        if page is None or page.of == 1:
            return None
        return Paging(page.number, page.of, page.first_url, page.lang)

    def on_this_page(self, items: Sequence[T]) -> list[T]:
        """The part of a long list this page shows (all of it when the list fits one page)."""
        page = self.generated
        if page is None or page.of == 1:
            return list(items)
        return on_page(items, page.number, page.items_per_page(self.hub.settings.listing_page_size))

    def subject_description(self) -> str:
        assert self.generated and self.generated.subject
        topic = self.hub.catalog.topics.get(self.generated.subject)
        return self.text(topic.description) if topic and topic.description else ""
