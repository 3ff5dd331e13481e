"""What no accessibility tool can verify, and what the content says about it (`cercle a11y`).

axe checks the rendered HTML; it cannot know whether a video has a transcript, whether the
slides' pages carry text, whether an alt text only repeats a file name, or whether a PDF has
an HTML twin. These findings come from the Catalog, each with its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pypdfium2 as pdfium

from cercle.core.catalog import Catalog, Entry
from cercle.core.errors import Problem, Severity, problem
from cercle.slides.render import SlidesError, open_pdf

# ![alt](src "title") in Markdown, and [text](x.pdf) links.
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?")


@dataclass
class Summary:
    """What the content of one language says (counts shown before the findings)."""

    videos: int = 0
    videos_with_text: int = 0
    slides: int = 0
    slides_with_text: int = 0
    images: int = 0
    pdfs: int = 0
    pdfs_with_html: int = 0


@dataclass
class LanguageReport:
    lang: str
    summary: Summary = field(default_factory=Summary)
    findings: list[Problem] = field(default_factory=list)


def _finding(entry: Entry, line: int, field_name: str, code: str, **params: object) -> Problem:
    return problem(entry.rel_path, line, field_name, code, Severity.WARNING, **params)


def _words(value: str) -> str:
    """Text as lower-case words: "Team-photo_2022.JPG" → "team photo 2022 jpg"."""
    return " ".join(w for w in re.split(r"[-_.\s]+", value.casefold()) if w)


def _repeats(alt: str, src: str, title: str) -> bool:
    """True when the alt text only says the file's name (with or without extension) or the title."""
    name = PurePosixPath(src.split("?")[0]).name
    said = _words(alt)
    return bool(said) and said in {_words(PurePosixPath(name).stem), _words(name), _words(title)}


def _is_pdf(url: str) -> bool:
    return url.split("?")[0].split("#")[0].lower().endswith(".pdf")


def _content_file(catalog: Catalog, value: str) -> Path | None:
    if "://" in value or "\0" in value:
        return None
    root = catalog.settings.content_dir.resolve()
    path = (root / value.lstrip("/")).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def slides_without_text(path: Path) -> tuple[int, int]:
    """(pages without any text, pages) of a PDF; SlidesError when it does not open."""
    pdf = open_pdf(path.read_bytes())
    try:
        empty = 0
        for page in pdf:
            textpage = page.get_textpage()
            try:
                empty += not textpage.get_text_range().strip()
            finally:
                textpage.close()
        return empty, len(pdf)
    except pdfium.PdfiumError as exc:
        raise SlidesError("unreadable_pdf", str(exc)) from None
    finally:
        pdf.close()


def _body_lines(entry: Entry) -> Iterator[tuple[int, str]]:
    for offset, line in enumerate(entry.body.splitlines()):
        yield entry.body_line + offset, line


def _media(entry: Entry, catalog: Catalog, report: LanguageReport) -> None:
    ev = entry.event
    if ev is None:
        return
    if ev.video:
        report.summary.videos += 1
        if ev.transcript or ev.captions:
            report.summary.videos_with_text += 1
        else:
            report.findings.append(
                _finding(entry, entry.line_of("video"), "video", "a11y.video_without_text")
            )
    path = _content_file(catalog, ev.slides) if ev.slides else None
    if path is not None:
        report.summary.slides += 1
        try:
            empty, total = slides_without_text(path)
        except SlidesError:
            return  # `cercle check` reports an unreadable PDF
        if empty:
            line = entry.line_of("slides")
            report.findings.append(
                _finding(entry, line, "slides", "a11y.slides_without_text", empty=empty, total=total)
            )
        else:
            report.summary.slides_with_text += 1


def _images(entry: Entry, report: LanguageReport) -> None:
    meta = entry.meta
    if meta.image:
        report.summary.images += 1
        if not meta.image_alt:
            line = entry.line_of("image")
            report.findings.append(_finding(entry, line, "image_alt", "a11y.share_image_without_alt"))
        elif _repeats(meta.image_alt, meta.image, entry.title):
            line = entry.line_of("image_alt")
            report.findings.append(_finding(entry, line, "image_alt", "a11y.alt_repeats", alt=meta.image_alt))
    for line, text in _body_lines(entry):
        for alt, src in _IMAGE.findall(text):
            report.summary.images += 1
            if _repeats(alt, src, entry.title):
                report.findings.append(_finding(entry, line, "", "a11y.alt_repeats", alt=alt))


def _pdfs(entry: Entry, report: LanguageReport) -> None:
    resources = entry.event.resources if entry.event else []
    for index, resource in enumerate(resources):
        if not _is_pdf(resource.url):
            continue
        report.summary.pdfs += 1
        twins = [r for r in resources if r.title == resource.title and not _is_pdf(r.url)]
        if twins:
            report.summary.pdfs_with_html += 1
        else:
            line = entry.line_of("resources", index, "url")
            field_name = f"resources.{index}.url"
            report.findings.append(
                _finding(entry, line, field_name, "a11y.pdf_without_html", url=resource.url)
            )
    for line, text in _body_lines(entry):
        links = _LINK.findall(text)
        for url in filter(_is_pdf, links):
            report.summary.pdfs += 1
            if any(not _is_pdf(other) for other in links):
                report.summary.pdfs_with_html += 1  # "[Read online](x/) · [PDF](x.pdf)"
            else:
                report.findings.append(_finding(entry, line, "", "a11y.pdf_without_html", url=url))


def audit(catalog: Catalog) -> list[LanguageReport]:
    """One report per site language, findings in file and line order."""
    reports = []
    for lang in catalog.languages:
        report = LanguageReport(lang)
        for entry in catalog.in_language(lang):
            _media(entry, catalog, report)
            _images(entry, report)
            _pdfs(entry, report)
        report.findings.sort(key=lambda p: (p.path, p.line, p.code))
        reports.append(report)
    return reports
