"""Settings the core needs, independent of the site engine that reads them from its config."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cercle.core.models import EntryType

# Section folder → entry type. Folders not listed make plain pages unless `type:` says otherwise.
DEFAULT_SECTIONS: Mapping[str, EntryType] = {
    "webinaires": EntryType.WEBINAR,
    "webinars": EntryType.WEBINAR,
    "evenements": EntryType.EVENT,
    "events": EntryType.EVENT,
    "guides": EntryType.GUIDE,
}


def resolve_today(configured: dt.date | None = None) -> dt.date:
    """Today's date for upcoming/past: config, else SOURCE_DATE_EPOCH (reproducible), else the clock."""
    if configured:
        return configured
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


@dataclass(frozen=True)
class HubSettings:
    content_dir: Path
    languages: tuple[str, ...] = ("fr", "en")
    sections: Mapping[str, EntryType] = field(default_factory=lambda: dict(DEFAULT_SECTIONS))
    today: dt.date = field(default_factory=resolve_today)
    site_url: str | None = None
    directory_urls: bool = True
    drafts: bool = False
    speakers_file: str = "speakers.yml"
    topics_file: str = "topics.yml"
    # Where parsed front matter is kept between builds (None: not kept).
    cache_dir: Path | None = None
    # Origins (https://host[:port]) that raw HTML in a body may load from (embeds).
    allowed_origins: tuple[str, ...] = ()
    # The hub's own UI strings and messages (<lang>.yml), merged over the shipped ones.
    locales_dir: Path | None = None
    project_dir: Path | None = None  # mkdocs.yml's folder: problems name files from there
    # Limits of a slides PDF (cercle/slides options max_pages, max_page_size in points).
    pdf_max_pages: int = 300
    pdf_max_page_size: float = 5000
    # The accessibility statement's facts, as configured (validated by cercle.compliance.statement).
    accessibility: Mapping[str, Any] = field(default_factory=dict)
    # Entries per site map page; past it the site map moves entries to one page per year.
    site_map_page_size: int = 400
    # Entries per page of a listing, a topic or a speaker (the speakers index: four times as
    # many, "to share": a quarter as many, hub/paging.py); past it the list goes on at
    # page/2/, page/3/…, so no page grows with the archive.
    listing_page_size: int = 24
    # cercle/share: the disclosure line added to suggested texts, per language (empty: none).
    share_disclosure: Mapping[str, str] = field(default_factory=dict)
    # cercle/share: where the footer's "Suggest a resource" link goes (empty: no link).
    suggest_url: str = ""
    # cercle/share: the campaign parameters of shared links (said on the "measures nothing" page).
    share_utm: Mapping[str, str] = field(default_factory=dict)
    # The home page's hero and the footer's credit line (LocalizedText; see cercle.hub.identity).
    tagline: str | Mapping[str, str] = ""
    call_to_action: Mapping[str, Any] = field(default_factory=dict)
    attribution: str | bool | Mapping[str, str] = ""
    brand: Mapping[str, Any] = field(default_factory=dict)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def from_root(self, path: str) -> str:
        """A path in a message, from mkdocs.yml's folder (the repository's root), so that the
        maintainer opens it as written and `--format github` lands on the pull request's file:
        `fr/x.md` (inside content/) → `content/fr/x.md`, `/…/hub/mkdocs.yml` → `mkdocs.yml`."""
        inside = self.content_dir / path
        if path and (inside.exists() or inside.is_symlink()):
            return self.content_path(path)
        candidate = Path(path)
        if not candidate.is_absolute():
            if (self._root() / candidate).exists() or not candidate.exists():
                return path  # already from the root (locales/fr.yml), or not a file: as written
            candidate = candidate.absolute()  # from the current folder (`-f ../hub/mkdocs.yml`)
        return self._shown(candidate, path)

    def content_path(self, rel: str) -> str:
        """A path inside content/ (existing or about to be), from the repository's root."""
        return self._shown(self.content_dir.absolute() / rel, rel)

    def _root(self) -> Path:
        return (self.project_dir or Path.cwd()).resolve()

    def _shown(self, place: Path, fallback: str) -> str:
        place = Path(os.path.realpath(place.parent)) / place.name  # a link by its own name
        try:
            return place.relative_to(self._root()).as_posix()
        except ValueError:
            return fallback
