"""The Catalog: every page of content/, validated, typed, paired with its translations.

Files → Catalog is the only place front matter is read; features get Entries.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ValidationError

from cercle.core.doccache import DocumentCache, parser_version
from cercle.core.errors import Problem, Report, Severity, problem
from cercle.core.frontmatter import Document, Parsed, parse_document, parse_yaml, read_text
from cercle.core.models import (
    EVENT_ONLY_FIELDS,
    EntryMeta,
    EntryType,
    EventMeta,
    Speaker,
    Topic,
)
from cercle.core.safe_paths import escapes, inside
from cercle.core.settings import HubSettings
from cercle.core.urls import path_of_url, url_of_path


@dataclass(eq=False)
class Entry:
    """One published page of content/ in one language."""

    rel_path: str
    lang: str
    section: str
    slug: str
    type: EntryType
    meta: EntryMeta
    body: str
    body_line: int
    url: str
    translation_key: str
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def date(self) -> dt.date | None:
        return self.meta.date

    @property
    def event(self) -> EventMeta | None:
        return self.meta if isinstance(self.meta, EventMeta) else None

    @property
    def speaker_ids(self) -> list[str]:
        return list(self.event.speakers) if self.event else []

    def line_of(self, *path: str | int) -> int:
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1

    def is_upcoming(self, today: dt.date) -> bool:
        return self.type.is_event_like and self.date is not None and self.date >= today


@dataclass
class TranslationGroup:
    """The same content in several languages."""

    key: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def missing(self, languages: Iterable[str]) -> list[str]:
        return [lang for lang in languages if lang not in self.entries]


@dataclass
class Intro:
    """An index.md placed where a generated page lives: its title and text head that page."""

    rel_path: str
    lang: str
    url: str
    meta: EntryMeta
    body: str


@dataclass
class Catalog:
    settings: HubSettings
    entries: list[Entry] = field(default_factory=list)
    intros: dict[str, Intro] = field(default_factory=dict)
    groups: dict[str, TranslationGroup] = field(default_factory=dict)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    files_read: int = 0

    @property
    def languages(self) -> tuple[str, ...]:
        return self.settings.languages

    def by_path(self, rel_path: str) -> Entry | None:
        return self._by_path.get(rel_path)

    def index(self) -> None:
        self._by_path = {e.rel_path: e for e in self.entries}
        self._by_lang: dict[str, list[Entry]] = {}
        self._by_topic: dict[tuple[str, str], list[Entry]] = {}
        self._by_speaker: dict[tuple[str, str], list[Entry]] = {}
        self.groups = {}
        for entry in self.entries:
            group = self.groups.setdefault(entry.translation_key, TranslationGroup(entry.translation_key))
            group.entries.setdefault(entry.lang, entry)
            self._by_lang.setdefault(entry.lang, []).append(entry)
            for topic in entry.meta.topics:
                self._by_topic.setdefault((entry.lang, topic), []).append(entry)
            for speaker in entry.speaker_ids:
                self._by_speaker.setdefault((entry.lang, speaker), []).append(entry)
        self._newest_by_topic = {key: _newest_first(found) for key, found in self._by_topic.items()}
        self._indexed = len(self.entries)

    def translations(self, entry: Entry) -> dict[str, Entry]:
        return dict(self.groups[entry.translation_key].entries)

    def in_language(self, lang: str, *types: EntryType) -> list[Entry]:
        # Called by every listing, topic and speaker page: use the index unless entries changed since.
        if getattr(self, "_indexed", -1) == len(self.entries):
            entries = self._by_lang.get(lang, [])
            return [e for e in entries if e.type in types] if types else list(entries)
        return [e for e in self.entries if e.lang == lang and (not types or e.type in types)]

    def with_topic(self, lang: str, topic_id: str) -> list[Entry]:
        if getattr(self, "_indexed", -1) == len(self.entries):
            return list(self._by_topic.get((lang, topic_id), []))
        return [e for e in self.in_language(lang) if topic_id in e.meta.topics]

    def newest_with_topic(self, lang: str, topic_id: str, limit: int) -> list[Entry]:
        """The `limit` most recent entries of a topic (undated ones last)."""
        if getattr(self, "_indexed", -1) == len(self.entries):
            return self._newest_by_topic.get((lang, topic_id), [])[:limit]
        return _newest_first(self.with_topic(lang, topic_id))[:limit]

    def with_speaker(self, lang: str, speaker_id: str) -> list[Entry]:
        if getattr(self, "_indexed", -1) == len(self.entries):
            return list(self._by_speaker.get((lang, speaker_id), []))
        return [e for e in self.in_language(lang) if speaker_id in e.speaker_ids]


def _newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (-(e.date.toordinal() if e.date else 0), e.rel_path))


# Parsed front matter by file, reused while a file's mtime and size are unchanged: `cercle serve`
# rebuilds after every save, and only the saved file needs reading again.
_DOCUMENTS: dict[tuple[str, str], tuple[int, int, list[Problem], Document | None]] = {}


def _read_document(
    path: Path, rel: str, disk: DocumentCache | None = None
) -> tuple[list[Problem], Document | None]:
    """Problems reading `path`, and its front matter and body (None when it cannot be read)."""
    try:
        stat = path.stat()
        key, version = (str(path.resolve()), rel), (stat.st_mtime_ns, stat.st_size)
    except OSError:
        text, problems = read_text(path, rel)
        return problems, (parse_document(text, rel) if text is not None else None)
    cached = _DOCUMENTS.get(key)
    if cached and cached[:2] == version:
        return cached[2], cached[3]
    doc = disk.get(rel, stat) if disk else None
    problems: list[Problem] = []
    if doc is None:
        text, problems = read_text(path, rel)
        doc = parse_document(text, rel) if text is not None else None
        if disk and doc is not None and not problems:
            disk.put(rel, stat, doc)
    _DOCUMENTS[key] = (*version, problems, doc)
    return problems, doc


def suggestion(name: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


class CatalogBuilder:
    """Reads content/ once and collects every problem instead of stopping at the first."""

    def __init__(self, settings: HubSettings) -> None:
        self.settings = settings
        self.root = settings.content_dir
        self.disk = DocumentCache(settings.cache_dir, parser_version()) if settings.cache_dir else None
        self.catalog = Catalog(settings)
        self.problems: list[Problem] = []

    # -- files ---------------------------------------------------------------------------

    def _walk(self) -> Iterator[tuple[Path, str]]:
        for path in sorted(self.root.rglob("*")):
            rel = path.relative_to(self.root).as_posix()
            # Before the name test: MkDocs publishes `_x` files too, and follows folder links.
            if path.is_symlink() and escapes(path, self.root):
                self.problems.append(problem(rel, 0, "", "symlink_outside"))
                continue
            if any(part.startswith((".", "_")) for part in PurePosixPath(rel).parts):
                continue
            if path.is_file():
                yield path, rel

    def content_file_exists(self, value: str) -> bool:
        if "://" in value:
            return True
        found = inside(self.root, value)
        return found is not None and found.is_file()

    def build(self) -> Catalog:
        if not self.root.is_dir():
            self.problems.append(problem(str(self.root), 0, "", "missing_file", value=str(self.root)))
            return self._finish()
        registries = {self.settings.speakers_file: "speakers", self.settings.topics_file: "topics"}
        markdown: list[tuple[Path, str]] = []
        for path, rel in self._walk():
            if rel in registries:
                self._load_registry(path, rel, registries[rel])
            elif path.suffix.lower() == ".md":
                markdown.append((path, rel))
        for path, rel in markdown:
            self._load_page(path, rel)
        if self.disk is not None:
            self.disk.keep_only({rel for _, rel in markdown})
            self.disk.save()
        self._check_references()
        self._check_slots()
        return self._finish()

    def _finish(self) -> Catalog:
        self.catalog.entries.sort(key=lambda e: e.rel_path)
        self.catalog.index()
        self.catalog.report.extend(self.problems)
        return self.catalog

    # -- registries ------------------------------------------------------------------------

    def _load_registry(self, path: Path, rel: str, kind: str) -> None:
        self.catalog.files_read += 1
        text, problems = read_text(path, rel)
        self.problems.extend(problems)
        if text is None:
            return
        parsed = parse_yaml(text, rel)
        self.problems.extend(parsed.problems)
        if parsed.data is None:
            return
        if not isinstance(parsed.data, dict):
            self.problems.append(problem(rel, 1, "", "registry_not_mapping"))
            return
        model: type[BaseModel] = Speaker if kind == "speakers" else Topic
        target = self.catalog.speakers if kind == "speakers" else self.catalog.topics
        for key, value in parsed.data.items():
            ident = str(key)
            try:
                item = model.model_validate(value)
            except ValidationError as exc:
                self.problems.extend(self._validation_problems(exc, rel, parsed, prefix=(ident,)))
                continue
            target[ident] = item  # type: ignore[assignment]
            self._check_registry_languages(item, rel, parsed, ident)
            photo = getattr(item, "photo", None)
            if photo and not self.content_file_exists(photo):
                line = parsed.line_of((ident, "photo"))
                self.problems.append(problem(rel, line, f"{ident}.photo", "missing_file", value=photo))

    def _check_registry_languages(self, item: BaseModel, rel: str, parsed: Parsed, ident: str) -> None:
        for name in ("label", "role", "bio", "description"):
            value = getattr(item, name, None)
            if isinstance(value, dict):
                for lang in self.settings.languages:
                    if not value.get(lang):
                        line = parsed.line_of((ident, name))
                        self.problems.append(
                            problem(
                                rel,
                                line,
                                f"{ident}.{name}",
                                "registry_missing_language",
                                Severity.WARNING,
                                lang=lang,
                            )
                        )

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
        self.problems.extend(doc.problems)
        if any(p.severity is Severity.ERROR for p in doc.problems) and not isinstance(doc.data, dict):
            return
        data = doc.data if doc.data is not None else {}
        if not isinstance(data, dict):
            self.problems.append(problem(rel, 2, "", "front_matter_not_mapping"))
            return
        lang, section = parts[0], (parts[1] if len(parts) > 2 else "")
        entry_type = self._type_of(data, section, rel, doc)
        model = EventMeta if entry_type.is_event_like else EntryMeta
        try:
            meta = model.model_validate({**data, "type": entry_type.value})
            invalid: set[str] = set()
        except ValidationError as exc:
            self.problems.extend(self._validation_problems(exc, rel, doc, entry_type=entry_type))
            # Keep checking what is valid (speakers, topics, files…) so one run reports everything;
            # the errors above already stop the build.
            invalid = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            salvage = {k: v for k, v in data.items() if k not in invalid}
            salvage.setdefault("title", rel)
            try:
                meta = model.model_validate({**salvage, "type": entry_type.value})
            except ValidationError:
                return
        self._check_page(meta, entry_type, rel, doc, skip=invalid)
        slug = PurePosixPath(rel).stem
        url = self._url_of(rel)
        if self._is_intro(parts):
            self.catalog.intros[url] = Intro(rel, lang, url, meta, doc.body)
            return
        if meta.draft and not self.settings.drafts:
            return
        key = meta.translation_key or self._default_key(parts, entry_type)
        self.catalog.entries.append(
            Entry(
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
        )

    def _is_intro(self, parts: tuple[str, ...]) -> bool:
        """`<lang>/index.md` and `<lang>/<typed section>/index.md` head generated pages."""
        if parts[-1] != "index.md":
            return False
        return len(parts) == 2 or (len(parts) == 3 and parts[1] in self.settings.sections)

    def _type_of(self, data: dict, section: str, rel: str, doc: Parsed) -> EntryType:
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
            paths += [("slides", meta.slides), ("transcript", meta.transcript), ("captions", meta.captions)]
            if meta.video and "://" not in meta.video:
                paths.append(("video", meta.video))
            paths += [(f"resources.{i}.url", r.url) for i, r in enumerate(meta.resources)]
        for name, value in paths:
            if value and not self.content_file_exists(value):
                key = tuple(int(p) if p.isdigit() else p for p in name.split("."))
                self.problems.append(problem(rel, line(key), name, "missing_file", value=value))

    def _validation_problems(
        self,
        exc: ValidationError,
        rel: str,
        doc: Parsed,
        prefix: tuple[str | int, ...] = (),
        entry_type: EntryType | None = None,
    ) -> list[Problem]:
        found = []
        allowed = (
            EventMeta.model_fields
            if entry_type is None
            else (EventMeta.model_fields if entry_type.is_event_like else EntryMeta.model_fields)
        )
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            path = (*prefix, *loc)
            dotted = ".".join(str(p) for p in path)
            line = doc.line_of(path)
            name = str(loc[-1]) if loc else ""
            kind, raw = err["type"], err.get("input")
            code, params = "wrong_type", {"detail": err["msg"]}
            if kind == "extra_forbidden":
                if entry_type is not None and len(loc) == 1 and name in EVENT_ONLY_FIELDS:
                    code, params = "event_only_field", {"name": name, "type": entry_type.value}
                else:
                    siblings = self._sibling_fields(loc, allowed)
                    hint = suggestion(name, siblings)
                    code, params = "unknown_field", {"name": name, "hint": hint or ""}
            elif kind == "missing":
                code, params = "missing_field", {"name": name}
            elif kind == "string_too_short":
                code, params = "empty_text", {}
            elif kind in ("value_error", "assertion_error"):
                reason = str(err.get("ctx", {}).get("error", "")) or err["msg"]
                head, *rest = reason.split(":")
                if head == "too_long" and len(rest) == 2:
                    code, params = "too_long", {"length": rest[0], "max": rest[1]}
                elif head in ("bad_date", "bad_time", "bad_chapter_time", "bad_url", "unknown_timezone"):
                    code, params = head, {"value": raw}
            elif kind.startswith(("date_", "time_")):
                code = "bad_date" if kind.startswith("date") else "bad_time"
                params = {"value": raw}
            found.append(problem(rel, line, dotted, code, **params))
        return found

    @staticmethod
    def _sibling_fields(loc: tuple, allowed: dict) -> list[str]:
        if len(loc) == 1:
            return list(allowed)
        from cercle.core import models  # nested models: suggest among their fields

        nested = {
            "share": models.Share,
            "chapters": models.Chapter,
            "quotes": models.Quote,
            "resources": models.Resource,
            "links": models.Link,
        }
        for part in reversed(loc[:-1]):
            if isinstance(part, str) and part in nested:
                return list(nested[part].model_fields)
        return list(models.Speaker.model_fields) + list(models.Topic.model_fields)

    # -- cross-file checks -----------------------------------------------------------------

    def _check_references(self) -> None:
        for entry in self.catalog.entries:
            for name, ids, registry, code in (
                ("topics", entry.meta.topics, self.catalog.topics, "unknown_topic"),
                ("speakers", entry.speaker_ids, self.catalog.speakers, "unknown_speaker"),
            ):
                for index, ident in enumerate(ids):
                    if ident not in registry:
                        line = entry.line_of(name, index)
                        hint = suggestion(ident, registry) or ""
                        self.problems.append(problem(entry.rel_path, line, name, code, id=ident, hint=hint))

    def _check_slots(self) -> None:
        slots: dict[tuple[str, str], Entry] = {}
        urls: dict[str, Entry] = {}
        for entry in self.catalog.entries:
            slot = (entry.translation_key, entry.lang)
            if slot in slots:
                self.problems.append(
                    problem(
                        entry.rel_path,
                        entry.line_of("translation_key"),
                        "translation_key",
                        "translation_conflict",
                        lang=entry.lang,
                        key=entry.translation_key,
                        other=slots[slot].rel_path,
                    )
                )
            else:
                slots[slot] = entry
            if entry.url in urls:
                self.problems.append(
                    problem(
                        entry.rel_path,
                        0,
                        "",
                        "duplicate_url",
                        url=path_of_url(entry.url),
                        other=urls[entry.url].rel_path,
                    )
                )
            else:
                urls[entry.url] = entry


def load_catalog(settings: HubSettings) -> Catalog:
    """Read and validate content/. Problems are in `catalog.report`; nothing is raised."""
    return CatalogBuilder(settings).build()
