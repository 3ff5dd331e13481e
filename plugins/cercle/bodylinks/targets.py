"""What a body may link to: the files MkDocs will have, and the address of each page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from cercle.core.catalog import Catalog
from cercle.core.safe_paths import through_link
from cercle.hub.pages import generated_pages


@dataclass
class Targets:
    """Published files under content/ (pages and media), and each page's URL by its file."""

    files: set[str] = field(default_factory=set)
    urls: dict[str, str] = field(default_factory=dict)

    def url_of(self, rel: str) -> str:
        """Site address of a file: a page's URL, or the file's own path (MkDocs copies media as is)."""
        return self.urls.get(rel, rel)


def targets(catalog: Catalog) -> Targets:
    """Every file a body may link to: media, published pages, generated pages (by `<url>index.md`)."""
    settings = catalog.settings
    found = Targets()
    root = settings.content_dir
    resolved_root = root.resolve()
    registries = {settings.speakers_file, settings.topics_file}
    links: dict[str, bool] = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        hidden = any(part.startswith((".", "_")) for part in PurePosixPath(rel).parts)
        if hidden or rel in registries or path.suffix.lower() == ".md" or not path.is_file():
            continue
        # A symlink out is reported by the Catalog; only a path through a link may be one.
        if not through_link(str(root), rel, links) or path.resolve().is_relative_to(resolved_root):
            found.files.add(rel)
    for entry in catalog.entries:
        found.urls[entry.rel_path] = entry.url
    for intro in catalog.intros.values():
        found.urls[intro.rel_path] = intro.url
    for page in generated_pages(catalog):
        found.urls.setdefault(page.src_uri, page.url)
    found.files |= set(found.urls)
    return found
