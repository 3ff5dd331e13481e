"""Pagefind is stopped only once every file of its index is written: concurrent indexings all
succeed, a slow disk is waited for, and the output is the same bytes every time, whatever
order the file system lists the site in."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.conftest import write

from cercle.search.reproducible import read_record

INDEX = """
import sys
from pathlib import Path
from cercle.mkdocs.search.config import DEFAULT_EXCLUDE
from cercle.search.indexer import SearchIndexError, index_site
try:
    index_site(Path(sys.argv[1]), exclude_selectors=DEFAULT_EXCLUDE, timeout=120)
except SearchIndexError as exc:
    sys.exit(exc.render("en"))
"""

# Real Pagefind behind a relay that answers `WriteFiles` at once, then puts the files in place
# slowly, the entry file first and the rest cut in two: what a busy disk does behind Pagefind's
# early answer. A process stopped too early leaves the output half written.
SLOW_DISK = """#!{python}
import base64, json, os, shutil, subprocess, sys, threading, time
from pathlib import Path
os.environ.pop("PAGEFIND_BINARY_PATH")
from pagefind.service import get_executable
real = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
pending = {{}}

def messages(stream):
    data = b""
    while chunk := stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536):
        data += chunk
        while b"," in data:
            message, data = data.split(b",", 1)
            yield message

def decode(message):
    return json.loads(base64.b64decode(message))

def encode(value):
    return base64.b64encode(json.dumps(value).encode()) + b","

def settled(shadow):
    # Pagefind answers before its own writes end (the point of this test): copy only what it
    # has finished, or an empty file read too early would be copied for good.
    sizes = None
    for _ in range(600):
        now = sorted((str(p), p.stat().st_size) for p in shadow.rglob("*") if p.is_file())
        entry = shadow / "pagefind-entry.json"
        try:
            whole = entry.is_file() and json.loads(entry.read_bytes()) is not None
        except ValueError:
            whole = False
        if whole and now == sizes:
            return
        sizes = now
        time.sleep(0.1)

def copy_slowly(shadow, target):
    settled(shadow)
    files = sorted(p for p in shadow.rglob("*") if p.is_file())
    files.sort(key=lambda p: p.name != "pagefind-entry.json")
    for path in files:
        dest = target / path.relative_to(shadow)
        dest.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        with dest.open("wb") as out:
            out.write(data[: len(data) // 2]); out.flush(); time.sleep(0.02)
            out.write(data[len(data) // 2 :])

def answers():
    for message in messages(real.stdout):
        reply = decode(message)
        sys.stdout.buffer.write(message + b","); sys.stdout.buffer.flush()
        if reply.get("message_id") in pending:
            copy_slowly(*pending.pop(reply["message_id"]))

threading.Thread(target=answers, daemon=True).start()
for message in messages(sys.stdin.buffer):
    request = decode(message)
    payload = request["payload"]
    if payload.get("type") == "WriteFiles":
        target = Path(payload["output_path"])
        # One shadow per request: Cercle indexes one language at a time, and a language's
        # files may still be copying when the next one is written.
        shadow = target.with_name(f"{{target.name}}-shadow-{{request['message_id']}}")
        pending[request["message_id"]] = (shadow, target)
        payload["output_path"] = str(shadow)
        message = encode(request)[:-1]
    real.stdin.write(message + b","); real.stdin.flush()
"""


def small_site(root: Path, demo_site: Path) -> Path:
    """A copy of the demo site's HTML pages only (no index yet)."""
    site = root / "site"
    shutil.copytree(demo_site, site, ignore=shutil.ignore_patterns("pagefind", "*.png", "*.pdf", "*.jpg"))
    return site


def index(site: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", INDEX, str(site)],
        capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})},
    )


def output(site: Path) -> dict[str, bytes]:
    folder = site / "pagefind"
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def test_concurrent_indexings_all_succeed_with_identical_output(demo_site: Path, tmp_path: Path):
    outputs = []
    for round_ in range(3):
        sites = [small_site(tmp_path / f"r{round_}-{i}", demo_site) for i in range(6)]
        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(pool.map(index, sites))
        failures = [r.stderr for r in results if r.returncode != 0]
        assert failures == []
        outputs += [output(site) for site in sites]
    assert len(outputs[0]) > 20 and all(o == outputs[0] for o in outputs)
    assert outputs[0] == output(demo_site)  # the same bytes as the build's own index


def test_a_slow_disk_is_waited_for(demo_site: Path, tmp_path: Path):
    relay = write(tmp_path / "slow-pagefind", SLOW_DISK.format(python=sys.executable))
    relay.chmod(0o755)
    site = small_site(tmp_path, demo_site)
    result = index(site, env={"PAGEFIND_BINARY_PATH": str(relay)})
    assert result.returncode == 0, result.stderr
    assert output(site) == output(demo_site)


def copy_in_order(demo_site: Path, site: Path, reverse: bool) -> list[str]:
    """Copy the pages one by one in the given order; tmpfs lists a folder in creation order."""
    pages = sorted(demo_site.rglob("*.html"), reverse=reverse)
    for page in pages:
        write(site / page.relative_to(demo_site), page.read_text(encoding="utf-8"))
    return [entry.name for entry in os.scandir(site / "fr")]


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="needs a tmpfs at /dev/shm")
def test_output_does_not_depend_on_the_listing_order(demo_site: Path):
    root = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        sites = [root / "a", root / "b"]
        listings = [copy_in_order(demo_site, sites[0], False), copy_in_order(demo_site, sites[1], True)]
        assert listings[0] != listings[1]  # the file system does list them in two orders
        for site in sites:
            assert index(site).returncode == 0
        assert output(sites[0]) == output(sites[1])
        # Pages are numbered by URL, and the date sort still follows the dates.
        meta = {k: v for k, v in output(sites[0]).items() if k.startswith("pagefind.fr_")}
        record = read_record(sites[0] / "pagefind" / next(iter(meta)))
        urls = [fragment_url(sites[0], page[0]) for page in record[1]]
        assert urls == sorted(urls)
        dates = [date_of(sites[0], urls[n]) for n in dict(record[4])["date"]]
        assert dates == sorted(dates, reverse=dates[0] > dates[-1]) and len(set(dates)) > 1
    finally:
        shutil.rmtree(root)


def fragment_url(site: Path, name: str) -> str:
    raw = gzip.decompress((site / "pagefind" / "fragment" / f"{name}.pf_fragment").read_bytes())
    return json.loads(raw[len(b"pagefind_dcd") :])["url"]


def date_of(site: Path, url: str) -> str:
    html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    return html.split('data-pagefind-sort="date">', 1)[1].split("<", 1)[0]
