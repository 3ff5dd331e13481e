"""Edit-to-reload time of `cercle serve`: from saving a file to the server serving the new HTML.

    .venv/bin/python benchmarks/preview.py                 # the demo hub
    .venv/bin/python benchmarks/preview.py --entries 500   # a generated corpus (benchmarks/corpus.py)

Starts `cercle serve` on a copy of the project, on 127.0.0.1 and a free port (nothing else is
reached), then, for one entry per language, `--repeat` times: appends a line with a new marker
to the entry's file and polls its page until the marker is served. Prints, per language, the
median / min / max of that time and MkDocs' own "Documentation built in" time of the rebuilds
(the rest is noticing the change and serving). Every wait is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

ROOT = Path(__file__).resolve().parents[1]
CERCLE = Path(sys.executable).with_name("cercle")
TARGETS = {0: 1.0}  # seconds; any generated corpus: 2.0
POLL = 0.02
# MkDocs' "Documentation built in 1.23 seconds" (a full rebuild), then the preview's own
# "Rebuilt 9 page(s) in 0.41 s" (an incremental one, from the change to the pages moved in).
BUILT = re.compile(r"(?:built in|page\(s\) in) ([\d.]+) s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


def project(work: Path, entries: int) -> Path:
    if entries:
        corpus.generate(work, entries)
        shutil.rmtree(work / "reference")
        return work / "cercle"
    dest = work / "demo"
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def pick(root: Path, lang: str) -> tuple[Path, str]:
    """One entry of the language and the URL of its page (directory URLs)."""
    for path in sorted((root / "content" / lang).glob("*/*.md")):
        if path.name != "index.md" and "draft: true" not in path.read_text(encoding="utf-8"):
            return path, "/" + path.relative_to(root / "content").with_suffix("").as_posix() + "/"
    raise SystemExit(f"no entry in content/{lang}/")


def wait_for(url: str, marker: str, timeout: float, statuses: tuple[int, ...] = (200,)) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        status, html = fetch(url)
        if status in statuses and marker in html:
            return time.monotonic() - start
        time.sleep(POLL)
    return None


def measure(root: Path, repeat: int, startup_timeout: float) -> dict:
    port = free_port()
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": corpus.SOURCE_DATE_EPOCH,
        "CERCLE_LANG": "en",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
    }
    proc = subprocess.Popen(
        [str(CERCLE), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()
    base = f"http://127.0.0.1:{port}"
    results: dict = {"languages": {}}
    try:
        files = {lang: pick(root, lang) for lang in ("fr", "en")}
        started = time.monotonic()
        # The first answer may be the error page (status 500) if the first build failed.
        first = wait_for(base + files["fr"][1], "<html", startup_timeout, (200, 500))
        if first is None or fetch(base + files["fr"][1])[0] != 200:
            raise SystemExit("cercle serve did not serve the site:\n" + "".join(lines[-20:]))
        results["startup_s"] = round(time.monotonic() - started, 2)
        for lang, (path, url) in files.items():
            times, builds = [], []
            for n in range(repeat):
                time.sleep(0.6)  # let the previous rebuild's events settle
                marker = f"preview-bench-{lang}-{n}-{time.monotonic_ns()}"
                seen = len(lines)
                with path.open("a", encoding="utf-8") as handle:
                    handle.write(f"\n{marker}\n")
                took = wait_for(base + url, marker, 120)
                if took is None:
                    raise SystemExit(f"{url}: the change was not served within 120 s")
                times.append(took)
                time.sleep(0.3)  # MkDocs logs the build time just before it reloads
                built = [m[1] for line in lines[seen:] if (m := BUILT.search(line))]
                builds.extend(float(value) for value in built[-1:])
            results["languages"][lang] = {
                "page": url,
                "median_s": round(statistics.median(times), 2),
                "min_s": round(min(times), 2),
                "max_s": round(max(times), 2),
                "build_median_s": round(statistics.median(builds), 2) if builds else None,
            }
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=0, help="entries per language (0: the demo)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    target = TARGETS.get(args.entries, 2.0)
    with tempfile.TemporaryDirectory(prefix="cercle-preview-bench-") as tmp:
        root = project(Path(tmp), args.entries)
        results = measure(root, args.repeat, startup_timeout=600)
    results.update(entries=args.entries or "demo", target_s=target)
    name = f"N={args.entries}" if args.entries else "demo"
    print(f"cercle serve, edit to reload ({name}; target <= {target} s), started in {results['startup_s']} s")
    for lang, row in results["languages"].items():
        met = "met" if row["median_s"] <= target else "NOT met"
        print(
            f"  {lang}: median {row['median_s']} s (min {row['min_s']}, max {row['max_s']}),"
            f" of which build {row['build_median_s']} s: {met}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
