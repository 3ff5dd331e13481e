"""The side-by-side benchmark at a tiny N: the generator and both builds work (no timing asserted)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


PHASES = {"check", "catalog", "page_keys", "cards", "slides", "search", "feeds_calendars", "publish", "other"}
# A cold build reads and renders every page; a warm one reuses them all (cercle.mkdocs.pagecache).
PAGES = {"cercle_cold": {"markdown", "templates"}, "cercle_warm": {"pages_reused"}}


def _corpus_module():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
        import profiles
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return corpus, profiles


def test_benchmark_runs_at_a_tiny_n(tmp_path):
    # The reference stack's i18n plugin is bench-only (benchmarks/setup.sh): without it, Cercle only.
    sides = "cercle,reference" if importlib.util.find_spec("mkdocs_static_i18n") else "cercle"
    output, docs, readme = tmp_path / "results.json", tmp_path / "benchmarks.md", tmp_path / "README.md"
    readme.write_text("# Hub\n\n<!-- bench-readme:start -->\nold figures\n<!-- bench-readme:end -->\n")
    args = [sys.executable, str(ROOT / "benchmarks/run.py"), "--entries", "4", "--repeat", "1"]
    args += ["--warm-repeat", "2"]  # warm builds are repeated alone (a single one is mostly noise)
    args += ["--sides", sides, "--no-cards", "--no-browser", "--work", str(tmp_path / "work")]
    args += ["--docs", str(docs), "--readme", str(readme)]
    proc = subprocess.run([*args, "--output", str(output)], capture_output=True, text=True, timeout=400)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(output.read_text())

    assert results["smoke"] is False and len(results["runs"]) == 1
    run = results["runs"][0]
    assert run["profile"] == "realistic" and run["corpus"]["entries_per_language"] == 4
    cercle = run["sides"]["cercle"]
    assert cercle["entry_pages"] == 8  # 4 per language, each built
    assert cercle["cards"] >= 8 and run["cercle_card_one_core"]["cards"] > 0
    assert cercle["by_kind"]["html"]["files"] >= 8 and cercle["entry_html_bytes_max"] > 0
    builds = run["builds"]
    assert {"cercle_cold", "cercle_warm"} <= set(builds)
    assert len(builds["cercle_cold"]["runs"]) == 1 and len(builds["cercle_warm"]["runs"]) == 2
    assert run["warm_repeat"] == 2
    assert all(b["seconds"] > 0 and b["rss_mb"] > 0 and b["cpu_seconds"] > 0 for b in builds.values())
    for kind in ("cercle_cold", "cercle_warm"):  # the phase profile of each Cercle build
        phases = builds[kind]["phases"]
        assert set(phases) >= PHASES | PAGES[kind], set(phases)
        if kind == "cercle_warm":  # no page read nor rendered again
            assert not set(phases) & PAGES["cercle_cold"], set(phases)
        assert all(row["wall"] >= 0 for row in phases.values())
    assert builds["cercle_cold"]["phases"]["templates"]["wall"] > 0
    site = tmp_path / "work/realistic-4/cercle/site"
    assert (site / "pagefind/pagefind-entry.json").is_file()
    assert (site / "fr/feed.xml").is_file() and (site / "en/calendar.ics").is_file()
    if "reference" in sides:
        assert run["sides"]["reference"]["entry_pages"] == 8
        assert "reference_nocards" in builds and run["ratios"]["warm_ratio"] is not None
        assert len(builds["reference_nocards"]["runs"]) == 2
    text = docs.read_text()
    assert "| profile | N |" in text and "Smoke run" not in text and "| templates (pages rendered" in text
    figures = readme.read_text()  # the README's figures come from the run
    assert "old figures" not in figures and "at 4 entries per language" in figures
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import report
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    smoke = report.readme_block({**results, "smoke": True})  # a smoke run gives no figures
    assert "smoke run" in smoke and "×" not in smoke

    # The scale run takes the sizes this run measured instead of building them again.
    scaled = tmp_path / "scale.json"
    args = [sys.executable, str(ROOT / "benchmarks/scale.py"), "--entries", "4", "--reuse", str(output)]
    proc = subprocess.run([*args, "--output", str(scaled), "--no-docs", "--work", str(tmp_path / "none")],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert not (tmp_path / "none").exists()  # nothing generated, nothing built
    scale = json.loads(scaled.read_text())
    assert scale["runs"][0]["reused"] and scale["runs"][0]["builds"]["cercle_cold"] == builds["cercle_cold"]
    assert "| 4 |" in proc.stdout and "taken with `--reuse`" in proc.stdout


@pytest.mark.parametrize("name", ["realistic", "quote-heavy", "slide-heavy", "text-only", "legacy"])
def test_corpus_shape_follows_its_profile(tmp_path, name):
    corpus, profiles = _corpus_module()
    profile = profiles.PROFILES[name]
    n = 40
    d = corpus.generate(tmp_path, n, profile=name)
    for kind, share in zip(("webinars", "events", "guides"), profile.types, strict=True):
        assert abs(d[kind] / n - share) <= 0.06, (kind, d)
    talks = d["webinars"] + d["events"]
    per_talk = {int(k): v for k, v in d["quotes_per_talk"].items()}
    if not profile.legacy:
        for count, share in enumerate(profile.quotes):
            assert abs(per_talk.get(count, 0) / talks - share) <= 0.12, (count, d)
    assert abs(d["with_image"] / n - profile.images) <= 0.06, d
    past_webinars = d["webinars"] - sum(1 for p in (tmp_path / "cercle/content/en/webinars").glob("*.md")
                                        if "registration:" in p.read_text())  # fmt: skip
    assert abs(d["with_transcript"] / past_webinars - profile.transcripts) <= 0.15, d
    assert abs(d["with_slides"] / n - profile.slides) <= 0.06, d
    if profile.transcripts:
        low, high = profile.transcript_words
        assert low <= d["transcript_words_median"] <= high + 30
    else:
        assert not list((tmp_path / "cercle/content/media").rglob("*.vtt"))


def test_corpus_media_are_real_and_passes_cercle_check(tmp_path):
    import pypdfium2

    from cercle.video.vtt import parse_vtt

    corpus, _ = _corpus_module()
    described = corpus.generate(tmp_path, 40, profile="slide-heavy")
    assert described["with_slides"] >= 8 and described["with_transcript"] >= 8
    fr = sorted((tmp_path / "cercle/content/fr").glob("*/*.md"))
    en = sorted((tmp_path / "cercle/content/en").glob("*/*.md"))
    assert len(fr) == len(en) == 40
    ref = sorted((tmp_path / "reference/docs").glob("*/*.md"))
    assert len(ref) == 80 and {p.name.rsplit(".", 2)[1] for p in ref} == {"fr", "en"}
    media = tmp_path / "cercle/content/media"
    pdfs = sorted(media.rglob("*.pdf"))
    assert len(pdfs) == described["with_slides"]
    pages = 0
    for path in pdfs:  # real PDFs: every page opens and carries text a search can index
        pdf = pypdfium2.PdfDocument(path)
        pages += len(pdf)
        assert pdf[1].get_textpage().get_text_range().strip()
        pdf.close()
    assert pages == described["slide_pages"]
    vtts = sorted(media.rglob("*.vtt"))
    assert len(vtts) == 2 * described["with_transcript"]  # one per language
    cues = parse_vtt(vtts[0].read_text(encoding="utf-8"))
    assert cues and cues[0].voice and sum(len(c.text.split()) for c in cues) >= 1500
    # The reference page carries the same transcript words, in its text.
    key = vtts[0].name.split(".")[0]
    page = next(p for p in ref if f"-{int(key.split('-')[1]) + 1}.{vtts[0].name.split('.')[1]}.md" in p.name)
    assert cues[-1].text in page.read_text(encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-m", "cercle.cli", "check", "--strict", "-f", str(tmp_path / "cercle/mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=tmp_path / "cercle",
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_catalog_rereads_only_changed_files(tmp_path):
    """Serve rebuilds reuse parsed front matter by file mtime and size; a saved file is read again."""
    from cercle.core import catalog as catalog_module
    from cercle.core.catalog import load_catalog
    from cercle.core.settings import HubSettings

    corpus, _ = _corpus_module()
    corpus.generate(tmp_path, 4)
    settings = HubSettings(tmp_path / "cercle/content")
    first = load_catalog(settings)
    guide = next(e for e in first.entries if e.type.value == "guide")
    path = settings.content_dir / guide.rel_path
    other = next(e for e in first.entries if e.rel_path != guide.rel_path)
    other_key = (os.path.abspath(settings.content_dir / other.rel_path), other.rel_path)
    cached = catalog_module._DOCUMENTS[other_key][-1]
    path.write_text(path.read_text().replace(guide.title, "Changed title"), encoding="utf-8")
    second = load_catalog(settings)
    assert second.by_path(guide.rel_path).title.startswith("Changed title")
    assert catalog_module._DOCUMENTS[other_key][-1] is cached  # untouched file: not parsed again
    assert [e.rel_path for e in second.in_language("fr")] == [e.rel_path for e in first.in_language("fr")]
    assert len(second.in_language("en")) == 4 and not second.report.errors()
