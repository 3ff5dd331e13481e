"""Pages read and rendered in several processes (cercle/hub `processes`): the same site,
the same warnings, and a clear failure when a worker fails or dies."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from tests.conftest import ROOT, bin_path, cercle, copy_demo, mkdocs_build, run, warm_copy, write

from cercle.mkdocs.parallel import process_count, shares

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="forked rendering is Linux-only")


def _with_processes(project: Path, count: int, extra: str = "") -> Path:
    """`project` rendering its pages in `count` processes, every page rendered (none reused:
    these tests are about rendering; the caches of demo_site's build spare drawing the cards)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "      languages: [fr, en]\n",
        f"      languages: [fr, en]\n      processes: {count}\n      reuse_pages: false\n",
        1,
    )
    config.write_text(text + extra, encoding="utf-8")
    return project


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


# A link to a missing page is stopped by `cercle check` before MkDocs runs: a hook warns instead,
# from whichever process renders the entry.
WARN_HOOK = """
import logging


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.count("/") == 2 and not page.file.src_uri.endswith("index.md"):
        logging.getLogger("mkdocs.hooks.pages").warning("no-such-page in %s", page.file.src_uri)
    return markdown
"""


def _break_links(project: Path) -> int:
    """Every entry links to a missing anchor and to a real one, and a hook warns once per entry."""
    entries = sorted((project / "content").glob("*/*/*.md"))
    for path in entries:
        depth = "../" * (len(path.relative_to(project / "content").parts) - 1)
        target = f"{depth}fr/guides/organisation-holomidale-programme-ambassadeurs.md"
        links = f"[lost]({target}#no-such-anchor) [real]({target}#trois-principes)"
        path.write_text(path.read_text(encoding="utf-8") + f"\n\n{links}\n", encoding="utf-8")
    write(project / "warn_hook.py", WARN_HOOK)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - warn_hook.py\n", encoding="utf-8")
    return len(entries)


def _warnings(output: str) -> list[str]:
    """MkDocs' warnings (not cercle check's, given once by the parent before the pages)."""
    return sorted(
        line
        for line in output.splitlines()
        if line.startswith(("WARNING", "INFO")) and "no-such" in line and not re.search(r"\.md:\d+: ", line)
    )


def test_two_processes_build_the_same_site_and_warnings_reach_the_console_once(tmp_path, demo_site):
    one = _with_processes(warm_copy(tmp_path / "one", demo_site), 1, "\nvalidation:\n  anchors: warn\n")
    two = _with_processes(warm_copy(tmp_path / "two", demo_site), 2, "\nvalidation:\n  anchors: warn\n")
    guide = one / "content/fr/guides/organisation-holomidale-programme-ambassadeurs.md"
    assert re.search(r"^## Trois principes", guide.read_text(encoding="utf-8"), re.M), (
        "the anchor the test links to"
    )
    entries = _break_links(one)
    _break_links(two)
    sequential = mkdocs_build(one, strict=False)
    parallel = mkdocs_build(two, strict=False)
    assert sequential.returncode == 0 and parallel.returncode == 0, parallel.output
    expected = _warnings(sequential.output)
    # One missing page and one missing anchor per entry; the real anchor is never reported.
    assert len([w for w in expected if "no-such-page" in w]) == entries
    assert len([w for w in expected if "no-such-anchor" in w]) == entries
    assert _warnings(parallel.output) == expected
    assert "which is excluded from the built site" not in parallel.output
    first, second = _files(one / "site"), _files(two / "site")
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert not different, different[:5]
    # Strict mode counts the workers' warnings too.
    assert mkdocs_build(two, strict=True).returncode != 0


HOOK = """
import atexit, os, signal

PARENT = os.getpid()
atexit.register(lambda: os.getpid() != PARENT and print("EXIT HANDLER RAN IN A WORKER"))


def on_post_page(output, page, config):
    if os.getpid() != PARENT:
        {action}
    return output


def worker_state():
    {state}
"""


@pytest.mark.parametrize(
    ("action", "state", "said"),
    [
        ("raise ValueError('boom in a worker')", "return None", "ValueError: boom in a worker"),
        ("os.kill(os.getpid(), signal.SIGKILL)", "return None", "signal 9"),
        ("pass", "raise KeyError('boom in worker_state')", "boom in worker_state"),
    ],
    ids=["exception", "killed", "state"],
)
def test_a_failing_worker_fails_the_build_with_a_clear_message(tmp_path, demo_site, action, state, said):
    project = _with_processes(warm_copy(tmp_path / "hub", demo_site), 2, "\nhooks:\n  - hook.py\n")
    write(project / "hook.py", HOOK.replace("{action}", action).replace("{state}", state))
    result = run([bin_path("mkdocs"), "build", "--strict"], cwd=project, env={"CERCLE_LANG": "fr"})
    assert result.returncode != 0
    assert "le rendu des pages en parallèle a échoué" in result.output  # the locale's language
    assert said in result.output
    assert "Traceback" not in result.output
    assert "EXIT HANDLER RAN IN A WORKER" not in result.output  # a worker never runs the parent's exit


PIDS_HOOK = """
import os
from pathlib import Path


def on_post_page(output, page, config):
    with open(Path(config.config_file_path).parent / "pids.txt", "a") as pids:
        pids.write(f"{os.getpid()}\\n")
    return output
"""


def test_cercle_build_renders_in_two_processes_and_a_failure_leaves_nothing_behind(tmp_path, demo_site):
    project = _with_processes(warm_copy(tmp_path / "hub", demo_site), 2, "\nhooks:\n  - hook.py\n")
    write(project / "hook.py", PIDS_HOOK)
    result = cercle(project, "build", "-d", str(tmp_path / "out"))
    assert result.returncode == 0, result.output
    assert len(set((project / "pids.txt").read_text().split())) == 2  # cercle build forked too

    # A build that fails once the cards are being drawn stops them: no half folder remains.
    write(project / "hook.py", "def on_env(env, config, files):\n    raise RuntimeError('stop here')\n")
    result = cercle(project, "build", "-d", str(tmp_path / "again"))
    assert result.returncode != 0 and "stop here" in result.output
    # `out` is a link to its version in .out.versions; the failed build left nothing.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.versions", "hub", "out"]


def test_processes_are_used_only_where_safe():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert process_count(0, "serve", 5000, config) == 1  # never fork a server's threads
    assert process_count(0, "build", 50, config) == 1  # too few pages to pay for a fork
    assert process_count(1, "build", 5000, config) == 1
    assert process_count(3, "build", 5000, config) == 3
    assert 1 <= process_count(0, "build", 5000, config) <= 4  # one per CPU


def test_an_unknown_plugin_keeps_one_process_unless_asked(tmp_path):
    project = copy_demo(tmp_path / "hub")
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("plugins:\n", "plugins:\n  - search\n", 1),
        encoding="utf-8",
    )
    config = load_config(str(project / "mkdocs.yml"))
    said: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    hub_log = logging.getLogger("mkdocs.plugins.cercle.hub")  # mkdocs' logger does not propagate
    hub_log.addHandler(handler)
    level, hub_log.level = hub_log.level, logging.INFO
    try:
        assert process_count(0, "build", 5000, config) == 1
    finally:
        hub_log.removeHandler(handler)
        hub_log.setLevel(level)
    assert any("search" in line and "processes: 2" in line for line in said), said  # names it, says the risk
    assert process_count(2, "build", 5000, config) == 2


def test_pages_are_dealt_evenly():
    dealt = shares(list(range(10)), 3)
    assert dealt == [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]
