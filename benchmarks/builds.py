"""One benchmark run at one size: the builds of both sides, alternating, and what they wrote.

Each build is a fresh process (`cercle build` or `mkdocs build`); its wall time, the CPU
time and the peak memory of its whole process tree are measured (benchmarks/measure.py).
Cercle's builds run with CERCLE_PHASES set, so each writes its per-phase profile
(cercle.core.phases) next to the corpus.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import corpus
import measure

LANGS = corpus.LANGS
OVERLAPPING = ("cards_background", "build_process")  # phases whose wall overlaps others'
KINDS = {  # output files by kind (their extension); the rest is "other"
    "html": (".html",), "png": (".png",), "jpeg": (".jpg", ".jpeg"), "webp": (".webp",),
    "pdf": (".pdf",), "js": (".js",), "css": (".css",), "json": (".json",),
    "xml": (".xml",), "ics": (".ics",), "vtt": (".vtt",), "fonts": (".woff", ".woff2", ".ttf"),
}  # fmt: skip


def env(phases: Path | None = None) -> dict[str, str]:
    values = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": corpus.SOURCE_DATE_EPOCH,
        "HTTP_PROXY": "http://127.0.0.1:9",  # nothing may reach the network
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "NO_PROXY": "",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    values.pop("CERCLE_PHASES", None)
    if phases is not None:
        values["CERCLE_PHASES"] = str(phases)
    return values


class Trash:
    """Where a run puts what it removes between timed builds (sites, caches, corpora), emptied
    once nothing is timed any more.

    Removing thousands of files right before a timed build slows every file that build creates:
    ext4 without a journal (this machine's disk) passes over the inodes freed in the last minutes
    when it allocates one (the kernel's `recently_deleted`). Removing the last site before each
    build cost a warm `cercle build` at 200 entries 2 to 3 of its 5 seconds, in the kernel, and
    the reference, which writes a quarter as many files, little: the run measured its own
    clean-up. Moved aside (a rename), nothing is freed until `empty`. Without a folder, removed
    at once (the smoke test)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.count = 0

    def put(self, path: Path) -> None:
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif not path.is_dir():
            return
        elif self.folder is None:
            shutil.rmtree(path, ignore_errors=True)
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.count += 1
            path.rename(self.folder / f"{self.count}-{path.name}")

    def empty(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def build(
    project: Path, config: str = "mkdocs.yml", command: str = "mkdocs", trash: Trash | None = None
) -> dict:
    """One build in a fresh process: wall and CPU seconds, peak memory (MB) of its process tree,
    and for Cercle its phases."""
    trash, site = trash or Trash(), project / "site"
    trash.put(site)  # `cercle build` publishes a link to a version folder
    trash.put(project / ".site.versions")
    phases = project / ".bench-phases.json" if command == "cercle" else None
    if phases is not None:
        phases.unlink(missing_ok=True)
    if command == "cercle":
        args = [sys.executable, "-m", "cercle.cli", "build", "-f", str(project / config), "-d", str(site)]
    else:
        args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / config), "-d", str(site)]
    result = measure.run(args, cwd=project, env=env(phases))
    if result.returncode != 0:
        raise SystemExit(f"build of {project.name} ({config}) failed:\n{result.output[-4000:]}")
    run = {
        "seconds": result.seconds,
        "cpu_seconds": result.cpu_seconds,
        "rss_mb": result.peak_rss / 2**20,
        "pss_mb": (result.peak_pss or result.peak_rss) / 2**20,
    }
    if phases is not None and phases.is_file():
        run["phases"] = json.loads(phases.read_text(encoding="utf-8"))
    return run


def cold(project: Path, side: str, trash: Trash | None = None) -> None:
    """Empty the build caches (the social plugin's fonts stay: they stand for the download)."""
    (trash or Trash()).put(project / ".cache")
    if side == "reference":
        corpus.seed_social_fonts(project)


def run_builds(
    work: Path,
    repeat: int,
    sides: list[str],
    cards: bool,
    command: str,
    trash: Trash | None = None,
    warm_repeat: int = 0,
) -> dict[str, list[dict]]:
    """`repeat` rounds of every build, alternating the sides, and warm builds alone (Cercle's
    warm, the reference without cards) until there are `warm_repeat` of each: they take
    seconds, and a single one of a few seconds is mostly noise. The reference's come first,
    Cercle's last: each side's site is measured after its last build, which must be the
    reference's with cards (session 15's run measured it after one without: the variants'
    output ratios were overstated)."""
    runs: dict[str, list[dict]] = {}
    cercle, reference = work / "cercle", work / "reference"

    def cercle_side() -> None:
        cold(cercle, "cercle", trash)
        runs.setdefault("cercle_cold", []).append(build(cercle, command=command, trash=trash))
        runs.setdefault("cercle_warm", []).append(build(cercle, command=command, trash=trash))

    def reference_side() -> None:  # with cards last: that site is the one measured
        runs.setdefault("reference_nocards", []).append(build(reference, "mkdocs-nocards.yml", trash=trash))
        if cards:
            cold(reference, "reference", trash)
            runs.setdefault("reference_cold", []).append(build(reference, trash=trash))

    order = [("cercle", cercle_side), ("reference", reference_side)]
    order = [(name, fn) for name, fn in order if name in sides]

    def timed_run(label: str, fn: Callable[[], None]) -> None:
        start = time.perf_counter()
        fn()
        print(f"  {label} in {time.perf_counter() - start:.1f} s", flush=True)

    def reference_nocards() -> None:
        runs.setdefault("reference_nocards", []).append(build(reference, "mkdocs-nocards.yml", trash=trash))

    def cercle_warm() -> None:
        runs.setdefault("cercle_warm", []).append(build(cercle, command=command, trash=trash))

    extra = max(0, warm_repeat - repeat)
    for n in range(extra if "reference" in sides else 0):
        timed_run(f"warm {n + 1}/{extra}: reference without cards", reference_nocards)
    for n in range(repeat):
        for name, fn in order if n % 2 == 0 else reversed(order):
            timed_run(f"run {n + 1}/{repeat}: {name}", fn)
    for n in range(extra if "cercle" in sides else 0):
        timed_run(f"warm {n + 1}/{extra}: cercle", cercle_warm)
    return runs


def phase_table(runs: list[dict]) -> dict[str, dict[str, float]]:
    """Per phase, the median over the runs of its wall and CPU seconds (workers: summed)."""
    found: dict[str, dict[str, list[float]]] = {}
    for run in runs:
        data = run.get("phases")
        if not data:
            continue
        main = data.get("main", {})
        # What no phase covers in the main process: start-up, imports, configuration.
        # cards_background overlaps the pages; build_process (`cercle build` waiting for its
        # forked build) overlaps that build's own phases, which are in `main` too.
        covered = sum(row["wall"] for name, row in main.items() if name not in OVERLAPPING)
        totals: dict[str, dict[str, float]] = {
            "other": {"wall": max(0.0, run["seconds"] - covered), "cpu": 0.0}
        }
        for process in [main, *data.get("workers", [])]:
            for name, row in process.items():
                into = totals.setdefault(name, {"wall": 0.0, "cpu": 0.0})
                into["wall"] += row["wall"]
                into["cpu"] += row["cpu"]
        for name, row in totals.items():
            for key in ("wall", "cpu"):
                found.setdefault(name, {"wall": [], "cpu": []})[key].append(row[key])
    return {
        name: {key: round(statistics.median(values), 3) for key, values in row.items() if values}
        for name, row in sorted(found.items())
    }


def summarize(runs: list[dict]) -> dict:
    out = {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "cpu_seconds": statistics.median(r.get("cpu_seconds", 0.0) for r in runs),
        "rss_mb": statistics.median(r["rss_mb"] for r in runs),
        "pss_mb": statistics.median(r.get("pss_mb", r["rss_mb"]) for r in runs),
        "runs": [round(r["seconds"], 2) for r in runs],
    }
    phases = phase_table(runs)
    if phases:
        out["phases"] = phases
    return out


def entry_pages(work: Path, side: str) -> list[Path]:
    site = work / side / "site"
    if side == "cercle":
        content = work / "cercle/content"
        return [
            site / lang / md.parent.name / md.stem / "index.html"
            for lang in LANGS
            for md in (content / lang).glob("*/*.md")
            if md.name != "index.md"
        ]
    pages = []
    for md in (work / "reference/docs").glob("*/*.md"):
        stem, lang = md.name.removesuffix(".md").rsplit(".", 1)
        prefix = site if lang == "fr" else site / lang
        pages.append(prefix / md.parent.name / stem / "index.html")
    return pages


def output(site: Path) -> dict:
    """Bytes and files of the built site, in total and by kind."""
    kinds: dict[str, dict[str, int]] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        suffix = path.suffix.lower()
        kind = next((k for k, ends in KINDS.items() if suffix in ends), "other")
        if "pagefind" in path.relative_to(site).parts[:1]:
            kind = "search index"
        row = kinds.setdefault(kind, {"bytes": 0, "files": 0})
        row["bytes"] += path.stat().st_size
        row["files"] += 1
    return {
        "output_bytes": sum(r["bytes"] for r in kinds.values()),
        "output_files": sum(r["files"] for r in kinds.values()),
        "by_kind": dict(sorted(kinds.items(), key=lambda kv: -kv[1]["bytes"])),
    }


def side_info(work: Path, side: str) -> dict:
    site = work / side / "site"
    pages = [p for p in entry_pages(work, side) if p.is_file()]
    sizes = [p.stat().st_size for p in pages]
    folder = site / ("assets/cards" if side == "cercle" else "assets/images/social")
    # Any page, listings included: none may grow with N (listings go on over numbered pages).
    html = max(((p.stat().st_size, p) for p in site.rglob("*.html")), default=None)
    return {
        **output(site),
        "entry_pages": len(pages),
        "entry_html_bytes_median": statistics.median(sizes) if sizes else None,
        "entry_html_bytes_max": max(sizes) if sizes else None,
        "entry_html_gzip_median": statistics.median(len(gzip.compress(p.read_bytes())) for p in pages)
        if pages
        else None,
        # A replay's transcript lines, on their own page (<entry>/transcript/), loaded on demand.
        "transcript_html_bytes_max": max(
            (p.stat().st_size for p in site.glob("*/*/*/transcript/index.html")), default=None
        ),
        "cards": sum(1 for _ in folder.rglob("*.png")) if folder.is_dir() else 0,
        "html_bytes_max": html[0] if html else None,
        "html_max_page": html[1].relative_to(site).as_posix() if html else None,
    }
