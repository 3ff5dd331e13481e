""" "Today" decides upcoming and past: config first, then SOURCE_DATE_EPOCH, then the clock."""

from __future__ import annotations

from tests.conftest import bin_path, mkdocs_build, run
from tests.html import page


def headings(site, url):
    return [" ".join("".join(h.itertext()).split()) for h in page(site, url).iter("h2")]


def test_today_from_config_wins_over_source_date_epoch(demo_project, tmp_path):
    config = demo_project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("today: 2026-11-17", "today: 2027-06-01")
    )
    assert mkdocs_build(demo_project, tmp_path / "later").returncode == 0
    assert headings(tmp_path / "later", "en/webinars/")[:2] == ["2027", "2022"]


def test_source_date_epoch_when_no_config(demo_project, tmp_path):
    config = demo_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("today: 2026-11-17", ""))
    site = tmp_path / "epoch"
    args = [str(demo_project / "mkdocs.yml")]
    result = run(
        [bin_path("mkdocs"), "build", "-q", "-f", *args, "-d", str(site)],
        demo_project,
        env={"SOURCE_DATE_EPOCH": "1900000000"},
    )  # 2030-03-17
    assert result.returncode == 0, result.output
    assert "Upcoming" not in headings(site, "en/webinars/")


def test_404_speaks_the_default_language(demo_site):
    text = (demo_site / "404.html").read_text()
    assert '<html lang="fr"' in text
