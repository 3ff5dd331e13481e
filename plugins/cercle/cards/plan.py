"""Which cards a hub needs: one per page and language, one per quote, with their place and alt text."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from cercle.cards.batch import CardJob
from cercle.cards.spec import OG_SIZE, QUOTE_SIZE, Brand, CardSpec
from cercle.core.catalog import Entry
from cercle.core.i18n import format_date, format_time, language_name, ui
from cercle.core.langtags import primary_language
from cercle.core.models import EntryType, localized
from cercle.core.urls import path_of_url, url_of_path
from cercle.hub.pages import GeneratedPage, Kind
from cercle.hub.view import Hub

ROOT = "assets/cards"


@dataclass(frozen=True)
class Card:
    """A card as pages refer to it: where it is in the site, its size and its text alternative."""

    job: CardJob
    alt: str
    alt_lang: str = ""  # the text alternative's language when not the page's (a quote's)

    @property
    def path(self) -> str:
        return url_of_path(self.job.dest)  # what pages link to; the file is job.dest

    @property
    def width(self) -> int:
        return self.job.spec.size[0]

    @property
    def height(self) -> int:
        return self.job.spec.size[1]


@dataclass
class PageCards:
    og: Card
    quotes: list[Card] = field(default_factory=list)

    def jobs(self) -> list[CardJob]:
        return [self.og.job, *(q.job for q in self.quotes)]


def card_stem(url: str) -> str:
    """`fr/webinaires/x/` → `fr/webinaires/x`; a language home `fr/` → `fr/index`; root → `index`."""
    stem = path_of_url(url).strip("/").removesuffix(".html")
    if stem.endswith("/index") or stem == "index":
        stem = stem.removesuffix("index").strip("/")
    if "/" not in stem:
        stem = f"{stem}/index" if stem else "index"
    return stem


def _alt(spec: CardSpec) -> str:
    """What the card says, in its language: the text alternative of og:image."""
    head = spec.title
    if spec.eyebrow:
        head = ui(spec.lang, "cards.alt_head", kind=spec.eyebrow, title=spec.title)
    return " — ".join([head, *spec.facts])


def _quote_alt(spec: CardSpec, lang: str) -> str:
    """`lang`: the quote's own language (its quote marks, its spacing), the page's by default."""
    return ui(lang, "cards.alt_quote", text=spec.title, author=spec.eyebrow).rstrip(" —")


class CardPlanner:
    """Builds the CardSpecs of a hub from its Catalog and generated pages."""

    def __init__(self, hub: Hub, brand: Brand, quotes: bool = True) -> None:
        self.hub = hub
        self.brand = brand
        self.quotes = quotes
        self.footer = urlsplit(hub.settings.site_url or "").netloc

    def _names(self, entry: Entry) -> str:
        speakers = self.hub.catalog.speakers
        return ", ".join(speakers[s].name if s in speakers else s for s in entry.speaker_ids)

    def _topics(self, ids: list[str], lang: str) -> str:
        topics = self.hub.catalog.topics
        default = self.hub.catalog.languages[0]
        return " · ".join(localized(topics[t].label, lang, default) if t in topics else t for t in ids)

    def entry_spec(self, entry: Entry) -> CardSpec:
        lang, facts = entry.lang, []
        event = entry.event
        if entry.date:
            when = format_date(entry.date, lang, "full")
            if event and event.time:
                when += f" · {format_time(event.time, lang)}"
            if entry.type.is_event_like or entry.type is EntryType.PAGE:
                facts.append(when[:1].upper() + when[1:])
        if entry.type is EntryType.WEBINAR and entry.speaker_ids:
            facts.append(f"{ui(lang, 'with_speakers')} {self._names(entry)}")
        elif entry.type is EntryType.EVENT:
            facts.append(event.place if event and event.place else ui(lang, "online"))
        elif entry.meta.topics:
            facts.append(self._topics(entry.meta.topics, lang))
        return CardSpec(
            "og",
            entry.type.value,
            lang,
            entry.title,
            self.brand,
            eyebrow=ui(lang, entry.type.value),
            subtitle=entry.meta.description or "",
            facts=tuple(facts),
            footer=self.footer,
        )

    def page_spec(self, page: GeneratedPage) -> CardSpec:
        catalog, lang = self.hub.catalog, page.lang
        intro = catalog.intros.get(page.url)
        title, eyebrow, subtitle, facts = page.title, self.brand.site_name, "", []
        if intro:
            title, subtitle = intro.meta.title, intro.meta.description or ""
        if page.kind is Kind.ROOT:
            title = self.brand.site_name
            facts = [" · ".join(language_name(code) for code in catalog.languages)]
            eyebrow = ""
        elif page.kind is Kind.HOME:
            eyebrow = ui(lang, "home")
        elif page.kind is Kind.TOPIC and page.subject in catalog.topics:
            eyebrow = ui(lang, "topic")
            subtitle = localized(catalog.topics[page.subject].description, lang, catalog.languages[0])
        elif page.kind is Kind.SPEAKER and page.subject in catalog.speakers:
            speaker = catalog.speakers[page.subject]
            eyebrow = ui(lang, "speaker")
            subtitle = localized(speaker.role, lang, catalog.languages[0])
            facts = [speaker.organization] if speaker.organization else []
        return CardSpec(
            "og",
            page.kind.value,
            lang,
            title,
            self.brand,
            eyebrow=eyebrow,
            subtitle=subtitle,
            facts=tuple(facts),
            footer=self.footer,
        )

    def quote_specs(self, entry: Entry) -> list[CardSpec]:
        if not (self.quotes and entry.event):
            return []
        speakers = self.hub.catalog.speakers
        specs = []
        for quote in entry.event.quotes:
            author = speakers[quote.by].name if quote.by in speakers else (quote.by or "")
            specs.append(
                CardSpec(
                    "quote",
                    "quote",
                    entry.lang,
                    quote.text,
                    self.brand,
                    eyebrow=author,
                    subtitle=entry.title,
                    footer=self.footer,
                )
            )
        return specs

    def plan(self) -> dict[str, PageCards]:
        """Cards of every page, by the page's source path (`src_uri`).

        Two pages whose cards draw the same pixels (a listing titled alike in both languages:
        only `lang` differs, and nothing drawn depends on it) share the first page's job, so
        the site holds each card once, at one URL; each page keeps its own alt text."""
        cards: dict[str, PageCards] = {}
        jobs: dict[str, CardJob] = {}

        def card(spec: CardSpec, dest: str, alt: str, alt_lang: str = "") -> Card:
            return Card(jobs.setdefault(replace(spec, lang="").digest(), CardJob(spec, dest)), alt, alt_lang)

        languages = self.hub.catalog.languages
        for entry in self.hub.catalog.entries:
            stem = card_stem(entry.url)
            og = self.entry_spec(entry)
            quotes = []
            for n, spec in enumerate(self.quote_specs(entry), start=1):
                # A quote in another of the hub's languages: its text alternative is in that one.
                said = (entry.event.quotes[n - 1].lang if entry.event else None) or ""
                other = primary_language(said)  # "fr-CA": French quote marks, lang="fr-CA"
                other = other if other in languages and other != entry.lang else ""
                path = f"{ROOT}/{stem}/quote-{n}.png"
                quotes.append(card(spec, path, _quote_alt(spec, other or spec.lang), said if other else ""))
            cards[entry.rel_path] = PageCards(card(og, f"{ROOT}/{stem}.png", _alt(og)), quotes)
        for page in self.hub.pages:
            if not page.first:  # a later page of a long list shows its list's card
                cards[page.src_uri] = cards[page.first_src_uri]
                continue
            spec = self.page_spec(page)
            cards[page.src_uri] = PageCards(card(spec, f"{ROOT}/{card_stem(page.url)}.png", _alt(spec)))
        return cards


__all__ = ["OG_SIZE", "QUOTE_SIZE", "Card", "CardPlanner", "PageCards", "card_stem"]
