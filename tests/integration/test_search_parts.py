"""A search index in parts (issue #18: bounded memory at any size): the demo with a tiny part
size spans several parts per language, each page in exactly one, in date order, newest-first
sorting consistent across parts, reproducible, kept part by part in the cache."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from pagefind_bin import get_executable
from tests.conftest import copy_demo, mkdocs_build, write
from tests.integration.test_search_index import build_with_binary, fragments

from cercle.search.reproducible import read_record

PART_PAGES = 3  # the demo has 8 French and 7 English indexed pages: three parts each


def split_demo(dest: Path, size: int = PART_PAGES) -> Path:
    """A copy of the demo hub whose search index is cut into parts of `size` pages."""
    project = copy_demo(dest)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "  - cercle/search\n" in text
    config.write_text(
        text.replace("  - cercle/search\n", f"  - cercle/search:\n      part_pages: {size}\n"), "utf-8"
    )
    return project


@pytest.fixture(scope="module")
def split_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = split_demo(tmp_path_factory.mktemp("split"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    return project


def entry_of(folder: Path) -> dict:
    return json.loads((folder / "pagefind-entry.json").read_text("utf-8"))


def part_folders(site: Path) -> dict[str, list[Path]]:
    """Each language's index folders, the first one (pagefind/ itself) first."""
    listed = entry_of(site / "pagefind")["cercle_parts"]
    return {lang: [site / "pagefind", *(site / "pagefind" / p for p in listed[lang])] for lang in listed}


def test_each_language_is_split_into_parts_that_hold_every_page_once(split_project, demo_site):
    site = split_project / "site"
    entry = entry_of(site / "pagefind")
    assert entry["cercle_parts"] == {"en": ["en-1/", "en-2/"], "fr": ["fr-1/", "fr-2/"]}
    whole = fragments(demo_site)  # the same hub in one part
    seen: list[str] = []
    for lang, folders in part_folders(site).items():
        counts = [entry_of(f)["languages"][lang]["page_count"] for f in folders]
        assert counts == ([3, 3, 2] if lang == "fr" else [3, 3, 1])
        for folder in folders[1:]:
            assert list(entry_of(folder)["languages"]) == [lang]
            assert not list(folder.glob("*.js")) and not list(folder.glob("wasm.*"))  # no code
            found = [u for u, r in fragments_in(folder).items() if r["lang"] == lang]
            assert len(found) == entry_of(folder)["languages"][lang]["page_count"]
            seen += found
        seen += [u for u, r in fragments(site).items() if r["lang"] == lang]
    assert sorted(seen) == sorted(whole)  # each page once, none lost
    assert (site / "pagefind" / "pagefind.js").is_file()


def fragments_in(folder: Path) -> dict[str, dict]:
    found = {}
    for path in sorted((folder / "fragment").glob("*.pf_fragment")):
        record = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        found[record["url"]] = {**record, "lang": path.name.split("_")[0]}
    return found


def test_parts_follow_dates_and_date_places_continue_across_parts(split_project):
    site = split_project / "site"
    for lang, folders in part_folders(site).items():
        earlier, last_date = 0, ""
        for folder in folders:
            records = [r for r in fragments_in(folder).values() if r["lang"] == lang]
            dates = sorted(r["meta"]["datetime"] for r in records if r["meta"].get("datetime"))
            assert dates and dates[0] >= last_date  # part k's dates all come after part k-1's
            last_date = dates[-1]
            meta = read_record(folder / f"pagefind.{entry_of(folder)['languages'][lang]['hash']}.pf_meta")
            (date_list,) = [sort[1] for sort in meta[4] if sort[0] == "date"]
            pages = len(meta[1])
            # Pagefind scores a date-sorted result by its place in this list: placeholders (a
            # page number no page has) put this part's pages after the earlier parts' ones.
            assert date_list[:earlier] == [pages] * earlier
            assert all(n < pages for n in date_list[earlier:]) and len(date_list) - earlier == len(dates)
            earlier += len(dates)


def test_a_second_build_reuses_every_part_and_gives_the_same_bytes(split_project):
    site = split_project / "site"
    bundles = sorted((split_project / ".cache/cercle/search").glob("*.bundle"))
    assert len(bundles) == 6  # one per part
    before = {
        p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()
    }
    stamps = {p.name: p.stat().st_mtime_ns for p in bundles}
    other = split_project / "site-again"
    result = mkdocs_build(split_project, other)
    assert result.returncode == 0, result.output
    after = {
        p.relative_to(other).as_posix(): p.read_bytes()
        for p in (other / "pagefind").rglob("*")
        if p.is_file()
    }
    assert after == before
    assert {
        p.name: p.stat().st_mtime_ns for p in (split_project / ".cache/cercle/search").glob("*.bundle")
    } == stamps


def test_a_new_newest_entry_changes_the_last_part_only(tmp_path):
    project = split_demo(tmp_path / "hub")
    assert mkdocs_build(project).returncode == 0
    site = project / "site"
    before = {p: fragments_in(f) for p, f in enumerate(part_folders(site)["fr"])}
    write(
        project / "content/fr/guides/tout-neuf.md",
        '---\ntitle: "Tout neuf"\ndate: 2026-11-01\n---\nTexte neuf.\n',
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.output
    after = {p: fragments_in(f) for p, f in enumerate(part_folders(site)["fr"])}
    assert "/fr/guides/tout-neuf/" in after[2] and len(after[2]) == len(before[2]) + 1
    assert len(list((project / ".cache/cercle/search").glob("*.bundle"))) == 6  # the old last part's is gone


def test_a_failing_part_leaves_no_half_index(tmp_path):
    # Pagefind that works for the first parts, then crashes: no part may be published.
    project = split_demo(tmp_path / "hub")
    counter = tmp_path / "runs"
    real = get_executable()
    crash = tmp_path / "pagefind"
    crash.write_text(
        f'#!/bin/sh\necho x >> "{counter}"\n'
        f'if [ "$(wc -l < "{counter}")" -gt 2 ]; then echo "pagefind: out of memory" >&2; exit 3; fi\n'
        f'exec "{real}" "$@"\n',
        "utf-8",
    )
    crash.chmod(0o755)
    result, site = build_with_binary(project, str(crash))
    assert counter.read_text().count("x") == 3  # two parts indexed, the third failed
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "cercle/search: the search index was not built" in result.output
    assert not (site / "pagefind").exists() and not list(site.glob(".pagefind-*"))
