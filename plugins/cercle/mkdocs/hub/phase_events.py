"""Markdown and template time by MkDocs events, for `cercle.core.phases` (CERCLE_PHASES set).

MkDocs reads each page (`on_pre_page` … Markdown → HTML … `on_page_content`) in one loop,
then renders each through its template (`on_page_context` … Jinja … `on_post_page`) in
another: neither loop is Cercle's. This plugin, added by cercle/hub only when phases are
timed, opens a phase at the first handler of the loop's first event and closes it at the
last handler of its last event, so each phase holds MkDocs' own work and every plugin's
per-page handlers (Cercle's page views and meta tags included).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from cercle.core import phases

NAME = "cercle/phases"


class PhaseEvents(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    @event_priority(1000)
    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Any) -> Page:
        phases.begin("markdown")
        return page

    @event_priority(-1000)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Any) -> str:
        phases.end()
        return html

    @event_priority(1000)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        phases.begin("templates")
        return context

    @event_priority(-1000)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        phases.end()
        return output


def register(config: MkDocsConfig) -> None:
    """Time pages by events in this build, when CERCLE_PHASES is set (else nothing at all)."""
    if phases.enabled() and NAME not in config.plugins:
        config.plugins[NAME] = PhaseEvents()
