"""The demo builds under ProperDocs too, and the site does not grow per page with N entries."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import mkdocs_build, write


def test_demo_builds_under_properdocs(demo_project, demo_site):
    result = mkdocs_build(demo_project, tool="properdocs")
    assert result.returncode == 0, result.output
    built = demo_project / "site"
    ours = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html"))
    reference = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*.html"))
    assert ours == reference
    page = (built / "en/webinars/virtuous-circle-ambassador-programs/index.html").read_text()
    assert '<html lang="en"' in page and 'hreflang="fr"' in page


def add_guides(project: Path, count: int) -> None:
    for i in range(count):
        for lang in ("fr", "en"):
            write(
                project / f"content/{lang}/guides/extra-{i:03d}.md",
                f"---\ntitle: Guide {i:03d}\ndate: 2021-01-01\ntopics: [confiance]\n---\nText {i}.\n",
            )


def test_entry_page_size_does_not_grow_with_entries(demo_project, demo_site, tmp_path):
    # demo_site is this same demo built with the same options: the small site, built once per worker.
    page = "fr/guides/pourquoi-les-ambassadeurs-sont-volontaires/index.html"
    add_guides(demo_project, 60)
    assert mkdocs_build(demo_project, tmp_path / "large").returncode == 0
    small = (demo_site / page).stat().st_size
    large = (tmp_path / "large" / page).stat().st_size
    assert large == small


def test_a_third_language_needs_no_code(demo_project):
    config = demo_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("languages: [fr, en]", "languages: [fr, en, de]"))
    write(
        demo_project / "content/de/guides/freiwillig.md",
        "---\ntitle: Warum Botschafter freiwillig sind\ntranslation_key: guide-volunteering\n---\nText.\n",
    )
    result = mkdocs_build(demo_project, strict=False)
    assert result.returncode == 0, result.output
    site = demo_project / "site"
    page = (site / "de/guides/freiwillig/index.html").read_text()
    assert '<html lang="de"' in page
    assert "Sprache wechseln" in page  # Material's German strings (language selector)
    assert 'hreflang="fr"' in page and 'hreflang="en"' in page
    assert (site / "de/index.html").exists() and (site / "de/topics/index.html").exists()
