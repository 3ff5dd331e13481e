"""Builds of one project take turns (cercle.build.lock): a second build waits and says so
once, gives up clearly after `lock_timeout`, and builds started together all succeed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import DEMO_EPOCH, bin_path, cercle, copy_demo, mkdocs_build

from cercle.build import lock

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": DEMO_EPOCH, "CERCLE_LANG": "en"}
WAITING = "Another build of this project is running"  # ENV sets CERCLE_LANG=en


def start(args: list[str], project: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        args, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_second_build_waits_for_the_first_and_says_so_once(tmp_path):
    project = copy_demo(tmp_path / "hub")
    held = lock.acquire(project)  # another build, as far as the next one can tell
    try:
        build = start([bin_path("mkdocs"), "build", "-d", "site"], project)
        assert build.stderr is not None
        first_line = build.stderr.readline()  # blocks until the build says something
        assert WAITING in first_line, first_line
        assert not (project / "site").exists()  # it waits before it touches anything
    finally:
        held.release()
    _, rest = build.communicate(timeout=300)
    assert build.returncode == 0, rest
    assert WAITING not in rest  # said once
    assert (project / "site/index.html").is_file()


def test_a_build_gives_up_clearly_after_the_timeout(tmp_path):
    project = copy_demo(tmp_path / "hub")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("languages: [fr, en]", "languages: [fr, en]\n      lock_timeout: 0.2"))
    held = lock.acquire(project)
    try:
        for result in (mkdocs_build(project), cercle(project, "build")):
            assert result.returncode == 1 and "Traceback" not in result.output
            assert "more than 0.2 s" in result.output or "plus de 0.2" in result.output, result.output
            assert ".cache/cercle/build.lock" in result.output and "lock_timeout" in result.output
    finally:
        held.release()
    assert not (project / "site").exists()


def test_builds_started_together_all_succeed_with_the_same_output(tmp_path):
    project = copy_demo(tmp_path / "hub")
    builds = [
        start([bin_path("mkdocs"), "build", "--strict", "-d", "one"], project),
        start([bin_path("mkdocs"), "build", "--strict", "-d", "two"], project),
        start([bin_path("cercle"), "build"], project),
        start([bin_path("cercle"), "build"], project),
    ]
    for build in builds:
        out, err = build.communicate(timeout=600)
        assert build.returncode == 0, out + err
    assert snapshot(project / "one") == snapshot(project / "two")
    assert (project / "site/index.html").is_file()
    # `site` links to its version; the two cercle builds keep the current and the previous one.
    assert (project / "site").is_symlink()
    assert snapshot(project / "site") == snapshot(project / "one")
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.versions"]
    assert len(list((project / ".site.versions").iterdir())) == 2
