"""Shared helpers: copy the demo hub, build it with the real MkDocs, read the HTML."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Chromium/Playwright fixtures (browser, page, serve_dir): one definition for tests/browser and
# tests/quality, since Playwright's sync API allows one running instance per process.
pytest_plugins = ["tests.browser.fixtures"]

ROOT = Path(__file__).resolve().parents[1]

# A suite started in the background by a shell without job control (`make test &` in a script,
# some CI runners) inherits SIGINT ignored, and so would each `cercle serve` it starts: Python
# then sets no Ctrl+C handler, and every test that stops a server with SIGINT (as a reader's
# Ctrl+C) would wait out its 30 s timeout before killing it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# The demo's "today": the 2027 webinar is upcoming, the 2020 and 2022 ones are past.
DEMO_EPOCH = "1795000000"  # 2026-11-17


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Result:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": DEMO_EPOCH}
    full_env.update(env or {})
    proc = subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def bin_path(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def mkdocs_build(
    project: Path, site: Path | None = None, strict: bool = True, tool: str = "mkdocs"
) -> Result:
    site = site or project / "site"
    args = [bin_path(tool), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    args.append("--strict" if strict else "--no-strict")
    return run(args, cwd=project)


def cercle(project: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return run([bin_path("cercle"), *args], cwd=project, env={"CERCLE_LANG": "en", **(env or {})})


def copy_demo(dest: Path) -> Path:
    """A writable copy of the demo hub (content/ and mkdocs.yml)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# `make test` runs `pytest -n 3 --dist loadfile` (pyproject.toml): each test file runs on one
# worker, so a site a module-scoped fixture builds is built once, not once per worker (xdist's
# xdist_group marks no longer group anything under pytest 9.2: xdist 3.8 renames `_nodeid`, which
# pytest no longer reads). The files that take longest start first, so that neither worker is
# left with one of them at the end while the others have nothing to do (from `--durations` and
# per-test CPU seconds, session 7); the rest keep their order.
SLOW_FIRST = (
    "tests/quality/test_page_types.py",
    "tests/integration/test_cli_import.py",
    "tests/quality/test_accessibility.py",
    "tests/integration/test_parallel_render.py",
    "tests/integration/test_cli_serve.py",
    "tests/quality/test_speed.py",
    "tests/quality/test_hostile.py",
    "tests/integration/test_review_gate.py",
    "tests/integration/test_cli_build.py",
    "tests/integration/test_page_reuse.py",
    "tests/integration/test_build_lock.py",
    "tests/integration/test_serve_incremental.py",
    "tests/integration/test_compliance.py",
    "tests/integration/test_search_index.py",
    "tests/quality/test_mobile.py",
    "tests/quality/test_layout.py",
    "tests/quality/test_privacy.py",
    "tests/integration/test_booklet.py",
    "tests/browser/test_replay.py",
)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        module = item.nodeid.split("::", 1)[0]
        return SLOW_FIRST.index(module) if module in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)  # stable: within a file and among the others, the order is kept


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo hub built once with --strict; tests read its HTML."""
    project = copy_demo(tmp_path_factory.mktemp("demo"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    return project / "site"


@pytest.fixture
def demo_project(tmp_path: Path, demo_site: Path) -> Path:
    """A writable copy of the demo hub, with the caches (.cache/) its `demo_site` build left.

    A build then draws only what the test changed (cards, slides, pictures are keyed by their
    inputs; tests/quality/test_reproducible.py proves a warm build equals a cold one), which
    halves the time of each demo build. A test about a first, cold build uses `copy_demo`."""
    return warm_copy(tmp_path / "hub", demo_site)


def warm_copy(dest: Path, demo_site: Path) -> Path:
    """`copy_demo` plus the caches demo_site's build left (see `demo_project`)."""
    project = copy_demo(dest)
    shutil.copytree(demo_site.parent / ".cache", project / ".cache", symlinks=True)
    return project


@dataclass(frozen=True)
class Served:
    base: str  # "http://127.0.0.1:PORT", no trailing slash
    site: Path

    def url(self, path: str) -> str:
        return f"{self.base}/{path}"


def build_served(tmp: Path, demo_site: Path) -> tuple[Served, object]:
    """The demo served and built for the server's origin (with the caches of demo_site's cold
    build: pages differ by their origin, most pictures do not); see `serve_project`."""
    return serve_project(warm_copy(tmp / "hub", demo_site))


def serve_project(project: Path) -> tuple[Served, object]:
    """Start a server on a free port, then build `project` for that origin into it."""
    from tests.browser.fixtures import start_static_server  # a plugin (pytest_plugins): imported once there

    site = project / "site"
    site.mkdir()
    base, stop = start_static_server(site)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "site_url: https://cercle.example.org/" in text
    config.write_text(text.replace("https://cercle.example.org/", f"{base}/"), encoding="utf-8")
    result = mkdocs_build(project, site)
    if result.returncode != 0:
        stop()
        pytest.fail(result.output)
    return Served(base, site), stop


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory: pytest.TempPathFactory, demo_site: Path) -> Iterator[Served]:
    """The demo served over HTTP (one per xdist worker): a static server starts first on a free
    port, then the demo is built with `site_url` set to that server's origin, into the served
    folder. So the absolute hreflang alternates are same-origin (Material's JavaScript fetches
    sitemap.xml next to each), and any request that leaves the origin is a real fault of the
    site, not an artefact of the test address."""
    served, stop = build_served(tmp_path_factory.mktemp("served"), demo_site)
    yield served
    stop()  # type: ignore[operator]
