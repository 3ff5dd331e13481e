"""Cercle against the usual bilingual Material stack, on the same generated content, in one run.

    bash benchmarks/setup.sh                      # bench-only packages (make bench does both)
    .venv/bin/python benchmarks/run.py [--entries 500] [--repeat 3]

Generates a corpus (benchmarks/corpus.py) in both formats, then, `--repeat` times and
alternating which side goes first, builds:

- Cercle cold (no cache: cards, slides, search, feeds, calendars) and Cercle warm (caches full);
- the reference (mkdocs-static-i18n + Material's social plugin with cold cards + lunr), and
  the reference without cards.

Each build is a fresh `mkdocs build` process; its wall time and the peak RSS of its process
tree (the build and anything it starts, e.g. Pagefind) are measured. Then: output size,
HTML bytes per entry page (median), bytes a reader downloads for one search (a real search
in Chromium, responses counted gzip-compressed), and Cercle's card time on one core.
Results go to benchmarks/results/latest.json and into the table of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import measure
import report

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks/results/latest.json"
DOCS = ROOT / "docs/benchmarks.md"
QUERIES = {"fr": "confiance", "en": "trust"}
TARGETS = {  # issue 8: ratios to the reference measured in the same run, at N=500 per language
    "cold_ratio": 0.4,
    "warm_ratio": 0.6,
    "memory_ratio": 0.3,
    "entry_html_kb": 60,
    "search_kb": 300,
    "card_ms": 10,
}


def env() -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": corpus.SOURCE_DATE_EPOCH,
        "HTTP_PROXY": "http://127.0.0.1:9",  # nothing may reach the network
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "NO_PROXY": "",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def build(project: Path, config: str = "mkdocs.yml") -> dict[str, float]:
    """One `mkdocs build` in a fresh process: wall seconds and peak memory (MB) of its process tree."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / config), "-d", str(site)]
    result = measure.run(args, cwd=project, env=env())
    if result.returncode != 0:
        raise SystemExit(f"build of {project.name} ({config}) failed:\n{result.output[-4000:]}")
    return {
        "seconds": result.seconds,
        "rss_mb": result.peak_rss / 2**20,
        "pss_mb": (result.peak_pss or result.peak_rss) / 2**20,
    }


def cold(project: Path, side: str) -> None:
    """Empty the build caches (the social plugin's fonts stay: they stand for the download)."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    if side == "reference":
        corpus.seed_social_fonts(project)


def run_builds(work: Path, repeat: int, sides: list[str], cards: bool) -> dict[str, list[dict]]:
    runs: dict[str, list[dict]] = {}
    cercle, reference = work / "cercle", work / "reference"

    def cercle_side() -> None:
        cold(cercle, "cercle")
        runs.setdefault("cercle_cold", []).append(build(cercle))
        runs.setdefault("cercle_warm", []).append(build(cercle))

    def reference_side() -> None:  # with cards last: that site is the one measured
        runs.setdefault("reference_nocards", []).append(build(reference, "mkdocs-nocards.yml"))
        if cards:
            cold(reference, "reference")
            runs.setdefault("reference_cold", []).append(build(reference))

    order = [("cercle", cercle_side), ("reference", reference_side)]
    order = [(name, fn) for name, fn in order if name in sides]
    for n in range(repeat):
        for name, fn in order if n % 2 == 0 else reversed(order):
            start = time.perf_counter()
            fn()
            print(f"  run {n + 1}/{repeat}: {name} in {time.perf_counter() - start:.1f} s", flush=True)
    return runs


def summarize(runs: list[dict]) -> dict[str, float]:
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "rss_mb": statistics.median(r["rss_mb"] for r in runs),
        "pss_mb": statistics.median(r.get("pss_mb", r["rss_mb"]) for r in runs),
        "runs": [round(r["seconds"], 2) for r in runs],
    }


def entry_pages(work: Path, side: str) -> list[Path]:
    site = work / side / "site"
    if side == "cercle":
        content = work / "cercle/content"
        pages = []
        for lang in corpus.LANGS:
            for md in (content / lang).glob("*/*.md"):
                if md.name != "index.md":
                    pages.append(site / lang / md.parent.name / md.stem / "index.html")
        return pages
    docs = work / "reference/docs"
    pages = []
    for md in docs.glob("*/*.md"):
        stem, lang = md.name.removesuffix(".md").rsplit(".", 1)
        prefix = site if lang == "fr" else site / lang
        pages.append(prefix / md.parent.name / stem / "index.html")
    return pages


def tree_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def card_count(work: Path, side: str) -> int:
    folder = work / side / "site" / ("assets/cards" if side == "cercle" else "assets/images/social")
    return sum(1 for _ in folder.rglob("*.png")) if folder.is_dir() else 0


def card_ms_one_core(work: Path, sample: int = 60) -> dict[str, float]:
    """Cercle's cards drawn one after the other in this process (one core), ms per card."""
    from cercle.cards.draw import render
    from cercle.cards.plan import CardPlanner
    from cercle.cards.spec import Brand
    from cercle.core.catalog import load_catalog
    from cercle.core.settings import HubSettings, resolve_today
    from cercle.hub.view import Hub

    os.environ["SOURCE_DATE_EPOCH"] = corpus.SOURCE_DATE_EPOCH
    settings = HubSettings(
        work / "cercle/content", today=resolve_today(), site_url="https://cercle.example.org/"
    )
    hub = Hub(load_catalog(settings))
    brand = Brand(brand_color="#283593", accent_color="#ffca28", site_name="Cercle bench", logo=None)
    plans = CardPlanner(hub, brand, True).plan()
    specs = [job.spec for cards in plans.values() for job in cards.jobs()]
    step = max(1, len(specs) // sample)
    chosen = specs[::step][:sample]
    render(chosen[0])  # fonts loaded once, as in a build
    start, cpu = time.perf_counter(), time.process_time()
    for spec in chosen:
        render(spec)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"cards": len(chosen), "ms": 1000 * wall / len(chosen), "cpu_ms": 1000 * cpu / len(chosen)}


def machine() -> dict[str, object]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = 0.0
    try:
        meminfo = Path("/proc/meminfo").read_text()
        memory = int(re.search(r"MemTotal:\s+(\d+)", meminfo)[1]) / 2**20  # type: ignore[index]
    except (OSError, TypeError):
        pass
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pagefind", "pillow", "cairosvg"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory, 1),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "versions": versions,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=500, help="entries per language")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the corpora and sites here (default: a temp dir)")
    parser.add_argument("--sides", default="cercle,reference", help="cercle,reference or one of them")
    parser.add_argument("--no-cards", action="store_true", help="reference without the social plugin only")
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement in Chromium")
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results")
    parser.add_argument("--docs", type=Path, default=DOCS, help="Markdown file whose table is replaced")
    parser.add_argument("--no-docs", action="store_true", help="do not touch the Markdown file")
    args = parser.parse_args()
    sides = [s for s in args.sides.split(",") if s]
    tmp = None
    if args.work:
        work = args.work
        shutil.rmtree(work, ignore_errors=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="cercle-bench-")
        work = Path(tmp.name)
    try:
        results = bench(work, args, sides)
    finally:
        if tmp:
            tmp.cleanup()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = report.markdown(results)
    print(table)
    if not args.no_docs:
        report.write_into(args.docs, table)
        print(
            f"written: {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
        )


def bench(work: Path, args: argparse.Namespace, sides: list[str]) -> dict:
    start = time.perf_counter()
    described = corpus.generate(work, args.entries)
    print(f"corpus: {described}", flush=True)
    runs = run_builds(work, args.repeat, sides, cards=not args.no_cards)
    results: dict = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "corpus": described,
        "repeat": args.repeat,
        "builds": {name: summarize(r) for name, r in runs.items()},
        "sides": {},
        "targets": TARGETS,
    }
    for side in sides:
        site = work / side / "site"
        size, files = tree_size(site)
        pages = [p for p in entry_pages(work, side) if p.is_file()]
        sizes = [p.stat().st_size for p in pages]
        info: dict = {
            "output_bytes": size,
            "output_files": files,
            "entry_pages": len(pages),
            "entry_html_bytes_median": statistics.median(sizes) if sizes else None,
            "entry_html_bytes_max": max(sizes) if sizes else None,
            "entry_html_gzip_median": statistics.median(len(gzip.compress(p.read_bytes())) for p in pages)
            if pages
            else None,
            "cards": card_count(work, side),
        }
        if not args.no_browser:
            info["search"] = measure.search_download(site, side, pages, QUERIES)
        results["sides"][side] = info
    if "cercle" in sides:
        results["cercle_card_one_core"] = card_ms_one_core(work)
    results["ratios"] = report.ratios(results)
    results["bench_seconds"] = round(time.perf_counter() - start, 1)
    return results


if __name__ == "__main__":
    main()
