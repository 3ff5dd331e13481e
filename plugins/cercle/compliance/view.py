"""What the statement, the site map and the footer show: `cercle.compliance` in templates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cercle.compliance import sitemap
from cercle.compliance.qr import png_uri_side, qr_png_uri
from cercle.compliance.statement import Statement, statement
from cercle.core.catalog import Entry
from cercle.hub.alternates import absolute
from cercle.hub.pages import LISTED_TYPES, PLURAL, Kind

if TYPE_CHECKING:
    from cercle.hub.view import PageView


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    lang: str | None = None


@dataclass(frozen=True)
class SiteMap:
    """One site map page: the hub's pages, topics and speakers (main page only), entries, parts."""

    pages: list[Link]
    topics: list[Link]
    speakers: list[Link]
    groups: list[sitemap.Group]
    parts: list[Link]


class ComplianceView:
    def __init__(self, view: PageView) -> None:
        self.view = view
        self.hub = view.hub

    def statement(self, site_name: str) -> Statement:
        return statement(self.hub.settings.accessibility, self.view.lang, site_name)

    def status_label(self, site_name: str = "") -> str:
        return self.view.t(f"compliance_status.{self.statement(site_name).status.value}")

    @property
    def statement_url(self) -> str:
        return self.hub.url("accessibility", self.view.lang)

    @property
    def site_map_url(self) -> str:
        return self.hub.url("sitemap", self.view.lang)

    def site_map(self) -> SiteMap:
        view, lang = self.view, self.view.lang
        generated = view.generated
        assert generated is not None and generated.kind is Kind.SITEMAP
        entries, size = view.entries(), self.hub.settings.site_map_page_size
        split = sitemap.parts(entries, size)
        people = sitemap.speaker_parts(self.hub.catalog.speakers, lang, size)
        if generated.subject:
            group = next((p.speaker_ids for p in people if p.slug == generated.subject), None)
            if group is not None:
                names = self.hub.catalog.speakers
                return SiteMap(
                    [], [], [Link(names[sid].name, view.speaker_url(sid)) for sid in group], [], []
                )
            chosen = next(p.entries for p in split if p.slug == generated.subject)
            return SiteMap([], [], [], sitemap.by_type(chosen), [])
        pages = [Link(view.t("home"), view.home_url())]
        pages += [Link(view.t(PLURAL[t]), view.listing_url(t)) for t in LISTED_TYPES]
        pages += [Link(view.t(key), self.hub.url(key, lang)) for key in ("topics", "speakers")]
        pages.append(Link(view.t("accessibility_statement"), self.statement_url))
        pages += [Link(view.t(key), self.hub.url(key, lang)) for key in ("to_share", "privacy")]
        topics = [Link(label, view.topic_url(tid)) for tid, label, _ in view.topics()]
        if people:  # too many for this page: a link to each of their pages, by name
            speakers = [Link(p.label, self.hub.url(f"sitemap:{p.slug}", lang)) for p in people]
        else:
            speakers = [Link(sp.name, view.speaker_url(sid)) for sid, sp, _ in view.speakers()]
        parts = [Link(p.label or view.t("undated"), self.hub.url(f"sitemap:{p.slug}", lang)) for p in split]
        return SiteMap(pages, topics, speakers, [] if split else sitemap.by_type(entries), parts)

    @property
    def page_url(self) -> str:
        """This page's absolute address ("" for a page of no language, such as 404)."""
        url = self.view.translation_urls.get(self.view.lang)
        if url is None or not self.hub.settings.site_url:
            return ""
        return absolute(self.hub.settings.site_url, url)

    def qr(self) -> str:
        """The QR code of this page's address, for print: a PNG `data:` URI (qr_png_uri)."""
        url = self.page_url
        if not url:
            return ""
        kept = self.hub.settings.cache_dir  # the Catalog's; QR codes are kept beside it
        return qr_png_uri(url, cache=kept.parent / "qr" if kept else None)

    def qr_side(self) -> int:
        """The print QR code's width and height in pixels (0 without one)."""
        return png_uri_side(self.qr())

    def entry_date(self, entry: Entry) -> str:
        return self.view.date(entry.date, "medium") if entry.date else ""
