"""Measurements: a process tree's wall time and peak memory; the bytes of one search in Chromium."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
SEARCH_FILES = {  # what each side's search fetches (URL fragments)
    "cercle": ("/pagefind/",),
    "reference": ("/search/search_index.json", "/workers/search.", "/lunr/"),
}


@dataclass
class Run:
    returncode: int
    seconds: float
    peak_rss: int  # bytes, summed over the process tree at its largest
    output: str
    peak_pss: int = 0  # the same with each shared page counted once (0: not measured)
    cpu_seconds: float = 0.0  # user + system of the whole tree (every process reaped in it)


def _family(proc: object) -> list:
    import psutil

    try:
        return [proc, *proc.children(recursive=True)]  # type: ignore[attr-defined]
    except psutil.Error:
        return []


def _tree_rss(family: list) -> int:
    import psutil

    total = 0
    for member in family:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def _tree_pss(family: list) -> int:
    """PSS (proportional set size, Linux) of the processes, summed; 0 where not available.

    A forked worker's RSS counts again every page it still shares with its parent; PSS
    divides each shared page among the processes that map it, so the sum is the memory the
    tree really takes. Reading it walks the page tables (~4 ms for 300 MB), so it is
    sampled less often than RSS: sampling it every 20 ms took most of a core.
    """
    total = 0
    for member in family:
        try:
            with open(f"/proc/{member.pid}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError):
            return 0
    return total


def run(
    args: list[str], cwd: Path, env: dict[str, str], interval: float = 0.02, pss_interval: float = 0.25
) -> Run:
    """Run a command; sample the RSS of it and its children (psutil) every `interval` seconds,
    their PSS every `pss_interval` seconds.

    Without psutil (it is a bench-only package), the peak RSS of the largest single child
    process is reported instead (getrusage).
    """
    start = time.perf_counter()
    before = _children_cpu()
    with open(os.devnull, "rb") as stdin:
        try:
            import psutil
        except ImportError:
            psutil = None  # type: ignore[assignment]
        if psutil is None:
            proc = subprocess.run(args, cwd=cwd, env=env, stdin=stdin, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
            cpu = _children_cpu() - before
            return Run(proc.returncode, seconds, peak, proc.stdout + proc.stderr, cpu_seconds=cpu)
        log = Path(cwd) / ".bench-build.log"
        with open(log, "w") as out:
            proc = psutil.Popen(args, cwd=cwd, env=env, stdin=stdin, stdout=out, stderr=subprocess.STDOUT)
            peak = peak_pss = 0
            next_pss = 0.0
            while proc.poll() is None:
                family = _family(proc)
                peak = max(peak, _tree_rss(family))
                if time.perf_counter() >= next_pss:
                    peak_pss = max(peak_pss, _tree_pss(family))
                    next_pss = time.perf_counter() + pss_interval
                time.sleep(interval)
            seconds = time.perf_counter() - start
        output = log.read_text(errors="replace")
        return Run(proc.returncode, seconds, peak, output, peak_pss, _children_cpu() - before)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _transfer_size(body: bytes) -> int:
    """Bytes on the wire with gzip: files already gzipped (Pagefind's) count as they are."""
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 6))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _search_once(browser: object, base: str, path: str, side: str, query: str) -> dict:
    context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    seen: dict[str, int] = {}

    def on_response(response: object) -> None:
        url = response.url  # type: ignore[attr-defined]
        if any(part in url for part in SEARCH_FILES[side]):
            with contextlib.suppress(Exception):  # a redirect or an aborted request has no body
                seen[url] = _transfer_size(response.body())  # type: ignore[attr-defined]

    context.on("response", on_response)
    page.goto(base + path, wait_until="load")
    if side == "cercle":
        page.keyboard.press("/")
        page.locator("#cercle-search-input").fill(query)
        page.wait_for_selector(".cercle-search__results li", timeout=30_000)
    else:
        page.keyboard.press("/")  # Material's shortcut opens its search
        box = page.locator("input.md-search__input")
        # Material reads the query on key events (fill() sends none) and drops what is typed
        # before its search worker is ready: type it, again until it answers.
        for attempt in range(12):
            box.fill("")
            box.press_sequentially(query, delay=20)
            try:
                page.wait_for_selector(".md-search-result__item", timeout=5_000)
                break
            except Exception:
                if attempt == 11:
                    raise
    page.wait_for_load_state("networkidle")
    time.sleep(0.3)
    context.close()
    files = {url.split("/", 3)[-1]: size for url, size in sorted(seen.items())}
    return {"query": query, "bytes": sum(files.values()), "requests": len(files), "files": files}


def search_download(site: Path, side: str, pages: list[Path], queries: dict[str, str]) -> dict:
    """Open an entry page per language in Chromium, run one search, sum what search fetched."""
    if not os.access(CHROMIUM, os.X_OK):
        return {"skipped": f"no Chromium at {CHROMIUM}"}
    from playwright.sync_api import sync_playwright

    server, base = _serve(site)
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for lang, query in queries.items():
                page = next((pg for pg in sorted(pages) if _lang_of(site, pg, side) == lang), None)
                if page is None:
                    continue
                path = "/" + page.parent.relative_to(site).as_posix() + "/"
                results[lang] = _search_once(browser, base, path, side, query)
            browser.close()
    finally:
        server.shutdown()
    return results


def _lang_of(site: Path, page: Path, side: str) -> str:
    first = page.relative_to(site).parts[0]
    if side == "cercle":
        return first
    return "en" if first == "en" else "fr"
