"""Cercle against the usual bilingual Material stack, on the same generated content, in one run.

    bash benchmarks/setup.sh                      # bench-only packages (make bench does both)
    .venv/bin/python benchmarks/run.py [--profile realistic ...] [--entries 200 500] [--repeat 3]

For each profile and size: generates a corpus (benchmarks/corpus.py) in both formats, then,
`--repeat` times and alternating which side goes first (benchmarks/builds.py), builds:

- Cercle cold (no cache: cards, slides, search, feeds, calendars) and Cercle warm (caches full),
  with `cercle build` (check, build, publish), its phases timed (cercle.core.phases);
- the reference (mkdocs-static-i18n + Material's social plugin with cold cards + lunr), and
  the reference without cards.

Then: output size by kind of file, entry-page HTML (median and largest), bytes a reader
downloads for one search (a real search in Chromium, realistic profile only) and Cercle's
card time on one core. Results go to benchmarks/results/latest.json, the tables into
docs/benchmarks.md and the README's figures (benchmarks/report.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import builds
import corpus
import measure
import report
from profiles import PROFILES

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks/results/latest.json"
DOCS = ROOT / "docs/benchmarks.md"
README = ROOT / "README.md"
QUERIES = {"fr": "confiance", "en": "trust"}


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


def bench_one(
    work: Path, profile: str, entries: int, repeat: int, args: argparse.Namespace, trash: builds.Trash
) -> dict:
    sides = [s for s in args.sides.split(",") if s]
    start = time.perf_counter()
    trash.put(work)
    described = corpus.generate(work, entries, profile=profile)
    os.sync()  # the corpus written out before any build is timed (benchmarks/scale.py)
    print(f"corpus {profile} N={entries}: {described}", flush=True)
    warm = repeat if args.once_above is not None and entries > args.once_above else args.warm_repeat
    runs = builds.run_builds(work, repeat, sides, not args.no_cards, args.cercle_command, trash, warm)
    result: dict = {
        "profile": profile,
        "entries": entries,
        "corpus": described,
        "repeat": repeat,
        "warm_repeat": max(repeat, warm),
        "builds": {name: builds.summarize(r) for name, r in runs.items()},
        "sides": {},
    }
    for side in sides:
        info = builds.side_info(work, side)
        if not args.no_browser and profile == "realistic":
            pages = [p for p in builds.entry_pages(work, side) if p.is_file()]
            try:  # a browser hiccup must not lose an hour of builds
                info["search"] = measure.search_download(work / side / "site", side, pages, QUERIES)
            except Exception as exc:
                info["search"] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
                print(f"  search measurement failed ({side}): {info['search']['error']}", flush=True)
        result["sides"][side] = info
    if "cercle" in sides and profile == args.profile[0] and entries == args.entries[-1]:
        result["cercle_card_one_core"] = card_ms_one_core(work)
    result["ratios"] = report.ratios(result)
    result["bench_seconds"] = round(time.perf_counter() - start, 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", nargs="+", default=["realistic"], choices=sorted(PROFILES))
    parser.add_argument("--entries", type=int, nargs="+", default=[200, 500], help="entries per language")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (medians reported)")
    parser.add_argument("--repeat-others", type=int, help="runs for profiles other than the first")
    parser.add_argument(
        "--warm-repeat",
        type=int,
        default=3,
        help="warm builds at least (Cercle's, the reference's without cards) at sizes up to --once-above",
    )
    parser.add_argument(
        "--entries-others",
        type=int,
        nargs="+",
        help="sizes for profiles other than the first (default: --entries)",
    )
    parser.add_argument(
        "--once-above",
        type=int,
        metavar="N",
        help="sizes above N run once (the reference grows faster than N)",
    )
    parser.add_argument("--work", type=Path, help="keep the corpora and sites here (default: a temp dir)")
    parser.add_argument("--sides", default="cercle,reference", help="cercle,reference or one of them")
    parser.add_argument(
        "--cercle-command",
        default="cercle",
        choices=["cercle", "mkdocs"],
        help="build Cercle with `cercle build` (check + build + publish) or `mkdocs build`",
    )
    parser.add_argument("--no-cards", action="store_true", help="reference without the social plugin only")
    parser.add_argument("--no-browser", action="store_true", help="skip the search measurement in Chromium")
    parser.add_argument("--smoke", action="store_true", help="mark the results as a smoke run (not figures)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results")
    parser.add_argument("--docs", type=Path, default=DOCS, help="Markdown file whose tables are replaced")
    parser.add_argument("--readme", type=Path, default=README, help="README whose figures are replaced")
    parser.add_argument("--no-docs", action="store_true", help="touch neither the docs nor the README")
    args = parser.parse_args()  # fmt: skip
    tmp = None
    if args.work:
        work = args.work
    else:
        tmp = tempfile.TemporaryDirectory(prefix="cercle-bench-")
        work = Path(tmp.name)
    started = time.perf_counter()
    results: dict = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "smoke": args.smoke,
        "command": " ".join(["benchmarks/run.py", *sys.argv[1:]]),
        "targets": report.TARGETS,
        "runs": [],
    }
    trash = builds.Trash(work / ".trash")  # emptied once every build is timed
    try:
        for profile in args.profile:
            first = profile == args.profile[0]
            repeat = args.repeat if first else (args.repeat_others or args.repeat)
            for entries in args.entries if first else (args.entries_others or args.entries):
                times = 1 if args.once_above is not None and entries > args.once_above else repeat
                results["runs"].append(
                    bench_one(work / f"{profile}-{entries}", profile, entries, times, args, trash)
                )
    finally:
        trash.empty()
        if tmp:
            tmp.cleanup()
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tables = report.markdown(results)
    print(tables)
    if not args.no_docs:
        report.write_into(args.docs, tables)
        report.write_readme(args.readme, results)
        print(f"written: {args.output}, {args.docs}, {args.readme}")


if __name__ == "__main__":
    main()
