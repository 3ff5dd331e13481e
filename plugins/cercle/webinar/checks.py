"""Content checks of webinar and event media, run by `cercle check` and the build.

The Catalog already refuses non-https URLs, unparsable chapter times, unknown time zones
and missing files; these add what needs the media themselves: a video URL no player
knows, a PDF that does not open, a WebVTT file that does not parse, `slides_at` times
that do not match the slides or fall after the end, captions in a language the hub does
not have.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from cercle.core.catalog import Catalog, Entry
from cercle.core.errors import Problem, Severity, problem
from cercle.core.filememo import remembered
from cercle.core.refs import ContentRef
from cercle.slides.render import PdfLimits, SlidesError, check_pdf
from cercle.video.hosts import format_offset, parse_video
from cercle.video.vtt import VttError, parse_vtt

# Folders of content/ known to be links (or not), by content folder: kept for one check run.
_LINKS: dict[Path, dict[str, bool]] = {}


def _local_file(catalog: Catalog, value: str) -> Path | None:
    root = catalog.settings.content_dir
    return ContentRef(value).file_in(root, _LINKS.setdefault(root, {}))


def _video(entry: Entry) -> list[Problem]:
    ev = entry.event
    assert ev is not None
    found = []
    if ev.video and parse_video(ev.video) is None:
        found.append(
            problem(entry.rel_path, entry.line_of("video"), "video", "unsupported_video", value=ev.video)
        )
    if ev.chapters and not ev.video:
        found.append(
            problem(
                entry.rel_path,
                entry.line_of("chapters"),
                "chapters",
                "chapters_without_video",
                Severity.WARNING,
            )
        )
    return found


def _slides(entry: Entry, catalog: Catalog) -> list[Problem]:
    value = entry.event.slides if entry.event else None
    if not value:
        return []
    if ContentRef(value).is_remote or not value.lower().endswith(".pdf"):
        return [problem(entry.rel_path, entry.line_of("slides"), "slides", "slides_not_pdf", value=value)]
    path = _local_file(catalog, value)
    if path is None:
        return []  # missing: the Catalog reports it (missing_file)
    try:
        limits = pdf_limits(catalog)
        pages = remembered(path, ("pdf", limits), lambda: check_pdf(path, limits), catalog.settings.cache_dir)
    except SlidesError as exc:
        return [slides_problem(entry, value, exc)]
    given = len(entry.event.slides_at) if entry.event else 0
    if given and given != pages:
        return [
            problem(
                entry.rel_path,
                entry.line_of("slides_at"),
                "slides_at",
                "slides_at_count",
                given=given,
                pages=pages,
                value=value,
            )
        ]
    return []


def pdf_limits(catalog: Catalog) -> PdfLimits:
    settings = catalog.settings
    return PdfLimits(settings.pdf_max_pages, settings.pdf_max_page_size)


def slides_problem(entry: Entry, value: str, exc: SlidesError) -> Problem:
    """The problem a SlidesError is, on the entry's `slides:` line (for `cercle check` and the build)."""
    line = entry.line_of("slides")
    if exc.params:  # a limit or a page size: its own message
        return problem(entry.rel_path, line, "slides", exc.code, Severity.ERROR, value=value, **exc.params)
    if exc.code == "pdf_file_unreadable":  # the system's reason (permissions…): worth showing
        return problem(entry.rel_path, line, "slides", exc.code, value=value, detail=exc.detail)
    # PDFium's own words ("Data format error") would be English jargon in any language: the
    # message says what a reader can do about an unreadable file.
    return problem(entry.rel_path, line, "slides", "bad_pdf", value=value)


def _slide_times(entry: Entry) -> list[Problem]:
    """`slides_at`: only with slides and a video, going forward, within `duration`."""
    ev = entry.event
    assert ev is not None
    if not ev.slides_at:
        return []
    rel = entry.rel_path
    if not ev.slides or not ev.video:
        missing = "slides_at_no_video" if ev.slides else "slides_at_no_slides"
        code = missing if ev.slides or ev.video else "slides_at_alone"
        return [problem(rel, entry.line_of("slides_at"), "slides_at", code)]
    found = []
    seconds = ev.slide_seconds
    for index, (at, now) in enumerate(zip(ev.slides_at, seconds, strict=True)):
        line = partial(entry.line_of, "slides_at", index)  # asked only for a problem
        if index and now < seconds[index - 1]:
            before = ev.slides_at[index - 1]
            found.append(problem(rel, line(), f"slides_at.{index}", "slides_at_order", at=at, before=before))
        if ev.duration and now > ev.duration * 60:
            end = format_offset(ev.duration * 60)
            found.append(problem(rel, line(), f"slides_at.{index}", "time_after_end", at=at, end=end))
    for index, chapter in enumerate(ev.chapters):
        if ev.duration and chapter.seconds > ev.duration * 60:
            end = format_offset(ev.duration * 60)
            where = entry.line_of("chapters", index)
            found.append(problem(rel, where, f"chapters.{index}", "time_after_end", at=chapter.at, end=end))
    return found


def _vtt_file(entry: Entry, catalog: Catalog, name: str, value: str, key: tuple[str, ...]) -> list[Problem]:
    """One .vtt (or .md transcript) file: its kind, encoding and syntax."""
    line = partial(entry.line_of, *key)  # asked only for a problem: most files have none
    kind = key[0]
    allowed = (".vtt", ".md") if kind == "transcript" else (".vtt",)
    if ContentRef(value).is_remote or not value.lower().endswith(allowed):
        return [problem(entry.rel_path, line(), name, f"{kind}_kind", value=value)]
    path = _local_file(catalog, value)
    if path is None or not value.lower().endswith(".vtt"):
        return []
    try:
        remembered(path, "vtt", lambda: _parses(path), catalog.settings.cache_dir)
    except UnicodeDecodeError:
        return [problem(entry.rel_path, line(), name, "vtt_not_utf8", value=value)]
    except VttError as exc:
        return [problem(entry.rel_path, line(), name, f"vtt_{exc.reason}", value=value, at=exc.line)]
    return []


def _parses(path: Path) -> None:
    """VttError or UnicodeDecodeError when the file is not a transcript (the cues are not kept)."""
    parse_vtt(path.read_text(encoding="utf-8-sig"))


def _vtt(entry: Entry, catalog: Catalog) -> list[Problem]:
    ev = entry.event
    assert ev is not None
    found = _vtt_file(entry, catalog, "transcript", ev.transcript, ("transcript",)) if ev.transcript else []
    languages = catalog.settings.languages
    for lang, value in ev.caption_files.items():
        key = ("captions", lang) if lang else ("captions",)
        name = ".".join(key)
        if lang and lang not in languages:
            found.append(
                problem(
                    entry.rel_path,
                    entry.line_of(*key),
                    name,
                    "captions_language",
                    lang=lang,
                    languages=", ".join(languages),
                )
            )
        found += _vtt_file(entry, catalog, name, value, key)
    return found


def media_problems(catalog: Catalog) -> list[Problem]:
    """Every media problem of every webinar and event, with file and line."""
    _LINKS.clear()  # links may have come or gone since the last run (`cercle serve`)
    found: list[Problem] = []
    for entry in catalog.entries:
        if entry.event is None:
            continue
        found += _video(entry)
        found += _slides(entry, catalog)
        found += _slide_times(entry)
        found += _vtt(entry, catalog)
    return found
