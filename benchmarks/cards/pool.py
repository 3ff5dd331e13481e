"""Thread pool or process pool for Cercle's cards? Times both on the same cards.

.venv/bin/python benchmarks/cards/pool.py [--cards 64] [--workers 2]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from cercle.cards.batch import CardJob, render_all
from cercle.cards.spec import Brand, CardSpec


def jobs(count: int) -> list[CardJob]:
    brand = Brand()
    return [
        CardJob(
            CardSpec(
                "og",
                "webinar",
                "fr",
                f"Webinaire n° {i} : faire vivre un programme ambassadeurs dans la durée",
                brand,
                eyebrow="Webinaire",
                facts=("Jeudi 18 mars 2027", "Avec Stéphanie Ledoux, Patrice Laubignat"),
                footer="cercle.example.org",
            ),
            f"assets/cards/{i}.png",
        )
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    work = jobs(args.cards)
    rows = []
    for kind, workers in (("serial", 1), ("thread", args.workers), ("process", args.workers)):
        with tempfile.TemporaryDirectory() as cache:
            start = time.perf_counter()
            render_all(work, Path(cache), workers=workers, executor=kind, progress=False)
            elapsed = time.perf_counter() - start
        rows.append((kind, workers, elapsed))
        print(f"{kind:8} workers={workers}  {elapsed:6.2f} s  {1000 * elapsed / len(work):6.1f} ms/card")


if __name__ == "__main__":
    main()
