"""Loading the Catalog: one walk of content/, every file read once (with caches), every problem kept.

Files → Catalog is the only place front matter is read; features get Entries.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from cercle.core import typography
from cercle.core.catalog import reuse
from cercle.core.catalog.model import Catalog, Entry, Intro
from cercle.core.catalog.registries import load_registry
from cercle.core.catalog.validation import (
    reference_problems,
    slot_problems,
    translation_key_problems,
    validation_problems,
)
from cercle.core.catalog.walk import walk
from cercle.core.collector import collector_paused
from cercle.core.doccache import DocumentCache, forget_loaded_cache, parser_version
from cercle.core.errors import Problem, Severity, problem
from cercle.core.frontmatter import Document, Parsed, parse_document, read_text
from cercle.core.models import EntryMeta, EntryType, EventMeta
from cercle.core.overrides import load_overrides
from cercle.core.refs import ContentRef
from cercle.core.safe_paths import escapes
from cercle.core.settings import HubSettings
from cercle.core.urls import url_of_path

# Parsed front matter by file, reused while a file's mtime and size are unchanged: `cercle serve`
# rebuilds after every save, and only the saved file needs reading again.
_DOCUMENTS: dict[tuple[str, str], tuple[int, int, int, int, list[Problem], Document | None]] = {}


def _read_document(
    path: Path, rel: str, disk: DocumentCache | None = None
) -> tuple[list[Problem], Document | None]:
    """Problems reading `path`, and its front matter and body (None when it cannot be read)."""
    try:
        stat = path.stat()
        # The file's identity, not its resolved path: `resolve` cost a system call per folder
        # of the path (1.4 s at 10,000 entries a language); a link retargeted is another inode.
        key = (os.path.abspath(path), rel)
        version = (stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size)
    except OSError:
        text, problems = read_text(path, rel)
        return problems, (parse_document(text, rel) if text is not None else None)
    cached = _DOCUMENTS.get(key)
    if cached and cached[:4] == version:
        return cached[4], cached[5]
    doc = disk.get(rel, stat, path) if disk else None
    problems = []
    if doc is None:
        text, problems = read_text(path, rel)
        doc = parse_document(text, rel) if text is not None else None
        if disk and doc is not None and not problems:
            disk.put(rel, stat, doc, text)
    _DOCUMENTS[key] = (*version, problems, doc)
    return problems, doc


class CatalogBuilder:
    """Reads content/ once and collects every problem instead of stopping at the first."""

    def __init__(self, settings: HubSettings) -> None:
        self.settings = settings
        self.root = settings.content_dir
        self.disk = DocumentCache(settings.cache_dir, parser_version()) if settings.cache_dir else None
        self.catalog = Catalog(settings)
        self.problems: list[Problem] = []
        self._links: dict[str, bool] = {}  # folders of content/ known to be links (or not)

    # -- files ---------------------------------------------------------------------------

    def _walk(self) -> Iterator[tuple[Path, str]]:
        found = walk(self.root)
        reuse.start(self.settings, frozenset((item.rel, item.kind) for item in found))
        for item in found:
            # Before the name test: MkDocs publishes `_x` files too, and follows folder links.
            if item.is_link and escapes(Path(item.path), self.root):
                self.problems.append(problem(item.rel, 0, "", "symlink_outside"))
                continue
            if any(part.startswith((".", "_")) for part in item.parts):
                continue
            if item.is_file:
                yield Path(item.path), item.rel

    def content_file_exists(self, value: str) -> bool:
        ref = ContentRef(value)
        return ref.is_remote or ref.is_file_in(self.root, self._links)

    def build(self) -> Catalog:
        # The hub's own strings first: every message and UI string after this speaks them.
        self.problems.extend(load_overrides(self.settings))
        if not self.root.is_dir():
            self.problems.append(problem(str(self.root), 0, "", "missing_file", value=str(self.root)))
            return self._finish()
        registries = {self.settings.speakers_file: "speakers", self.settings.topics_file: "topics"}
        markdown: list[tuple[Path, str]] = []
        for path, rel in self._walk():
            if rel in registries:
                self.catalog.files_read += 1
                load_registry(self.catalog, path, rel, registries[rel], self.problems)
            elif path.suffix.lower() == ".md":
                markdown.append((path, rel))
        for path, rel in markdown:
            self._load_page(path, rel)
        if self.disk is not None:
            self.disk.keep_only({rel for _, rel in markdown})
            self.disk.save()
        self.problems.extend(reference_problems(self.catalog))
        self.problems.extend(slot_problems(self.catalog))
        self.problems.extend(translation_key_problems(self.catalog))
        return self._finish()

    def _finish(self) -> Catalog:
        self.catalog.entries.sort(key=lambda e: e.rel_path)
        self.catalog.index()
        self.catalog.report.extend(self.problems)
        return self.catalog

    # -- pages -------------------------------------------------------------------------------

    def _load_page(self, path: Path, rel: str) -> None:
        self.catalog.files_read += 1
        parts = PurePosixPath(rel).parts
        languages = self.settings.languages
        if len(parts) < 2 or parts[0] not in languages:
            folders = ", ".join(f"content/{lang}/" for lang in languages)
            self.problems.append(problem(rel, 0, "", "outside_language", folders=folders))
            return
        read_problems, doc = _read_document(path, rel, self.disk)
        self.problems.extend(read_problems)
        if doc is None:
            return
        loaded = reuse.known(rel, doc)
        if loaded is None:
            first = len(self.problems)
            page = self._page(rel, parts, doc)
            reuse.keep(rel, doc, self.problems[first:], page)
        else:
            self.problems.extend(loaded.problems)
            page = loaded.page
        if isinstance(page, Intro):
            self.catalog.intros[page.url] = page
        elif page is not None:
            self.catalog.entries.append(page)

    def _page(self, rel: str, parts: tuple[str, ...], doc: Document) -> Entry | Intro | None:
        """The page's Entry (or Intro, or None: a draft, or too broken); its problems are added."""
        self.problems.extend(doc.problems)
        if any(p.severity is Severity.ERROR for p in doc.problems) and not isinstance(doc.data, dict):
            return None
        data = doc.data if doc.data is not None else {}
        if not isinstance(data, dict):
            self.problems.append(problem(rel, 2, "", "front_matter_not_mapping"))
            return None
        lang, section = parts[0], (parts[1] if len(parts) > 2 else "")
        entry_type = self._type_of(data, section, rel, doc)
        model = EventMeta if entry_type.is_event_like else EntryMeta
        try:
            meta = model.model_validate({**data, "type": entry_type.value})
            invalid: set[str] = set()
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, rel, doc, entry_type=entry_type))
            # Keep checking what is valid (speakers, topics, files…) so one run reports everything;
            # the errors above already stop the build.
            invalid = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            salvage = {k: v for k, v in data.items() if k not in invalid}
            salvage.setdefault("title", rel)
            try:
                meta = model.model_validate({**salvage, "type": entry_type.value})
            except ValidationError:
                return None
        self._check_page(meta, entry_type, rel, doc, skip=invalid)
        meta = _typeset(meta, lang)
        slug = PurePosixPath(rel).stem
        url = self._url_of(rel)
        if self._is_intro(parts):
            return Intro(rel, lang, url, meta, doc.body)
        if meta.draft and not self.settings.drafts:
            return None
        key = meta.translation_key or self._default_key(parts, entry_type)
        return Entry(
            rel_path=rel,
            lang=lang,
            section=section,
            slug=slug,
            type=entry_type,
            meta=meta,
            body=doc.body,
            body_line=doc.body_line,
            url=url,
            translation_key=key,
            lines=doc.lines,
        )

    def _is_intro(self, parts: tuple[str, ...]) -> bool:
        """`<lang>/index.md` and `<lang>/<typed section>/index.md` head generated pages."""
        if parts[-1] != "index.md":
            return False
        return len(parts) == 2 or (len(parts) == 3 and parts[1] in self.settings.sections)

    def _type_of(self, data: dict[str, Any], section: str, rel: str, doc: Parsed) -> EntryType:
        declared = data.get("type")
        if declared is not None:
            try:
                return EntryType(str(declared))
            except ValueError:
                allowed = ", ".join(t.value for t in EntryType)
                self.problems.append(
                    problem(
                        rel, doc.line_of(("type",)), "type", "unknown_type", value=declared, allowed=allowed
                    )
                )
        return self.settings.sections.get(section, EntryType.PAGE)

    def _url_of(self, rel: str) -> str:
        path = PurePosixPath(rel).with_suffix("")
        if path.name == "index":
            return url_of_path(f"{path.parent.as_posix()}/")
        if self.settings.directory_urls:
            return url_of_path(f"{path.as_posix()}/")
        return url_of_path(f"{path.as_posix()}.html")

    def _default_key(self, parts: tuple[str, ...], entry_type: EntryType) -> str:
        # Same relative path pairs translations; a typed section counts by its type, so
        # fr/webinaires/x.md and en/webinars/x.md pair without a translation_key.
        rest = list(parts[1:])
        if len(rest) > 1 and rest[0] in self.settings.sections:
            rest[0] = f"@{self.settings.sections[rest[0]].value}"
        return str(PurePosixPath(*rest).with_suffix(""))

    def _check_page(
        self, meta: EntryMeta, entry_type: EntryType, rel: str, doc: Parsed, skip: set[str]
    ) -> None:
        line = doc.line_of
        if entry_type.is_event_like and meta.date is None and "date" not in skip:
            self.problems.append(
                problem(rel, line(("title",)), "date", "date_required", type=entry_type.value)
            )
        if meta.image and not meta.image_alt:
            self.problems.append(problem(rel, line(("image",)), "image_alt", "image_without_alt"))
        paths: list[tuple[str, str | None]] = [("image", meta.image)]
        if isinstance(meta, EventMeta):
            paths += [("slides", meta.slides), ("transcript", meta.transcript)]
            paths += [(f"captions.{k}" if k else "captions", v) for k, v in meta.caption_files.items()]
            if meta.video and not ContentRef(meta.video).is_remote:
                paths.append(("video", meta.video))
            paths += [(f"resources.{i}.url", r.url) for i, r in enumerate(meta.resources)]
        for name, value in paths:
            if value and not self.content_file_exists(value):
                key = tuple(int(p) if p.isdigit() else p for p in name.split("."))
                self.problems.append(problem(rel, line(key), name, "missing_file", value=value))


def load_catalog(settings: HubSettings) -> Catalog:
    """Read and validate content/. Problems are in `catalog.report`; nothing is raised."""
    with collector_paused():
        return CatalogBuilder(settings).build()


def forget_kept_loads() -> None:
    """Drop what this process keeps for its next load of the Catalog. A one-shot build has no
    next load, and the parsed documents, the decoded disk cache and the reused pages grow with
    the archive and would be inherited by the render processes (issue #18: peak memory). The
    Catalog already loaded keeps what it needs."""
    _DOCUMENTS.clear()
    reuse.forget()
    forget_loaded_cache()


def _typeset(meta: EntryMeta, lang: str) -> EntryMeta:
    """Title and description with the language's typography (French no-break spaces), once
    for every output: pages, cards, feeds, calendars, structured data."""
    if not typography.applies(lang):
        return meta
    update = {"title": typography.fix(meta.title, lang)}
    if meta.description:
        update["description"] = typography.fix(meta.description, lang)
    return meta.model_copy(update=update)
