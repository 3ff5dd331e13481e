"""Cercle's cards against Material's social plugin, on the same pages, in one run.

    bash benchmarks/cards/setup.sh          # cairosvg + libcairo2 (Material's imaging extra)
    .venv/bin/python benchmarks/cards/run.py [--repeat 3]

Three builds of the demo hub, each in a fresh process and a fresh copy (cold caches):
`baseline` (no card drawn), `cercle` (cercle/cards, quote cards off so both draw one
card per page) and `social` (Material's social plugin). Card time = build time minus
the baseline's, per card; memory = peak RSS of the build process. Then each is built
again with its cache (warm).

Material's social plugin downloads its font from Google Fonts at build time and fails
offline. Here its font cache (`.cache/plugin/social/fonts/<family>/<style>.ttf`, the
layout read from material/plugins/social/plugin.py) is seeded from the same pip font as
Cercle's (Source Sans Pro), and every build runs with an unreachable proxy, so any
network access would fail the run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

# One seeding of the social plugin's fonts for both benchmarks (benchmarks/corpus.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpus import FAMILY, seed_social_fonts

ROOT = Path(__file__).resolve().parents[2]
RUNNER = """
import json, resource, sys, time, logging
logging.disable(logging.WARNING)
from mkdocs.config import load_config
from mkdocs.commands.build import build
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
start = time.perf_counter()
build(config)
seconds = time.perf_counter() - start
config.plugins.on_shutdown()
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": usage.ru_maxrss / 1024}))
"""
PLUGINS = {
    "baseline": [{"cercle/cards": {"enabled": False}}],
    "cercle": [{"cercle/cards": {"quotes": False}}],
    "social": [
        {"cercle/cards": {"enabled": False}},
        {"material/social": {"cards_layout_options": {"font_family": FAMILY}}},
    ],
}
CARDS = {"cercle": "assets/cards", "social": "assets/images/social"}


def make_project(dest: Path, variant: str) -> Path:
    shutil.copytree(ROOT / "content", dest / "content")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    hub = next(p for p in config["plugins"] if isinstance(p, dict) and "cercle/hub" in p)
    config["plugins"] = [hub, *PLUGINS[variant]]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    if variant == "social":
        seed_social_fonts(dest)
    return dest


def build(project: Path) -> dict[str, float]:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1795000000",
        "HTTP_PROXY": "http://127.0.0.1:9",  # nothing may reach the network
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "NO_PROXY": "",
    }
    args = [sys.executable, "-c", RUNNER, str(project / "mkdocs.yml"), str(project / "site")]
    proc = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"build of {project.name} failed:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def count_cards(project: Path, variant: str) -> int:
    folder = project / "site" / CARDS.get(variant, "none")
    return sum(1 for _ in folder.rglob("*.png")) if folder.is_dir() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="cercle-bench-") as tmp:
        for variant in PLUGINS:
            cold, warm, cards = [], [], 0
            for n in range(args.repeat):
                project = make_project(Path(tmp) / f"{variant}-{n}", variant)
                cold.append(build(project))
                cards = count_cards(project, variant)
                warm.append(build(project))
            results[variant] = {
                "cards": cards,
                "seconds": statistics.median(r["seconds"] for r in cold),
                "cpu": statistics.median(r["cpu"] for r in cold),
                "rss_mb": max(r["rss_mb"] for r in cold),
                "warm_seconds": statistics.median(r["seconds"] for r in warm),
            }
    base = results["baseline"]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU, median of {args.repeat} cold builds\n")
    print("| build | cards | build s | ms per card | CPU ms per card | peak RSS MB (+ baseline) | warm s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for variant, r in results.items():
        per_card = cpu_per_card = "—"
        if r["cards"]:
            per_card = f"{1000 * (r['seconds'] - base['seconds']) / r['cards']:.1f}"
            cpu_per_card = f"{1000 * (r['cpu'] - base['cpu']) / r['cards']:.1f}"
        rss = f"{r['rss_mb']:.0f} (+{r['rss_mb'] - base['rss_mb']:.0f})"
        print(
            f"| {variant} | {r['cards']:.0f} | {r['seconds']:.2f} | {per_card} | {cpu_per_card} | {rss} |"
            f" {r['warm_seconds']:.2f} |"
        )


if __name__ == "__main__":
    main()
