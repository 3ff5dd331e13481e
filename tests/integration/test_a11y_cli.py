"""`cercle a11y` on the demo (nothing to report) and on a copy with planted gaps: a video
without transcript, slides without text, alt texts that repeat a file name or the title,
PDFs without an HTML version; each reported with file:line in text, JSON and GitHub formats,
with the documented exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image
from tests.conftest import cercle, copy_demo, mkdocs_build, write
from tests.html import by_class, page, text

# From the repository's root, as every message names them.
FR = "content/fr/webinaires/cercle-vertueux-programmes-ambassadeurs.md"
EN = "content/en/guides/why-ambassadors-are-volunteers.md"


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.fixture
def gaps(tmp_path: Path) -> Path:
    project = copy_demo(tmp_path / "hub")
    Image.new("RGB", (320, 180), "navy").save(project / "content/media/scan.pdf")  # image-only page
    Image.new("RGB", (60, 40), "teal").save(project / "content/media/team-photo.png")
    fr = project / FR
    text = fr.read_text(encoding="utf-8")
    text = text.replace("transcript: media/cercle-vertueux-transcription.vtt\n", "")
    text = text.replace("slides: media/cercle-vertueux-slides.pdf", "slides: media/scan.pdf")
    # The demo's slides_at gives one time per slide of its own PDF: drop it with the swap. Its
    # captions go too, so that the video has neither a transcript nor captions.
    text = re.sub(r"slides_at: .*\n", "", text)
    text = re.sub(r"captions:\n(?:  .*\n)+", "", text)
    text = text.replace(
        "resources:\n",
        "image: media/team-photo.png\nimage_alt: team photo\nresources:\n"
        '  - title: "Le programme"\n    url: media/scan.pdf\n',
        1,
    )
    text += "\n![Le cercle vertueux des programmes ambassadeurs](media/team-photo.png)\n"
    fr.write_text(text, encoding="utf-8")
    en = project / EN
    en.write_text(
        en.read_text(encoding="utf-8")
        + "\n[Download the guide](media/scan.pdf)\n\n"
        "[Read online](why-ambassadors-are-volunteers.md) · [PDF](media/scan.pdf)\n",
        encoding="utf-8",
    )
    return project


def test_demo_has_nothing_to_report_even_strict(demo_project):
    result = cercle(demo_project, "a11y", "--strict")
    assert result.returncode == 0, result.output
    assert "fr — Français" in result.stdout and "en — English" in result.stdout
    assert "Videos: 1, 1 with a transcript or captions." in result.stdout
    assert result.stdout.strip().endswith("0 finding(s) to review.")


def test_planted_gaps_are_reported_per_language_with_file_and_line(gaps):
    result = cercle(gaps, "a11y")
    assert result.returncode == 0, result.output  # findings alone: 0 without --strict
    out = result.stdout
    fr_part, en_part = out.split("en — English")
    expected_fr = [
        f"{FR}:{line_of(gaps, FR, 'video:')}: warning: video: video without transcript or captions",
        f"{FR}:{line_of(gaps, FR, 'slides:')}: warning: slides: 1 of 1 slide page(s) have no text",
        f"{FR}:{line_of(gaps, FR, 'image_alt:')}: warning: image_alt: the alt text “team photo” repeats",
        f"{FR}:{line_of(gaps, FR, '![Le cercle')}: warning: the alt text “Le cercle vertueux des programmes",
        f"{FR}:{line_of(gaps, FR, 'url: media/scan.pdf')}: warning: resources.0.url: the PDF media/scan.pdf",
    ]
    for line in expected_fr:
        assert line in fr_part, out
    assert f"{EN}:{line_of(gaps, EN, '[Download the guide]')}: warning: the PDF media/scan.pdf" in en_part
    assert f"{EN}:{line_of(gaps, EN, '[Read online]')}:" not in en_part  # it has its HTML version
    assert "PDFs offered: 2, 1 with an HTML version." in en_part
    assert out.strip().endswith("6 finding(s) to review.")


def test_strict_exits_1_and_formats_follow_cercle_check(gaps):
    strict = cercle(gaps, "a11y", "--strict", "--format", "github")
    assert strict.returncode == 1
    lines = strict.stdout.splitlines()
    assert len(lines) == 6 and all(line.startswith("::error file=") for line in lines), lines
    assert f"::error file={FR},line={line_of(gaps, FR, 'video:')},title=video::" in strict.stdout
    report = json.loads(cercle(gaps, "a11y", "--format", "json").stdout)
    fr = report["languages"]["fr"]
    assert fr["summary"]["videos"] == 1 and fr["summary"]["videos_with_text"] == 0
    codes = sorted(f["code"] for f in fr["findings"])
    assert codes == sorted(
        [
            "a11y.video_without_text",
            "a11y.slides_without_text",
            "a11y.alt_repeats",
            "a11y.alt_repeats",
            "a11y.pdf_without_html",
        ]
    )
    assert {f["severity"] for f in fr["findings"]} == {"warning"}


def test_french_messages_and_content_errors_exit_1(gaps):
    fr = cercle(gaps, "a11y", "--lang", "fr")
    assert "vidéo sans transcription ni sous-titres" in fr.stdout
    write(gaps / "content/fr/guides/casse.md", "---\ntitle: [unclosed\n---\n")
    broken = cercle(gaps, "a11y")
    assert broken.returncode == 1
    assert "content/fr/guides/casse.md" in broken.output and "Traceback" not in broken.output


def test_a_deck_without_text_shows_no_empty_list_of_texts(gaps):
    """The scanned deck still builds (`cercle a11y` reports it): its slide says its number, and
    the page offers no "Text of the slides" that would list nothing."""
    result = mkdocs_build(gaps)
    assert result.returncode == 0, result.output
    gallery = by_class(
        page(gaps / "site", "fr/webinaires/cercle-vertueux-programmes-ambassadeurs/"), "cercle-slides"
    )[0]
    assert [text(a) for a in by_class(gallery, "cercle-slides__thumbs")[0].iter("a")] == [
        "Diapositive 1 sur 1"
    ]
    assert by_class(gallery, "cercle-slides__text") == [] and by_class(gallery, "cercle-slides__download")
