"""Reproducible builds: the same content and SOURCE_DATE_EPOCH give byte-identical sites.

Two cold builds from separate copies of the project (no shared .cache/: cards, slides and
search start from nothing), into different folders; then a warm rebuild (cards and slides
from the first copy's cache) against the cold one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import copy_demo, mkdocs_build
from tests.quality.gates import tree_differences


def build(project: Path, site: Path) -> Path:
    result = mkdocs_build(project, site)  # SOURCE_DATE_EPOCH is the demo's (tests.conftest.run)
    assert result.returncode == 0, result.output
    return site


@pytest.fixture(scope="module")
def cold_builds(tmp_path_factory, demo_site: Path) -> tuple[Path, Path, Path]:
    # The first cold build is the session's demo_site (a copy of the demo built with
    # tests.conftest.mkdocs_build and no .cache/ before it); the second is this module's own.
    second = copy_demo(tmp_path_factory.mktemp("second"))
    return demo_site.parent, demo_site, build(second, second / "elsewhere" / "out-b")


def test_two_cold_builds_are_byte_identical(cold_builds):
    _, a, b = cold_builds
    files = sum(1 for p in a.rglob("*") if p.is_file())
    assert files > 150  # pages, cards, slides, feeds, calendars, the search index
    assert (a / "pagefind" / "pagefind-entry.json").is_file()
    assert any((a / "assets" / "cards").rglob("*.png"))
    assert any((a / "assets" / "slides").rglob("*.webp"))
    differences = tree_differences(a, b)
    assert differences == [], "\n".join(differences)


def test_warm_rebuild_matches_a_cold_build(cold_builds):
    project, _, cold = cold_builds
    assert (project / ".cache").is_dir()  # the first build left its caches
    warm = build(project, project / "out-warm")
    differences = tree_differences(warm, cold)
    assert differences == [], "\n".join(differences)


def test_gate_catches_a_nondeterministic_file(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for site, stamp in ((a, "1"), (b, "2")):
        (site / "assets").mkdir(parents=True)
        (site / "index.html").write_text("same", encoding="utf-8")
        (site / "assets" / "build-id.txt").write_text(stamp, encoding="utf-8")
    (b / "extra.json").write_text("{}", encoding="utf-8")
    assert tree_differences(a, b) == ["only in second: extra.json", "differs: assets/build-id.txt"]
