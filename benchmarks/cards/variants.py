"""Milliseconds per image of each network shape (cards/variants.py), drawn on one core.

    .venv/bin/python benchmarks/cards/variants.py [--repeat 20]

Draws a webinar card and a quote at 1.91:1, 1:1, 4:5 and 9:16, one after the other in this
process (no pool: one core), and prints the best and median CPU time per image
(`time.process_time`: wall time on a shared 2-core machine measures the neighbours) and
the PNG's size. `make bench` runs it after the build benchmark. Target: at most 10 ms an
image.
"""

from __future__ import annotations

import argparse
import statistics
import time

from cercle.cards.batch import CardJob
from cercle.cards.draw import render
from cercle.cards.plan import Card
from cercle.cards.spec import Brand, CardSpec
from cercle.cards.variants import SHAPES, _reshaped

BRAND = Brand()
SPECS = {
    "card": CardSpec(
        "og",
        "webinar",
        "fr",
        "Le cercle vertueux des programmes ambassadeurs",
        BRAND,
        eyebrow="Webinaire",
        subtitle="Des besoins partagés entre l’organisation et ses volontaires.",
        facts=("Jeudi 13 octobre 2022 · 12 h 30", "Avec Stéphanie Ledoux, Patrice Laubignat"),
        footer="cercle.example.org",
    ),
    "quote": CardSpec(
        "quote",
        "quote",
        "fr",
        "Un programme ambassadeurs qui réussit repose sur un cercle vertueux.",
        BRAND,
        eyebrow="Stéphanie Ledoux",
        subtitle="Le cercle vertueux",
        footer="cercle.example.org",
    ),
}
OWN = {"card": "1.91:1", "quote": "1:1"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print("| image | shape | size | best CPU ms | median CPU ms | KB |")
    print("|---|---|---|---:|---:|---:|")
    worst = 0.0
    for name, spec in SPECS.items():
        for shape in SHAPES:
            card = Card(CardJob(spec, "x.png"), "")
            drawn = card.job.spec if shape == OWN[name] else _reshaped(card, shape).job.spec
            render(drawn)  # fonts and rings cached, as in a build
            times = []
            for _ in range(args.repeat):
                start = time.process_time()
                data = render(drawn)
                times.append((time.process_time() - start) * 1000)
            worst = max(worst, statistics.median(times))
            width, height = drawn.size
            print(
                f"| {name} | {shape} | {width}×{height} | {min(times):.1f} | {statistics.median(times):.1f} |"
                f" {len(data) / 1024:.0f} |"
            )
    print(f"\nslowest median: {worst:.1f} ms an image (target ≤ 10 ms on one core)")


if __name__ == "__main__":
    main()
