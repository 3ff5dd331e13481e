"""The writer's guides tell the truth: each content example is copied from a hub a test builds.

Every ```markdown and ```yaml example of docs/writer-guide.{fr,en}.md appears verbatim in a file
of tests/fixtures/writer-guide/, which passes `cercle check --strict` and `mkdocs build --strict`
with every link and image of its pages leading to a file. (```sh examples are commands, ```text
ones are command output: they are not content.)
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.conftest import ROOT, cercle, mkdocs_build
from tests.html import unresolved_links

FIXTURE = ROOT / "tests/fixtures/writer-guide"
GUIDES = [ROOT / "docs/writer-guide.fr.md", ROOT / "docs/writer-guide.en.md"]
CONTENT_LANGUAGES = {"markdown", "yaml"}


def examples(guide: Path) -> list[tuple[str, str]]:
    """(language, text) of every fenced example of a guide."""
    text = guide.read_text(encoding="utf-8")
    return [(m[1], m[2]) for m in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)]


def uncommented(text: str) -> str:
    """YAML text without its whole-line comments."""
    return re.sub(r"(?m)^[ \t]*#.*\n", "", text)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_content_example_is_in_a_fixture_file(guide: Path):
    files = [p.read_text(encoding="utf-8") for p in FIXTURE.rglob("*") if p.suffix in (".md", ".yml")]
    found = [(lang, text) for lang, text in examples(guide) if lang in CONTENT_LANGUAGES]
    assert len(found) >= 6  # front matter, share, event fields, speakers, topics, text with links
    # A YAML comment line is prose in the guide's language, not content: one topics.yml serves
    # both guides, so YAML examples are matched without their whole-line comments.
    bare = [uncommented(content) for content in files]
    for lang, text in found:
        if lang == "yaml":
            ok = any(uncommented(text) in content for content in bare)
        else:
            ok = any(text in content for content in files)
        assert ok, f"{guide.name}: not in the fixture:\n{text}"
    assert {lang for lang, _ in examples(guide)} <= CONTENT_LANGUAGES | {"sh", "text"}


def test_the_fixture_hub_builds_strictly_and_its_links_resolve(tmp_path: Path):
    project = tmp_path / "hub"
    shutil.copytree(FIXTURE, project)
    check = cercle(project, "check", "--strict")
    assert check.returncode == 0, check.output
    build = mkdocs_build(project)
    assert build.returncode == 0, build.output
    site = project / "site"
    for url in ("en/webinars/all-fields/", "fr/webinaires/tous-les-champs/"):
        count, broken = unresolved_links(site, url)
        assert broken == [] and count >= 5, (url, broken)
