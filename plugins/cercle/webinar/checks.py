"""Content checks of webinar and event media, run by `cercle check` and the build.

The Catalog already refuses non-https URLs, unparsable chapter times, unknown time zones
and missing files; these add what needs the media themselves: a video URL no player
knows, a PDF that does not open, a WebVTT file that does not parse.
"""

from __future__ import annotations

from pathlib import Path

from cercle.core.catalog import Catalog, Entry
from cercle.core.errors import Problem, Severity, problem
from cercle.core.refs import ContentRef
from cercle.slides.render import PdfLimits, SlidesError, check_pdf
from cercle.video.hosts import parse_video
from cercle.video.vtt import VttError, parse_vtt


def _local_file(catalog: Catalog, value: str) -> Path | None:
    path = ContentRef(value).resolve(catalog.settings.content_dir)
    return path if path is not None and path.is_file() else None


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
    line = entry.line_of("slides")
    if ContentRef(value).is_remote or not value.lower().endswith(".pdf"):
        return [problem(entry.rel_path, line, "slides", "slides_not_pdf", value=value)]
    path = _local_file(catalog, value)
    if path is None:
        return []  # missing: the Catalog reports it (missing_file)
    try:
        check_pdf(path, pdf_limits(catalog))
    except SlidesError as exc:
        return [slides_problem(entry, value, exc)]
    return []


def pdf_limits(catalog: Catalog) -> PdfLimits:
    settings = catalog.settings
    return PdfLimits(settings.pdf_max_pages, settings.pdf_max_page_size)


def slides_problem(entry: Entry, value: str, exc: SlidesError) -> Problem:
    """The problem a SlidesError is, on the entry's `slides:` line (for `cercle check` and the build)."""
    line = entry.line_of("slides")
    if exc.params:  # a limit or a page size: its own message
        return problem(entry.rel_path, line, "slides", exc.code, value=value, **exc.params)
    return problem(entry.rel_path, line, "slides", "bad_pdf", value=value, detail=exc.detail or exc.code)


def _vtt(entry: Entry, catalog: Catalog, name: str) -> list[Problem]:
    value = getattr(entry.event, name, None)
    if not value:
        return []
    line = entry.line_of(name)
    allowed = (".vtt", ".md") if name == "transcript" else (".vtt",)
    if ContentRef(value).is_remote or not value.lower().endswith(allowed):
        return [problem(entry.rel_path, line, name, f"{name}_kind", value=value)]
    path = _local_file(catalog, value)
    if path is None or not value.lower().endswith(".vtt"):
        return []
    try:
        parse_vtt(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return [problem(entry.rel_path, line, name, "vtt_not_utf8", value=value)]
    except VttError as exc:
        return [problem(entry.rel_path, line, name, f"vtt_{exc.reason}", value=value, at=exc.line)]
    return []


def media_problems(catalog: Catalog) -> list[Problem]:
    """Every media problem of every webinar and event, with file and line."""
    found: list[Problem] = []
    for entry in catalog.entries:
        if entry.event is None:
            continue
        found += _video(entry)
        found += _slides(entry, catalog)
        found += _vtt(entry, catalog, "transcript")
        found += _vtt(entry, catalog, "captions")
    return found
