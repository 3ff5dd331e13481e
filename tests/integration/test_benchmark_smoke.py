"""The side-by-side benchmark at a tiny N: the generator and both builds work (no timing asserted)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_runs_at_a_tiny_n(tmp_path):
    # The reference stack's i18n plugin is bench-only (benchmarks/setup.sh): without it, Cercle only.
    sides = "cercle,reference" if importlib.util.find_spec("mkdocs_static_i18n") else "cercle"
    output = tmp_path / "results.json"
    args = [sys.executable, str(ROOT / "benchmarks/run.py"), "--entries", "3", "--repeat", "1"]
    args += ["--sides", sides, "--no-cards", "--no-browser", "--no-docs", "--work", str(tmp_path / "work")]
    proc = subprocess.run([*args, "--output", str(output)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(output.read_text())

    assert results["corpus"]["entries_per_language"] == 3
    cercle = results["sides"]["cercle"]
    assert cercle["entry_pages"] == 6  # 3 per language, each built
    assert cercle["cards"] >= 6 and results["cercle_card_one_core"]["cards"] > 0
    assert {"cercle_cold", "cercle_warm"} <= set(results["builds"])
    assert all(b["seconds"] > 0 and b["rss_mb"] > 0 for b in results["builds"].values())
    site = tmp_path / "work/cercle/site"
    assert (site / "pagefind/pagefind-entry.json").is_file()
    assert (site / "fr/feed.xml").is_file() and (site / "en/calendar.ics").is_file()
    if "reference" in sides:
        assert results["sides"]["reference"]["entry_pages"] == 6
        assert "reference_nocards" in results["builds"]
    assert "| cold build" in proc.stdout  # the Markdown table is printed


def test_corpus_pairs_languages_and_passes_cercle_check(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    described = corpus.generate(tmp_path, 10)
    assert described["webinars"] and described["events"] and described["guides"] and described["upcoming"]
    assert described["with_slides"] >= 1 and 700 <= described["words_per_entry"] <= 1000
    fr = sorted((tmp_path / "cercle/content/fr").glob("*/*.md"))
    en = sorted((tmp_path / "cercle/content/en").glob("*/*.md"))
    assert len(fr) == len(en) == 10
    ref = sorted((tmp_path / "reference/docs").glob("*/*.md"))
    assert len(ref) == 20 and {p.name.rsplit(".", 2)[1] for p in ref} == {"fr", "en"}
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

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    corpus.generate(tmp_path, 4)
    settings = HubSettings(tmp_path / "cercle/content")
    first = load_catalog(settings)
    guide = next(e for e in first.entries if e.type.value == "guide")
    path = settings.content_dir / guide.rel_path
    other = next(e for e in first.entries if e.rel_path != guide.rel_path)
    other_key = (str((settings.content_dir / other.rel_path).resolve()), other.rel_path)
    cached = catalog_module._DOCUMENTS[other_key][3]
    path.write_text(path.read_text().replace(guide.title, "Changed title"), encoding="utf-8")
    second = load_catalog(settings)
    assert second.by_path(guide.rel_path).title.startswith("Changed title")
    assert catalog_module._DOCUMENTS[other_key][3] is cached  # untouched file: not parsed again
    assert [e.rel_path for e in second.in_language("fr")] == [e.rel_path for e in first.in_language("fr")]
    assert len(second.in_language("en")) == 4 and not second.report.errors()
