"""Pagefind is stopped only once every file of its index is written: concurrent indexings all
succeed, a slow disk is waited for, and the output is the same bytes every time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.conftest import write

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

def copy_slowly(shadow, target):
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
        shadow = target.with_name(target.name + "-shadow")
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
