"""The MkDocs internals Cercle relies on beyond the plugin events, one named test each.

Parallel rendering (cercle.mkdocs.parallel) and the hub plugin use these; an upgrade of
MkDocs (or a switch to ProperDocs) that changes one fails the test that names it. Each
test builds a small real site in this process and watches it through a plugin.
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from tests.conftest import write

from cercle.mkdocs.parallel.render import EXCLUDED_NOTICE, PAGES_LOG

PAGES = {
    "index.md": "# Home\n\nSee [the guide](guide.md#steps) and [the missing](guide.md#nowhere).\n",
    "guide.md": "# Guide\n\n## Steps\n\nText.\n",
    "other.md": "# Other\n\nBack [home](index.md).\n",
}


class Watcher(BasePlugin):
    """Records what MkDocs does; `at_nav` runs at the point where Cercle forks."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.read: list[str] = []
        self.documentation_pages: list[str] = []
        self.pages: dict[str, Page] = {}
        self.at_nav: Any = None
        self.at_env: Any = None
        self.sitemap_pages: Any = None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.events.append("nav")
        if self.at_nav:
            self.at_nav(config, files)
        self.documentation_pages = [f.src_uri for f in files.documentation_pages()]
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.events.append("read")
        self.read.append(page.file.src_uri)
        self.pages[page.file.src_uri] = page
        return markdown

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.events.append("env")
        if self.at_env:
            self.at_env(files)
        return env

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> Any:
        if template_name == "sitemap.xml" and self.sitemap_pages is not None:
            context["pages"] = self.sitemap_pages(context["pages"])
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.events.append("post_build")


def _build(tmp_path: Path, watcher: Watcher, **extra: Any) -> Path:
    for name, text in PAGES.items():
        write(tmp_path / "docs" / name, text)
    write(tmp_path / "docs" / "static.txt", "a static file\n")
    write(
        tmp_path / "mkdocs.yml",
        "site_name: Contract\nsite_url: https://example.org/\ntheme:\n  name: mkdocs\n"
        "validation:\n  anchors: info\n",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), **extra)
    config.plugins["contract-watcher"] = watcher
    build(config)
    return tmp_path / "site"


def _exclude(name: str) -> Any:
    def exclude(config: MkDocsConfig, files: Files) -> None:
        files.get_file_from_path(name).inclusion = InclusionLevel.EXCLUDED

    return exclude


def test_nav_comes_before_any_page_is_read_and_env_after_all_are(tmp_path):
    # Cercle forks at the end of on_nav and knows a share is read in on_env.
    watcher = Watcher()
    _build(tmp_path, watcher)
    assert watcher.events == ["nav", "read", "read", "read", "env", "post_build"]


def test_an_excluded_file_is_neither_read_nor_written(tmp_path):
    # File.inclusion = InclusionLevel.EXCLUDED, set in on_nav, makes MkDocs' loops skip the page.
    watcher = Watcher()
    watcher.at_nav = _exclude("other.md")
    site = _build(tmp_path, watcher)
    assert sorted(watcher.read) == ["guide.md", "index.md"]
    assert not (site / "other" / "index.html").exists()
    assert (site / "guide" / "index.html").is_file()


def test_documentation_pages_lists_pages_in_order_without_the_excluded(tmp_path):
    watcher = Watcher()
    watcher.at_nav = _exclude("guide.md")
    _build(tmp_path, watcher)
    assert watcher.documentation_pages == ["index.md", "other.md"]


def test_a_page_made_before_reading_takes_its_title_from_meta(tmp_path):
    # Each process titles the pages it will not read: Page(None, file, config), meta, markdown "".
    titles: dict[str, Any] = {}

    def title_other(config: MkDocsConfig, files: Files) -> None:
        file = files.get_file_from_path("other.md")
        page = file.page or Page(None, file, config)
        page.meta = {"title": "From the Catalog"}
        if page.markdown is None:
            page.markdown = ""
        titles["other"] = file.page.title
        file.inclusion = InclusionLevel.EXCLUDED

    watcher = Watcher()
    watcher.at_nav = title_other
    site = _build(tmp_path, watcher)
    assert titles["other"] == "From the Catalog"
    assert "From the Catalog" in (site / "index.html").read_text(encoding="utf-8")  # in the nav


def test_a_read_page_has_present_anchor_ids_and_links_to_anchors(tmp_path):
    watcher = Watcher()
    _build(tmp_path, watcher)
    guide, home = watcher.pages["guide.md"], watcher.pages["index.md"]
    assert isinstance(guide.present_anchor_ids, set) and "steps" in guide.present_anchor_ids
    links = home.links_to_anchors
    assert isinstance(links, dict)
    ((target, anchors),) = links.items()
    assert isinstance(target, File) and target.src_uri == "guide.md"
    assert anchors == {"steps": "guide.md#steps", "nowhere": "guide.md#nowhere"}


def test_validate_anchor_links_takes_files_and_log_level_and_names_a_missing_anchor(tmp_path, caplog):
    watcher = Watcher()
    _build(tmp_path, watcher)
    parameters = inspect.signature(Page.validate_anchor_links).parameters
    assert [name for name in parameters if name != "self"] == ["files", "log_level"]
    home = watcher.pages["index.md"]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        home.validate_anchor_links(
            files=Files([p.file for p in watcher.pages.values()]), log_level=logging.WARNING
        )
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(said) == 1 and "nowhere" in said[0] and "steps" not in said[0]


def test_a_link_to_an_excluded_page_is_an_info_notice_of_the_pages_logger(tmp_path, caplog):
    # Cercle hides this notice for pages another process renders (EXCLUDED_NOTICE, PAGES_LOG).
    watcher = Watcher()
    watcher.at_nav = _exclude("guide.md")
    with caplog.at_level(logging.DEBUG, logger="mkdocs"):
        _build(tmp_path, watcher)
    notices = [r for r in caplog.records if EXCLUDED_NOTICE.search(r.getMessage())]
    assert notices and PAGES_LOG.name == "mkdocs.structure.pages"
    assert {(r.name, r.levelno) for r in notices} == {(PAGES_LOG.name, logging.INFO)}
    assert {EXCLUDED_NOTICE.search(r.getMessage()).group(1) for r in notices} == {"guide.md"}


def test_clearing_the_theme_and_extra_templates_writes_neither(tmp_path):
    # A worker leaves the theme's templates (404.html, sitemap.xml) to the parent.
    def clear(config: MkDocsConfig, files: Files) -> None:
        assert isinstance(config.theme.static_templates, set) and "404.html" in config.theme.static_templates
        assert isinstance(config.extra_templates, list)
        config.theme.static_templates.clear()
        config.extra_templates.clear()

    watcher = Watcher()
    watcher.at_nav = clear
    site = _build(tmp_path, watcher)
    assert not (site / "404.html").exists() and not (site / "sitemap.xml").exists()
    assert (site / "index.html").is_file()


def test_the_sitemap_lists_the_pages_of_its_template_context(tmp_path):
    # The parent hands sitemap.xml every page, whoever rendered it.
    watcher = Watcher()
    watcher.sitemap_pages = lambda pages: [f for f in pages if f.src_uri != "other.md"]
    site = _build(tmp_path, watcher)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/guide/" in sitemap and "https://example.org/other/" not in sitemap


def test_static_files_removed_in_on_env_are_not_copied(tmp_path):
    # A worker writes pages only: the parent copies the static files.
    def drop_static(files: Files) -> None:
        for file in [f for f in files if not f.is_documentation_page()]:
            files.remove(file)

    watcher = Watcher()
    watcher.at_env = drop_static
    site = _build(tmp_path, watcher)
    assert not (site / "static.txt").exists()
    assert (site / "index.html").is_file()


@pytest.mark.parametrize(("setting", "level"), [("info", logging.INFO), ("warn", logging.WARNING)])
def test_the_anchor_validation_setting_is_a_log_level(tmp_path, setting, level):
    # ParallelRender passes config.validation.links.anchors to validate_anchor_links.
    write(tmp_path / "mkdocs.yml", f"site_name: C\nvalidation:\n  anchors: {setting}\n")
    write(tmp_path / "docs" / "index.md", "# C\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert config.validation.links.anchors == level


def test_pages_are_read_and_rendered_by_functions_looked_up_at_each_call(tmp_path, monkeypatch):
    # cercle.mkdocs.pagecache replaces these two module functions for one build: MkDocs must
    # call them by their module name, with these parameters, once per page.
    import mkdocs.commands.build as mkdocs_build

    from cercle.mkdocs.pagecache import reuse

    # MkDocs' own functions: a build of this process may have put Cercle's in their place.
    read, render = reuse._READ, reuse._RENDER
    assert read.__module__ == render.__module__ == "mkdocs.commands.build"
    assert list(inspect.signature(read).parameters) == ["page", "config", "files", "dirty"]
    assert list(inspect.signature(render).parameters) == [
        "page", "config", "doc_files", "nav", "env", "dirty", "excluded",
    ]  # fmt: skip
    calls: list[tuple[str, str]] = []

    def reading(page: Page, *args: Any, **kwargs: Any) -> None:
        calls.append(("read", page.file.src_uri))
        read(page, *args, **kwargs)

    def rendering(page: Page, *args: Any, **kwargs: Any) -> None:
        assert args[0] is config_seen[0] and "excluded" in kwargs
        calls.append(("render", page.file.src_uri))
        render(page, *args, **kwargs)

    config_seen: list[MkDocsConfig] = []
    watcher = Watcher()
    watcher.at_nav = lambda config, files: config_seen.append(config)
    monkeypatch.setattr(mkdocs_build, "_populate_page", reading)
    monkeypatch.setattr(mkdocs_build, "_build_page", rendering)
    _build(tmp_path, watcher)
    assert calls == [("read", p) for p in PAGES] + [("render", p) for p in PAGES]
