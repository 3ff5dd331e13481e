"""`cercle booklet`: the French guides as a PDF with a cover, a table of contents whose page
numbers are right, page numbers, one outline entry per guide, QR codes of the webinars and
events a guide cites that decode to their pages, tagged with its language, and the same bytes
for the same SOURCE_DATE_EPOCH. WeasyPrint needs Pango: without it these tests skip, or FAIL
under CI=true (make test installs it: scripts/ensure-pango.sh)."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from PIL import Image
from tests.conftest import cercle, copy_demo, mkdocs_build
from tests.html import page as built_page
from tests.html import text

GUIDE = "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires.md"
SITE = "https://cercle.example.org/"
WEBINAR_URL = SITE + "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"
EVENT_URL = SITE + "fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe/"
GUIDES_FR = [
    "L’organisation holomidale\u00a0: penser son programme ambassadeurs en cercle",
    "Pourquoi les ambassadeurs sont des volontaires",
]


@pytest.fixture(scope="module")
def pango() -> None:
    try:
        import weasyprint  # noqa: F401
    except OSError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"WeasyPrint cannot load Pango ({exc}); make test installs it (scripts/ensure-pango.sh)"
            )
        pytest.skip(f"Pango missing: {exc}")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, pango: None) -> Path:
    """The demo, with one guide citing a webinar (a .md link from the page) and an event (a .md
    link from content/). An image outside content/ never reaches the booklet: `cercle check`,
    which the booklet runs first, refuses its path (tests/integration/test_body_links.py)."""
    hub = copy_demo(tmp_path_factory.mktemp("booklet") / "hub")
    path = hub / "content" / GUIDE
    path.write_text(
        path.read_text(encoding="utf-8") + "\n## Pour aller plus loin\n\n"
        "Revoyez [le webinaire](../webinaires/cercle-vertueux-programmes-ambassadeurs.md) et "
        "[la conférence]"
        "(/fr/evenements/programmes-ambassadeurs-effet-de-mode-ou-changement-de-societe.md).\n",
        encoding="utf-8",
    )
    return hub


@pytest.fixture(scope="module")
def booklet(project: Path) -> Path:
    result = cercle(project, "booklet", "--lang", "fr", "-o", "a.pdf")
    assert result.returncode == 0, result.output
    # --lang fr is the booklet's language and its messages' (French typography: U+00A0 before :).
    assert result.stdout.startswith("Livret écrit\u00a0: a.pdf (")
    return project / "a.pdf"


def flat(text: str) -> str:
    """Text without white space; pdfium gives U+FFFE for a hyphen where a line broke."""
    return "".join(text.replace("\ufffe", "-").split())


def texts(pdf: pdfium.PdfDocument) -> list[str]:
    pages = []
    for page in pdf:
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        textpage.close()
    return pages


def test_two_builds_are_byte_identical(project, booklet):
    again = cercle(project, "booklet", "--lang", "fr", "-o", "b.pdf")
    assert again.returncode == 0, again.output
    assert booklet.read_bytes() == (project / "b.pdf").read_bytes()


def test_cover_contents_page_numbers_and_outline(booklet):
    pdf = pdfium.PdfDocument(booklet)
    pages = texts(pdf)
    assert len(pdf) >= 8
    assert "Guide des ambassadeurs" in pages[0] and "Cercle" in pages[0]
    assert "Sommaire" in pages[1]
    outline = {b.get_title(): b for b in pdf.get_toc() if b.level == 0}
    for title in GUIDES_FR:
        assert title in outline
        start = outline[title].get_dest().get_index()  # 0-based page of the guide's title
        assert flat(title) in flat(pages[start])
        # The contents give that page's number, and the page's foot prints it.
        toc_line = next(line for line in pages[1].splitlines() if line.strip().endswith(str(start + 1)))
        assert toc_line
        assert pages[start].strip().splitlines()[-1].strip() == str(start + 1)
    assert "Petit lexique de l’ambassadeur" in outline


def test_cited_webinar_and_event_have_qr_codes_that_decode_to_their_pages(booklet):
    pdf = pdfium.PdfDocument(booklet)
    found = set()
    for page in pdf:
        image = page.render(scale=4).to_pil()
        found.update(code.text for code in zxingcpp.read_barcodes(image))
    assert found == {WEBINAR_URL, EVENT_URL}
    everything = flat("".join(texts(pdf)))
    assert "Lespagescitées" in everything and WEBINAR_URL in everything


def test_pdf_is_tagged_with_its_language_and_loads_nothing_outside_content(booklet):
    pdf = pdfium.PdfDocument(booklet)
    assert pdfium_c.FPDFCatalog_IsTagged(pdf.raw) == 1
    size = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)  # bytes, UTF-16 with a final NUL
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, buffer, size)
    assert bytes(buffer)[: size - 2].decode("utf-16-le") == "fr"
    images = [obj for page in pdf for obj in page.get_objects() if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    assert images == []  # the guides have no picture; the fetcher loads no other file


def test_an_unknown_entry_is_a_clear_error(project):
    result = cercle(project, "booklet", "--entry", "fr/guides/nope.md", "-o", "c.pdf")
    assert result.returncode == 1
    assert "“fr/guides/nope.md” is not a published entry" in result.stderr
    assert "Traceback" not in result.output and not (project / "c.pdf").exists()


def test_an_image_of_content_shows_and_chosen_entries_are_added(project):
    Image.new("RGB", (80, 40), "teal").save(project / "content/media/schema.png")
    path = project / "content" / GUIDE
    path.write_text(
        path.read_text(encoding="utf-8") + "\n![Le schéma](../../media/schema.png)\n", encoding="utf-8"
    )
    webinar = "fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
    result = cercle(project, "booklet", "--entry", webinar, "-o", "d.pdf")
    assert result.returncode == 0, result.output
    pdf = pdfium.PdfDocument(project / "d.pdf")
    images = [obj for page in pdf for obj in page.get_objects() if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 1
    titles = [b.get_title() for b in pdf.get_toc() if b.level == 0]
    assert titles[-1] == "Le cercle vertueux des programmes ambassadeurs"


def test_the_build_publishes_it_on_the_guides_listing_when_asked(project, tmp_path):
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(
        original.replace(
            "  - cercle/calendar\n", "  - cercle/calendar\n  - cercle/booklet:\n      languages: [fr]\n"
        ),
        encoding="utf-8",
    )
    try:
        result = mkdocs_build(project, tmp_path / "site", strict=False)  # the planted links warn
    finally:
        config.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.output
    site = tmp_path / "site"
    links = [a for a in built_page(site, "fr/guides/").iter("a") if a.get("href", "").endswith(".pdf")]
    assert [(a.get("href"), text(a)) for a in links] == [
        ("booklet.pdf", "Télécharger le livret des guides (PDF)")
    ]
    assert (site / "fr/guides/booklet.pdf").read_bytes().startswith(b"%PDF-")
    assert not [a for a in built_page(site, "en/guides/").iter("a") if a.get("href", "").endswith(".pdf")]
    assert not (site / "en/guides/booklet.pdf").exists()
