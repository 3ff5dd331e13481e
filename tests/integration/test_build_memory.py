"""A one-shot build lets go of what only a next build would use; a server keeps it (issue #18).

At 10,000 entries a language, the pages' HTML and Markdown that MkDocs keeps to the end of a
build, and the parsed documents kept for the next load of the Catalog, were about 320 MB
of the build's 2.2 GB peak. A server rebuilds after every save and keeps its caches; pages keep
their HTML when a plugin from elsewhere might read it after they are written.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from tests.conftest import copy_demo, run
from tests.integration.test_compliance import minimal_plugins

# Builds the project in this process as `cercle build` (command "build") or `cercle serve`
# (command "serve") would, then reports what the process still holds. The probe is a plugin
# from elsewhere ("__main__"), so it counts as one that may read pages late, unless "known".
PROBE = textwrap.dedent(
    """
    import json, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from cercle.core.catalog import _DOCUMENTS
    from cercle.mkdocs.parallel import render

    command, report, probe = sys.argv[1], sys.argv[2], sys.argv[3]
    if probe == "known":
        render.SAFE_PLUGIN_MODULES += ("__main__",)
    seen = []

    config = load_config("mkdocs.yml", site_dir="site-" + command)
    config.plugins.on_startup(command=command, dirty=False)

    class Probe:
        def on_env(self, env, config, files):
            seen[:] = [f.page for f in files.documentation_pages()]
            return env

    config.plugins["probe"] = Probe()
    build(config)
    config.plugins.on_shutdown()
    with open(report, "w") as out:
        json.dump({
            "pages": len(seen),
            "with_html": sum(1 for p in seen if p.content is not None),
            "titled": sum(1 for p in seen if p.title),
            "documents_kept": len(_DOCUMENTS),
        }, out)
    """
)


@pytest.mark.parametrize(
    ("command", "probe", "releases"),
    [("build", "known", True), ("serve", "known", False), ("build", "unknown", False)],
)
def test_a_one_shot_build_keeps_no_page_html_and_no_parsed_documents(
    tmp_path: Path, command: str, probe: str, releases: bool
):
    project = copy_demo(tmp_path / "hub")
    minimal_plugins(project)
    (project / "probe.py").write_text(PROBE, encoding="utf-8")
    report = tmp_path / "report.json"
    result = run([sys.executable, "probe.py", command, str(report), probe], cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    held = json.loads(report.read_text(encoding="utf-8"))
    assert held["pages"] > 40
    assert held["titled"] == held["pages"]  # the nav and links of later pages keep their titles
    if releases:
        assert held["with_html"] == 0
    else:  # a server renders again; a plugin from elsewhere may read a page's HTML late
        assert held["with_html"] == held["pages"]
    if command == "build":
        assert held["documents_kept"] == 0
    else:  # a server's next rebuild reads only the saved file again
        assert held["documents_kept"] >= 10
