"""Caches that cannot lie: a tampered cache is rebuilt, never published; PDFs over the limits
are refused by `cercle check` and the build, naming the file; slide images fit their format."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from tests.conftest import cercle, copy_demo, mkdocs_build

WEBINAR = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
SECRET = b"OUTSIDE-THE-CACHE " * 200


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_tampered_cache_is_drawn_again_and_never_published(tmp_path):
    project = copy_demo(tmp_path / "hub")
    assert (result := mkdocs_build(project)).returncode == 0, result.output
    reference = snapshot(project / "site")
    cache = project / ".cache" / "cercle"
    outside = tmp_path / "outside.png"
    outside.write_bytes(SECRET)

    # A truncated card, and a card replaced by a link to a file outside the cache.
    cards = sorted((cache / "cards").glob("*.png"))
    truncated, linked = cards[0], cards[1]
    truncated.write_bytes(truncated.read_bytes()[:1000])
    linked.unlink()
    linked.symlink_to(outside)
    # deck.json pointing its thumbnails at a file of the machine (written as a person would:
    # the JSON without the cache's seal).
    deck = next((cache / "slides").glob("*/deck.json"))
    stored = json.loads(deck.read_bytes().split(b"\0", 1)[0])
    for row in stored if isinstance(stored, list) else stored["slides"]:
        row["thumb"] = "/etc/hostname"
    deck.write_text(json.dumps(stored), encoding="utf-8")
    # A parsed document that says something its file does not.
    documents = next((cache / "catalog").glob("documents.json"))
    text = documents.read_bytes().split(b"\0", 1)[0].decode("utf-8")
    documents.write_text(text.replace("Le cercle vertueux", "Contenu injecté"), encoding="utf-8")

    assert (result := mkdocs_build(project)).returncode == 0, result.output
    site = project / "site"
    assert snapshot(site) == reference  # every file as a clean build draws it
    hostname = Path("/etc/hostname").read_bytes() if Path("/etc/hostname").is_file() else None
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SECRET[:40] not in data and data != hostname, path
            assert path.stat().st_nlink == 1, f"{path} is a hard link"
    # Redrawn: a whole card again (a page card, a quote card or another network shape).
    assert not linked.is_symlink() and Image.open(linked).size in {
        (1200, 630),
        (1080, 1080),
        (1080, 1350),
        (1080, 1920),
    }
    assert len(truncated.read_bytes()) > 1000

    # Truncating the cache now leaves the published site whole (no shared inode).
    card = site / "assets/cards/fr/index.png"
    before = card.read_bytes()
    for path in (cache / "cards").glob("*.png"):
        path.write_bytes(b"")
    assert card.read_bytes() == before


def tall_pdf(path: Path, height: float) -> Path:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(612, height)
    pdf.save(path)
    pdf.close()
    return path


def use_slides(project: Path, pdf: str) -> None:
    page = project / WEBINAR
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^slides: .*$", f"slides: {pdf}", text)
    # slides_at gives one time per slide of the demo's own PDF: it goes with the swap.
    page.write_text(re.sub(r"(?m)^slides_at: .*\n", "", text), encoding="utf-8")


def test_a_tall_pdf_is_refused_by_check_and_build_naming_the_file(tmp_path):
    project = copy_demo(tmp_path / "hub")
    tall_pdf(project / "content/media/tall.pdf", 14_400)
    use_slides(project, "media/tall.pdf")
    checked = cercle(project, "check")
    assert checked.returncode == 1
    assert WEBINAR.removeprefix("content/") in checked.output and "media/tall.pdf" in checked.output
    assert "612 × 14400 pt" in checked.output and "max_page_size" in checked.output
    built = mkdocs_build(project)
    assert built.returncode == 1 and "Traceback" not in built.output
    assert "media/tall.pdf" in built.output and "max_page_size" in built.output
    french = cercle(project, "check", env={"CERCLE_LANG": "fr"})
    assert "dépasse les 5000\u00a0pt permis" in french.output


def test_a_tall_pdf_within_raised_limits_renders_within_the_webp_limit(tmp_path):
    project = copy_demo(tmp_path / "hub")
    tall_pdf(project / "content/media/tall.pdf", 14_400)
    use_slides(project, "media/tall.pdf")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - cercle/slides\n", "  - cercle/slides:\n      max_page_size: 15000\n"))
    assert cercle(project, "check").returncode == 0
    assert (result := mkdocs_build(project)).returncode == 0, result.output
    images = [p for p in (project / "site/assets/slides").rglob("slide-*.webp")]
    sizes = [Image.open(p).size for p in images]
    assert any(h > 16000 for _, h in sizes) and all(max(size) <= 16383 for size in sizes)


@pytest.mark.parametrize("pages", [0, 1])
def test_a_corrupt_or_empty_pdf_is_a_clear_error_naming_the_file(tmp_path, pages):
    project = copy_demo(tmp_path / "hub")
    bad = project / "content/media/bad.pdf"
    if pages:
        data = (project / "content/media/cercle-vertueux-slides.pdf").read_bytes()
        bad.write_bytes(data[: len(data) // 3])
    else:
        pdf = pdfium.PdfDocument.new()
        pdf.save(bad)
    use_slides(project, "media/bad.pdf")
    for result in (cercle(project, "check"), mkdocs_build(project)):
        assert result.returncode == 1 and "Traceback" not in result.output
        assert "media/bad.pdf" in result.output and WEBINAR.removeprefix("content/") in result.output
    assert not os.path.exists(project / "site")
