"""`cercle/hub`: reads the Catalog, generates the hub's pages and makes each page speak its language."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.bodylinks.rewrite import use_body_links
from cercle.build import lock
from cercle.checks import checked_catalog
from cercle.core import typography, whitespace
from cercle.core.catalog import Catalog, forget_kept_loads
from cercle.core.errors import Problem, Severity, format_text, from_root, problem
from cercle.core.i18n import FALLBACK, message
from cercle.core.phases import timed
from cercle.hub.identity import BRAND_CSS, IdentityError, identity, stylesheet
from cercle.hub.redirects import redirect_html, redirects
from cercle.hub.view import Hub, PageView
from cercle.mkdocs.hub.assets import add_assets as add_assets  # where the features import it
from cercle.mkdocs.hub.assets import bundle_stylesheets, defer_scripts
from cercle.mkdocs.hub.config import HubConfig
from cercle.mkdocs.hub.files import fix_material_bundle, refuse_escaping_files
from cercle.mkdocs.hub.pagemeta import page_meta
from cercle.mkdocs.hub.phase_events import register as register_phase_events
from cercle.mkdocs.hub.settings import hub_settings, options_language
from cercle.mkdocs.hub.theme import escape_cercle_templates, language_navs, use_cercle_theme
from cercle.mkdocs.pagecache import PageReuse
from cercle.mkdocs.parallel import ONE_SHOT_COMMANDS, ParallelPages, unknown_plugins
from cercle.theme_fixes import fix_page_html

log = logging.getLogger("mkdocs.plugins.cercle.hub")


def finished_page(html: str, lang: str | None) -> str:
    """What every written page gets last: Material's markup fixes, French typography, and
    whitespace runs collapsed (also for pages a feature writes itself: transcript pages)."""
    return whitespace.collapse(typography.fix_html(fix_page_html(html), lang))


class ContentProblems(PluginError):
    """Content errors stop the build; they travel with it so `cercle serve` can show them."""

    def __init__(self, problems: list[Problem], text: str) -> None:
        super().__init__(text)
        self.problems = problems


class HubPlugin(BasePlugin[HubConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.hub: Hub | None = None
        self.navs: dict[str, Navigation] = {}
        self.command: str | None = None
        self.parallel = ParallelPages()
        self.reuse = PageReuse()
        self.dirty = False
        self.lock: lock.FileLock | None = None
        self.release_pages = False

    @property
    def one_shot(self) -> bool:
        """A build whose process ends with it (not a server's): nothing is kept for a next one."""
        return self.command in ONE_SHOT_COMMANDS

    @property
    def messages_language(self) -> str:
        return options_language(self.config)

    # -- configuration -------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Pages render in several processes only in `build`: never fork a server's threads.
        self.command, self.dirty = command, dirty
        if self.one_shot:  # one build of a project at a time
            project = Path(self.config.config_file_path or "mkdocs.yml").parent
            lang = options_language(self.config)
            try:
                self.lock = lock.hold(project, lang, self.config.lock_timeout)
            except lock.LockTimeout as exc:
                raise PluginError(str(exc)) from None

    def on_shutdown(self) -> None:
        held, self.lock = self.lock, None
        if held is not None:
            held.release()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        register_phase_events(config)  # CERCLE_PHASES set: Markdown and template time
        self.settings = hub_settings(self.config, config)
        s = self.settings
        try:  # the identity ends up in CSS: checked before anything is built
            self.identity = identity(s.brand, s.tagline, s.call_to_action, s.attribution)
        except IdentityError as exc:
            raise PluginError(message(self.messages_language, f"config.{exc.code}", **exc.params)) from None
        if self.identity.logo and not config.theme.get("logo"):  # the header shows it too
            config.theme["logo"] = self.identity.logo
        self.material_languages = use_cercle_theme(config)
        # A plugin from elsewhere may read the pages' HTML after they are written.
        self.release_pages = self.one_shot and not unknown_plugins(config)
        return config

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # The hub's own strings are read with the Catalog: a change there rebuilds too.
        if self.settings.locales_dir is not None and self.settings.locales_dir.is_dir():
            server.watch(str(self.settings.locales_dir))
        return server

    # Content is validated before MkDocs cleans site/, so a content mistake never wipes it.
    @timed("catalog")
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        catalog = checked_catalog(self.settings)
        if not self.settings.site_url:
            catalog.report.extend(
                [problem("mkdocs.yml", 0, "site_url", "missing_site_url", Severity.WARNING)]
            )
        lang = self.messages_language
        errors = from_root(catalog.report.errors(), self.settings)
        for warning in from_root(catalog.report.warnings(), self.settings):
            log.warning(warning.render(lang))
        if errors:
            raise ContentProblems(errors, format_text(errors, lang) + "\n" + message(lang, "build_failed"))
        self.catalog = catalog
        self.hub = Hub(catalog)
        if self.one_shot:
            forget_kept_loads()

    # -- files and navigation ---------------------------------------------------------------

    @timed("catalog")
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.hub is not None
        refuse_escaping_files(files, config, self.settings, self.messages_language)
        registries = {self.settings.speakers_file, self.settings.topics_file}
        intros = self.hub.catalog.intros
        for file in list(files):
            if file.src_uri in registries:
                files.remove(file)
            elif file.is_documentation_page() and not self._known(file.src_uri):
                files.remove(file)  # drafts (unless `drafts: true`)
        for page in self.hub.pages:
            if page.url in intros and files.get_file_from_path(page.src_uri):
                continue  # an index.md written by hand heads this generated page
            files.append(File.generated(config, page.src_uri, content=""))
        fix_material_bundle(files, config, self.messages_language)
        brand = stylesheet(self.identity)  # bundled first, as when it was linked before cercle.css
        bundle_stylesheets(files, config, [(BRAND_CSS, brand)])  # features registered their CSS
        defer_scripts(config)
        files.append(File.generated(config, BRAND_CSS, content=brand))  # also on its own
        return files

    def _known(self, src_uri: str) -> bool:
        assert self.hub is not None
        return src_uri in self.hub.entry_by_src or src_uri in self.hub.page_by_src

    @event_priority(-100)  # last: the fork below must see every plugin's on_nav done
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.hub is not None
        self.navs = language_navs(self.hub, self.settings.languages, files, config)
        lang = self.messages_language
        titled = partial(self._titled, config=config)
        if self.config.reuse_pages and self.release_pages and not self.dirty:
            self.reuse.start(config, self.hub.catalog, lang, titled, self._released)
        self.parallel.start(self.config.processes, self.command, config, files, lang, titled)
        return nav

    def _titled(self, file: File, *, config: MkDocsConfig) -> None:
        # Each process reads only its share of the pages: titles (in the nav, in links) come
        # from the Catalog, so they are right for the pages another process reads.
        page = file.page or Page(None, file, config)
        page.meta = page_meta(self.hub, file.src_uri)
        if page.markdown is None:  # MkDocs gives no title to a page it has not read
            page.markdown = ""

    # -- pages ---------------------------------------------------------------------------------

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        # The Catalog already split the front matter: hand MkDocs the body only.
        assert self.hub is not None
        src = page.file.src_uri
        if src in self.hub.entry_by_src:
            return self.hub.entry_by_src[src].body
        generated = self.hub.page_by_src.get(src)
        if generated:
            intro = self.hub.catalog.intros.get(generated.url)
            return intro.body if intro else ""
        return None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.meta = page_meta(self.hub, page.file.src_uri)
        assert self.hub is not None  # paths written relative to content/ → what MkDocs resolves
        use_body_links(config.markdown_extensions, self.hub.catalog, page.file.src_uri)
        return markdown

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.hub is not None
        view = self.hub.view(page.file.src_uri)
        if view is None:
            return context
        view.material_lang = view.lang if view.lang in self.material_languages else "en"
        extra = cast("dict[str, Any]", context)  # a plain dict at runtime; Cercle adds its own keys
        extra["cercle"] = view
        extra["nav"] = self.navs.get(view.lang, nav)
        return context

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if self.parallel.all_pages is not None:  # sitemap.xml lists every page, whoever renders it
            context["pages"] = self.parallel.all_pages
        # Static templates (404.html) speak the default language.
        if self.hub is not None:
            lang = self.settings.default_language
            view = PageView(self.hub, lang, {})
            view.material_lang = lang if lang in self.material_languages else "en"
            extra = cast("dict[str, Any]", context)  # a plain dict at runtime; Cercle adds its own keys
            extra["cercle"] = view
            extra["nav"] = self.navs.get(lang)  # None when the default language has no pages, as before
        return context

    # Material's toggle checkboxes carry `autocomplete` (invalid HTML5) outside any template block.
    # French pages get their no-break spaces on every text node (body, UI, footer), never in
    # code, attributes or URLs (cercle.core.typography). Indentation whitespace runs become
    # one character (cercle.core.whitespace): pages weigh less, nothing renders differently.
    def _finish_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return finished_page(output, self._language_of(page.file.src_uri))

    # Last: MkDocs writes `output` next and keeps every page's HTML and Markdown to the end of
    # the build. No Cercle or Material plugin reads them once the page is written (anchors are
    # checked from their own fields, feeds and cards come from the Catalog), so a one-shot
    # build lets them go: the pages rendered later reuse that memory (issue #18: peak memory).
    @event_priority(-100)
    def _release_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._released(page)
        return output

    on_post_page = CombinedEvent(_finish_page, _release_page)

    def _released(self, page: Page) -> None:  # also a page reused from the last build (pagecache)
        if self.release_pages:
            page.content = None
            page.markdown = ""  # not None: MkDocs would then give the page no title

    # Pages reused by the render processes, for `self.reuse.finish` (cercle.mkdocs.parallel).
    def worker_state(self) -> dict[str, Any]:
        return self.reuse.worker_state()

    def merge_worker_state(self, state: dict[str, Any]) -> None:
        self.reuse.merge(state)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # sitemap.xml
            return fix_page_html(output_content)
        return finished_page(output_content, self.settings.default_language)

    def _language_of(self, src_uri: str) -> str | None:
        if self.hub is None:
            return None
        entry = self.hub.entry_by_src.get(src_uri)
        page = self.hub.page_by_src.get(src_uri)
        return entry.lang if entry else page.lang if page else None

    @event_priority(100)  # first: the other plugins' on_env load templates
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.reuse.keep_templates(env)
        env.globals.setdefault("cercle", None)
        escape_cercle_templates(env)
        self.parallel.pages_read(files)
        if not self.parallel.in_worker:  # the parent writes the static files
            self.reuse.link_static(files)
        return env

    @event_priority(100)  # first: the other plugins' on_post_build need every page written
    @timed("workers_wait")
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.parallel.finish()
        self.reuse.finish()
        assert self.hub is not None
        # Old addresses of moved pages (topics with translated slugs), outside the sitemap.
        taken = {p.url for p in self.hub.pages} | {e.url for e in self.hub.catalog.entries}
        for moved in redirects(self.hub.pages, taken):
            target = Path(config.site_dir) / moved.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect_html(moved, self.settings.site_url), encoding="utf-8")

    def on_build_error(self, *, error: Exception) -> None:
        self.reuse.stop()
        self.parallel.fail(error)

    def in_worker(self) -> bool:
        """True in a forked process that renders a share of the pages (cercle.mkdocs.parallel)."""
        return self.parallel.in_worker


def hub_of(config: MkDocsConfig) -> Hub:
    """The Hub of the current build, for the other Cercle plugins (list cercle/hub first)."""
    plugin = config.plugins.get("cercle/hub")
    if not isinstance(plugin, HubPlugin) or plugin.hub is None:
        raise PluginError(message(messages_language(config), "config.needs_hub"))
    return plugin.hub


def messages_language(config: MkDocsConfig) -> str:
    """The language of a Cercle plugin's messages: cercle/hub's, else English."""
    plugin = config.plugins.get("cercle/hub")
    return options_language(plugin.config) if isinstance(plugin, HubPlugin) else FALLBACK


def in_render_worker(config: MkDocsConfig) -> bool:
    """True in a forked process that only renders a share of the pages: no background work."""
    plugin = config.plugins.get("cercle/hub")
    return isinstance(plugin, HubPlugin) and plugin.in_worker()


def page_view(context: Mapping[str, Any]) -> PageView | None:
    """The `cercle` view the hub put in a page's template context, if any."""
    view = context.get("cercle")
    return view if isinstance(view, PageView) else None
