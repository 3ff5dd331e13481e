"""Which pages the hub generates (home, listings, topics, speakers, the root chooser, the
accessibility statement and the site map) and where."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from slugify import slugify

from cercle.compliance.sitemap import parts as site_map_parts
from cercle.compliance.sitemap import speaker_parts
from cercle.core.catalog import Catalog
from cercle.core.errors import Problem, problem
from cercle.core.i18n import route, ui
from cercle.core.models import EntryType, localized
from cercle.core.urls import path_of_url, url_of_path
from cercle.hub.paging import SPEAKERS_FACTOR, TO_SHARE_DIVISOR, page_count, page_url
from cercle.share.now import to_share

LISTED_TYPES = (EntryType.WEBINAR, EntryType.EVENT, EntryType.GUIDE)
PLURAL = {EntryType.WEBINAR: "webinars", EntryType.EVENT: "events", EntryType.GUIDE: "guides"}


class Kind(StrEnum):
    ROOT = "root"
    HOME = "home"
    LISTING = "listing"
    TOPICS = "topics"
    TOPIC = "topic"
    SPEAKERS = "speakers"
    SPEAKER = "speaker"
    ACCESSIBILITY = "accessibility"
    SITEMAP = "sitemap"
    TO_SHARE = "to_share"  # what to share now (cercle.share.now)
    PRIVACY = "privacy"  # "this hub measures nothing"


@dataclass(frozen=True)
class GeneratedPage:
    """A page the hub writes itself. `key` pairs the same page across languages."""

    kind: Kind
    lang: str
    url: str
    title: str
    key: str  # the same on every page of a long list
    entry_type: EntryType | None = None
    subject: str | None = None
    number: int = 1  # its place among the pages of a long list (cercle.hub.paging)
    of: int = 1  # how many pages that list has
    list_url: str = ""  # the address of the list's first page, on its later pages

    @property
    def first(self) -> bool:
        """The list's own page (its address, intro, menu entry and translations)."""
        return self.number == 1

    @property
    def first_url(self) -> str:
        return self.list_url or self.url

    @property
    def first_src_uri(self) -> str:
        """The source path of the list's first page (this one's, when it is the first)."""
        return _src_uri(self.first_url)

    def items_per_page(self, size: int) -> int:
        """How many of its list's items a page shows, for the hub's `listing_page_size`."""
        if self.kind is Kind.SPEAKERS:
            return size * SPEAKERS_FACTOR
        if self.kind is Kind.TO_SHARE:
            return max(1, -(-size // TO_SHARE_DIVISOR))  # rounded up: 7 → 2 a page, not 1
        return size

    @property
    def src_uri(self) -> str:
        return _src_uri(self.url)

    @property
    def template(self) -> str:
        return f"cercle/{self.kind.value}.html"


def _src_uri(url: str) -> str:
    return f"{path_of_url(url)}index.md"


def section_folder(catalog: Catalog, lang: str, entry_type: EntryType) -> str:
    """The folder of `entry_type` in `lang`: the one the content uses, else the language's default."""
    for entry in catalog.in_language(lang, entry_type):
        if entry.section and catalog.settings.sections.get(entry.section) == entry_type:
            return entry.section
    default = route(lang, f"sections.{entry_type.value}")
    if default.startswith("sections."):
        default = PLURAL[entry_type]
    return default


def topic_slugs(catalog: Catalog, lang: str) -> dict[str, str]:
    """Each topic's URL segment in `lang`: its `slug` there, else its label there slugified
    (`/en/topics/volunteering/`), else its id; a segment two topics would share keeps the id."""
    slugs: dict[str, str] = {}
    for topic_id, topic in sorted(catalog.topics.items()):
        label = topic.label.get(lang) if isinstance(topic.label, dict) else None
        wanted = slugify((topic.slug or {}).get(lang) or label or "") or topic_id
        clash = wanted in slugs.values() or wanted in catalog.topics.keys() - {topic_id}
        slugs[topic_id] = topic_id if clash else wanted
    return slugs


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every generated page, in a stable order."""
    languages = catalog.languages
    pages = [GeneratedPage(Kind.ROOT, languages[0], "", ui(languages[0], "root_title"), "root")]
    for lang in languages:
        pages.append(GeneratedPage(Kind.HOME, lang, f"{lang}/", ui(lang, "home"), "home"))
        for entry_type in LISTED_TYPES:
            folder = section_folder(catalog, lang, entry_type)
            pages.append(
                GeneratedPage(
                    Kind.LISTING,
                    lang,
                    url_of_path(f"{lang}/{folder}/"),
                    ui(lang, PLURAL[entry_type]),
                    f"listing:{entry_type.value}",
                    entry_type=entry_type,
                )
            )
        topics = url_of_path(f"{lang}/{route(lang, 'topics')}/")
        pages.append(GeneratedPage(Kind.TOPICS, lang, topics, ui(lang, "topics"), "topics"))
        for topic_id, slug in topic_slugs(catalog, lang).items():
            title = localized(catalog.topics[topic_id].label, lang, languages[0])
            pages.append(
                GeneratedPage(
                    Kind.TOPIC,
                    lang,
                    f"{topics}{url_of_path(slug)}/",
                    title,
                    f"topic:{topic_id}",
                    subject=topic_id,
                )
            )
        speakers = url_of_path(f"{lang}/{route(lang, 'speakers')}/")
        pages.append(GeneratedPage(Kind.SPEAKERS, lang, speakers, ui(lang, "speakers"), "speakers"))
        for speaker_id, speaker in sorted(catalog.speakers.items()):
            pages.append(
                GeneratedPage(
                    Kind.SPEAKER,
                    lang,
                    f"{speakers}{url_of_path(speaker_id)}/",
                    speaker.name,
                    f"speaker:{speaker_id}",
                    subject=speaker_id,
                )
            )
        to_share, privacy = f"{lang}/{route(lang, 'to_share')}/", f"{lang}/{route(lang, 'privacy')}/"
        pages.append(GeneratedPage(Kind.TO_SHARE, lang, to_share, ui(lang, "to_share"), "to_share"))
        pages.append(GeneratedPage(Kind.PRIVACY, lang, privacy, ui(lang, "privacy"), "privacy"))
        pages.extend(_compliance_pages(catalog, lang))
    return [later for page in pages for later in _paginated(catalog, page)]


def list_size(catalog: Catalog, page: GeneratedPage) -> tuple[int, int] | None:
    """(items, items a page) of a page that lists entries or speakers; None for another page."""
    size = page.items_per_page(catalog.settings.listing_page_size)
    lang, subject = page.lang, page.subject or ""
    if page.kind is Kind.LISTING and page.entry_type is not None:
        return len(catalog.in_language(lang, page.entry_type)), size
    if page.kind is Kind.TOPIC:
        return len(catalog.with_topic(lang, subject)), size
    if page.kind is Kind.SPEAKER:
        return len(catalog.with_speaker(lang, subject)), size
    if page.kind is Kind.SPEAKERS:
        return len(catalog.speakers), size
    if page.kind is Kind.TO_SHARE:
        return len(to_share(catalog.in_language(lang), catalog.settings.today)), size
    return None


def _paginated(catalog: Catalog, page: GeneratedPage) -> list[GeneratedPage]:
    """The page, and when its list is longer than a page, the list's next pages."""
    sized = list_size(catalog, page)
    count = page_count(*sized) if sized else 1
    if count == 1:
        return [page]
    pages = [replace(page, of=count)]
    for number in range(2, count + 1):
        title = ui(page.lang, "paged_title", title=page.title, number=number, count=count)
        url = page_url(page.url, page.lang, number)  # same key: it pairs with the list, not a page
        later = replace(page, url=url, title=title, number=number, of=count, list_url=page.url)
        pages.append(later)
    return pages


def _compliance_pages(catalog: Catalog, lang: str) -> list[GeneratedPage]:
    """The accessibility statement, the site map and, for a large archive, its year pages."""
    statement = f"{lang}/{route(lang, 'accessibility')}/"
    site_map = f"{lang}/{route(lang, 'sitemap')}/"
    pages = [
        GeneratedPage(
            Kind.ACCESSIBILITY, lang, statement, ui(lang, "accessibility_statement"), "accessibility"
        ),
        GeneratedPage(Kind.SITEMAP, lang, site_map, ui(lang, "site_map"), "sitemap"),
    ]
    size = catalog.settings.site_map_page_size
    labelled = [
        (p.slug, p.label or ui(lang, "undated")) for p in site_map_parts(catalog.in_language(lang), size)
    ]
    labelled += [(p.slug, p.label) for p in speaker_parts(catalog.speakers, lang, size)]
    for slug, label in labelled:
        title, url = ui(lang, "site_map_part", part=label), f"{site_map}{slug}/"
        pages.append(GeneratedPage(Kind.SITEMAP, lang, url, title, f"sitemap:{slug}", subject=slug))
    return pages


def reserved_url_problems(catalog: Catalog, pages: list[GeneratedPage]) -> list[Problem]:
    """Entries that would overwrite a generated page (a topic, a speaker, a listing)."""
    taken = {p.url: p for p in pages}
    return [
        problem(e.rel_path, 0, "", "reserved_url", url=path_of_url(e.url), what=taken[e.url].title)
        for e in catalog.entries
        if e.url in taken
    ]
