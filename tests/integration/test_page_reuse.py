"""Pages reused from the last build (cercle.mkdocs.pagecache): the same site, only when safe.

The demo is built with the real `mkdocs build` several times in one project: a warm build
reuses every page and writes the same bytes as a build without the cache; an edited body
renders that page alone, an edited front matter renders them all, and each result equals a
build of a fresh copy with the same edit. A forged cache (a record whose HTML was swapped,
one signed with another key) is never published.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.conftest import bin_path, cercle, mkdocs_build, run, warm_copy
from tests.quality.gates import tree_differences

from cercle.core.cachefile import MAC_SIZE, digest

REUSED = re.compile(r"cercle/hub: (\d+) of (\d+) page\(s\) reused")
BODY = "content/fr/guides/lexique-ambassadeur.md"
OTHER = "content/en/guides/why-ambassadors-are-volunteers.md"


def build(project: Path, site: str, env: dict[str, str] | None = None) -> tuple[int, int]:
    args = [
        bin_path("mkdocs"),
        "build",
        "--strict",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(project / site),
    ]
    result = run(args, cwd=project, env=env)
    assert result.returncode == 0, result.output
    found = REUSED.search(result.output)
    assert found, result.output
    return int(found.group(1)), int(found.group(2))


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def same(a: Path, b: Path) -> None:
    differences = tree_differences(a, b)
    assert differences == [], "\n".join(differences[:20])


@pytest.fixture(scope="module")
def project(tmp_path_factory, demo_site: Path) -> Path:
    """A copy of the demo (with its caches) built once: every page recorded."""
    hub = warm_copy(tmp_path_factory.mktemp("reuse") / "hub", demo_site)
    reused, pages = build(hub, "site-1")
    # In another folder, demo_site's records apply: a page's key holds no path of the project
    # (a CI runner's checkout folder may change from one run to the next).
    assert reused == pages > 40
    return hub


def test_a_warm_build_reuses_every_page_and_writes_the_same_site(project: Path, demo_site: Path):
    same(demo_site, project / "site-1")  # pages reused in another folder: as demo_site's cold build
    reused, pages = build(project, "site-2")
    assert reused == pages
    same(project / "site-1", project / "site-2")
    records = list((project / ".cache" / "cercle" / "pages" / "records").iterdir())
    assert len(records) == pages  # the copied demo_site's records were swept


def test_an_edited_body_renders_that_page_alone_and_equals_a_fresh_build(project: Path, tmp_path, demo_site):
    paragraph = "\n\nUn paragraphe ajouté après coup, avec un [lien](#ambassadeur).\n"
    path = project / BODY
    path.write_text(path.read_text(encoding="utf-8") + paragraph, encoding="utf-8")
    reused, pages = build(project, "site-3")
    assert reused == pages - 1
    html = (project / "site-3" / "fr" / "guides" / "lexique-ambassadeur" / "index.html").read_text("utf-8")
    assert "Un paragraphe ajouté après coup" in html
    fresh = warm_copy(tmp_path / "fresh", demo_site)
    shutil.rmtree(fresh / ".cache" / "cercle" / "pages")  # every page rendered
    (fresh / BODY).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert build(fresh, "site")[0] == 0
    same(project / "site-3", fresh / "site")


def test_an_edited_title_renders_every_page(project: Path):
    edit(project, OTHER, "title: ", "title: Edited ")
    assert build(project, "site-4")[0] == 0
    listing = (project / "site-4" / "en" / "guides" / "index.html").read_text("utf-8")
    assert "Edited " in listing


def test_a_forged_or_foreign_record_is_never_published(project: Path):
    records = project / ".cache" / "cercle" / "pages" / "records"
    objects = project / ".cache" / "cercle" / "pages" / "objects"
    # Swap every page's HTML for a hostile one, keeping each object named by its digest and
    # the records pointing at them: the MAC no longer matches, so no record is used.
    hostile = b"<script>alert('from the cache')</script>"
    for record in records.iterdir():
        data = record.read_bytes()
        payload = data[:-MAC_SIZE].decode()
        for name in set(re.findall(r'"html": "([0-9a-f]{32})"', payload)):
            payload = payload.replace(name, digest(hostile).hex())
        record.write_bytes(payload.encode() + data[-MAC_SIZE:])
    (objects / digest(hostile).hex()).write_bytes(hostile)
    reused, pages = build(project, "site-5")
    assert reused == 0
    assert not [p for p in (project / "site-5").rglob("*.html") if b"from the cache" in p.read_bytes()]
    # Records signed with another key (CERCLE_CACHE_KEY) are not this machine's.
    assert build(project, "site-6", env={"CERCLE_CACHE_KEY": "another secret"})[0] == 0
    assert build(project, "site-7", env={"CERCLE_CACHE_KEY": "another secret"})[0] == pages


def test_reuse_pages_false_renders_every_page(project: Path):
    edit(project, "mkdocs.yml", "  - cercle/hub:\n", "  - cercle/hub:\n      reuse_pages: false\n")
    result = mkdocs_build(project, project / "site-8")
    assert result.returncode == 0, result.output
    assert not REUSED.search(result.output)


def test_cercle_build_links_what_it_placed_last_time_unless_the_published_file_changed(tmp_path, demo_site):
    hub = warm_copy(tmp_path / "hub", demo_site)
    for _ in range(2):  # the first build records its pages; the second reuses them
        assert (result := cercle(hub, "build")).returncode == 0, result.output
    first = (hub / "site").resolve()
    page, card = "fr/guides/lexique-ambassadeur/index.html", "assets/cards/fr/index.png"
    slide = next((first / "assets" / "slides").rglob("*.webp")).relative_to(first).as_posix()
    media = next(p for p in (first / "media").rglob("*") if p.is_file()).relative_to(first).as_posix()
    names = (page, card, slide, media)  # a page, a card, a slide image, a file of content/
    before = {name: (first / name).read_bytes() for name in names}
    assert (result := cercle(hub, "build")).returncode == 0, result.output
    second = (hub / "site").resolve()
    assert second != first
    for name in names:  # placed from the same key as last time: linked, nothing read
        assert (second / name).stat().st_ino == (first / name).stat().st_ino, name
    # Someone edits the published files in place: the next build places the right bytes again.
    for name in names:
        with (second / name).open("ab") as published:
            published.write(b"<!-- edited by hand -->")
    assert (result := cercle(hub, "build")).returncode == 0, result.output
    third = (hub / "site").resolve()
    for name in names:
        assert (third / name).read_bytes() == before[name]
        assert (third / name).stat().st_ino != (second / name).stat().st_ino
