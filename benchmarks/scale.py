"""Cercle alone from 500 to 10,000 entries per language: does any step grow faster than N?

    .venv/bin/python benchmarks/scale.py [--entries 500 1000 2000 5000 10000] [--profile realistic]

For each size: a corpus (benchmarks/corpus.py, Cercle's format only), one cold
`cercle build` (no cache) and one warm (caches full), each a fresh process: wall and CPU
seconds and peak PSS of the whole process tree, output size, largest entry page, and the
per-phase profile (cercle.core.phases). The reference stack is not built: at these sizes
it would take hours. Results: benchmarks/results/scale.json, the table, the profile per
1000 entries and a chart (docs/benchmarks-scale.svg) in docs/benchmarks.md. Targets of
issue #18 at 10,000 entries per language: cold ≤ 5 min, warm ≤ 1 min, ≤ 2 GB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import builds
import corpus
import phasereport
import report
from profiles import PROFILES
from run import machine

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks/results/scale.json"
DOCS = ROOT / "docs/benchmarks.md"
CHART = ROOT / "docs/benchmarks-scale.svg"
START = "<!-- bench-scale:start (written by benchmarks/scale.py) -->"
END = "<!-- bench-scale:end -->"
RUN_RESULTS = ROOT / "benchmarks/results/latest.json"
TARGETS = {"cold_seconds": 300, "warm_seconds": 60, "pss_mb": 2048}  # at 10,000 per language


def measure_size(work: Path, entries: int, profile: str, trash: builds.Trash) -> dict:
    trash.put(work)
    started = time.perf_counter()
    described = corpus.generate(work, entries, profile=profile, reference=False)
    # The corpus' gigabytes are still being written out to disk: the cold build must not pay
    # for that (at 10,000 entries `cercle check` took 63 s right after, 21 s once written).
    os.sync()
    print(f"corpus N={entries} in {time.perf_counter() - started:.0f} s: {described}", flush=True)
    project = work / "cercle"
    builds.cold(project, "cercle", trash)
    cold = builds.build(project, command="cercle", trash=trash)
    print(f"  cold {cold['seconds']:.1f} s, {cold['pss_mb']:.0f} MB", flush=True)
    warm = builds.build(project, command="cercle", trash=trash)
    print(f"  warm {warm['seconds']:.1f} s, {warm['pss_mb']:.0f} MB", flush=True)
    run = {
        "profile": profile,
        "entries": entries,
        "corpus": described,
        "builds": {"cercle_cold": builds.summarize([cold]), "cercle_warm": builds.summarize([warm])},
        "sides": {"cercle": builds.side_info(work, "cercle")},
    }
    trash.put(work)  # 10,000 entries: several GB, freed once every size is measured
    return run


def measured_by_run(path: Path, profile: str, smoke: bool) -> dict[int, dict]:
    """The side-by-side run's Cercle builds of `profile` (benchmarks/run.py: the same corpus
    generator and seed, the same `cercle build` measured the same way), by size."""
    if not path.is_file():
        return {}
    ran = json.loads(path.read_text(encoding="utf-8"))
    if bool(ran.get("smoke")) != smoke:
        return {}  # never mix a smoke run's sizes into figures, or the reverse
    sizes = {}
    for run in ran["runs"]:
        if run["profile"] == profile:
            builds_ = {k: v for k, v in run["builds"].items() if k.startswith("cercle_")}
            sizes[run["entries"]] = {**run, "builds": builds_, "date": ran["date"], "reused": True}
    return sizes


def table(results: dict) -> list[str]:
    lines = [
        "| N per language | cold s (CPU s) | warm s (CPU s) | s per 1000 entries cold / warm | "
        "peak PSS MB cold / warm | output MB (files) | entry page KB median / largest | "
        "any page KB largest |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in results["runs"]:
        c, w, s = run["builds"]["cercle_cold"], run["builds"]["cercle_warm"], run["sides"]["cercle"]
        k = 1000 / run["entries"]
        median, largest = (s["entry_html_bytes_median"] or 0) / 1000, (s["entry_html_bytes_max"] or 0) / 1000
        cells = [
            str(run["entries"]),
            f"{c['seconds']:.1f} ({c['cpu_seconds']:.0f})",
            f"{w['seconds']:.1f} ({w['cpu_seconds']:.0f})",
            f"{c['seconds'] * k:.1f} / {w['seconds'] * k:.1f}",
            f"{c['pss_mb']:.0f} / {w['pss_mb']:.0f}",
            f"{s['output_bytes'] / 1e6:.0f} ({s['output_files']})",
            f"{median:.1f} / {largest:.1f}",
            f"{s['html_bytes_max'] / 1000:.1f}" if s.get("html_bytes_max") else "—",  # older runs: none
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def chart(results: dict, path: Path) -> None:
    """Cold and warm seconds against N (SVG), with the straight line through the first point."""
    runs = results["runs"]
    if len(runs) < 2:
        return
    width, height, pad = 640, 360, 50
    top_n = max(r["entries"] for r in runs)
    first = runs[0]
    series = {
        "cold": ("#c62828", [(r["entries"], r["builds"]["cercle_cold"]["seconds"]) for r in runs]),
        "warm": ("#1565c0", [(r["entries"], r["builds"]["cercle_warm"]["seconds"]) for r in runs]),
    }
    linear = first["builds"]["cercle_cold"]["seconds"] / first["entries"]
    series["cold if linear"] = ("#9e9e9e", [(n, n * linear) for n in (first["entries"], top_n)])
    top_s = max(s for _, points in series.values() for _, s in points) * 1.1

    def xy(n: float, s: float) -> str:
        return (
            f"{pad + n / top_n * (width - 2 * pad):.1f},{height - pad - s / top_s * (height - 2 * pad):.1f}"
        )

    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
    parts = [f'{svg} font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="#fff"/>',
             f'<path d="M{xy(0, top_s)} L{xy(0, 0)} L{xy(top_n, 0)}" stroke="#000" fill="none"/>',
             f'<text x="{pad}" y="{pad - 12}">seconds (top: {top_s:.0f} s)</text>',
             f'<text x="{width - pad}" y="{height - 15}" text-anchor="end">entries per language '
             f"(right: {top_n})</text>"]  # fmt: skip
    for row, (name, (color, points)) in enumerate(series.items()):
        path_d = " ".join(xy(n, s) for n, s in points)
        parts.append(f'<polyline points="{path_d}" stroke="{color}" stroke-width="2" fill="none"/>')
        parts.append(f'<text x="{pad + 10}" y="{pad + 16 * row + 8}" fill="{color}">{name}</text>')
    path.write_text("\n".join([*parts, "</svg>"]) + "\n", encoding="utf-8")


def reused_note(results: dict) -> list[str]:
    sizes = [str(r["entries"]) for r in results["runs"] if r.get("reused")]
    if not sizes:
        return []
    dates = sorted({r["date"] for r in results["runs"] if r.get("reused")})
    return [
        "",
        f"Sizes {', '.join(sizes)}: Cercle's builds of the side-by-side run of {', '.join(dates)} "
        "(`benchmarks/run.py`, same corpus, same measurement), taken with `--reuse`.",
    ]


def markdown(results: dict) -> str:
    m = results["machine"]
    smoke = (
        "**Smoke run** (small sizes): it checks the pipeline, not figures. " if results.get("smoke") else ""
    )
    lines = [
        f"{smoke}Run of {results['date']} ({results['profile']} profile, one cold and one warm "
        f"`cercle build` per size, {results['bench_seconds']:.0f} s in all). Machine: {m['cpu']}, "
        f"{m['cores']} cores, {m['memory_gib']} GiB, Python {m['python']}. Targets at 10,000 "
        "entries per language: cold ≤ 300 s, warm ≤ 60 s, peak memory ≤ 2 GB.",
        *reused_note(results),
        "",
        *table(results),
        "",
        "Seconds per 1000 entries per language, by phase (cold | warm): a phase that grows "
        "faster than N shows as a number that rises from left to right.",
        "",
        *phasereport.phase_rows(results["runs"], per_thousand=True),
        "",
        "![Cold and warm build time against N](benchmarks-scale.svg)",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[500, 1000, 2000, 5000, 10000])
    parser.add_argument("--profile", default="realistic", choices=sorted(PROFILES))
    parser.add_argument("--work", type=Path, help="where the corpora are built (default: a temp dir)")
    parser.add_argument("--smoke", action="store_true", help="mark the results as a smoke run")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--no-docs", action="store_true", help="do not touch docs/benchmarks.md")
    parser.add_argument(
        "--reuse", type=Path, nargs="?", const=RUN_RESULTS, metavar="JSON",
        help="take the sizes the side-by-side run measured (its Cercle builds, same corpus "
        "and profile) from its results instead of building them again (default: latest.json)",
    )  # fmt: skip
    args = parser.parse_args()
    tmp = None if args.work else tempfile.TemporaryDirectory(prefix="cercle-scale-")
    work = args.work or Path(tmp.name)  # type: ignore[union-attr]
    started = time.perf_counter()
    date = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    results: dict = {"date": date, "machine": machine(), "profile": args.profile, "smoke": args.smoke,
                     "targets": TARGETS, "runs": []}  # fmt: skip
    reused = measured_by_run(args.reuse, args.profile, results["smoke"]) if args.reuse else {}
    trash = builds.Trash(work / ".trash")
    try:
        for entries in args.entries:
            if entries in reused:
                print(f"N={entries}: taken from {args.reuse} ({reused[entries]['date']})", flush=True)
                results["runs"].append(reused[entries])
                continue
            results["runs"].append(measure_size(work / f"n{entries}", entries, args.profile, trash))
    finally:
        trash.empty()
        if tmp:
            tmp.cleanup()
    results["bench_seconds"] = time.perf_counter() - started
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(results)
    print(text)
    if not args.no_docs:
        chart(results, CHART)
        doc = DOCS.read_text(encoding="utf-8")
        DOCS.write_text(report.replace_block(doc, START, END, text), encoding="utf-8")


if __name__ == "__main__":
    main()
