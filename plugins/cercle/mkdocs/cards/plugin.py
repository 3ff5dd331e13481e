"""`cercle/cards`: a card per page and language, quote cards, and each page's og/twitter tags."""

from __future__ import annotations

import contextlib
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from cercle.build.placed import Placements
from cercle.cards.batch import BatchResult, CardJob, release_memory, render_all
from cercle.cards.originals import linking_texts, mentioned_names, unpublished_originals
from cercle.cards.picture_plan import PicturePlan, plan_pictures
from cercle.cards.pictures import Picture
from cercle.cards.plan import CardPlanner, PageCards
from cercle.cards.spec import Brand, BrandError
from cercle.cards.variants import Variant, plan_variants, to_vary, variant_jobs
from cercle.core.cachefile import signing_key
from cercle.core.errors import from_root
from cercle.core.i18n import message
from cercle.core.phases import timed
from cercle.hub.view import PageView
from cercle.meta.tags import Image, meta_tags
from cercle.mkdocs.cards.config import CardsConfig
from cercle.mkdocs.hub.plugin import hub_of, in_render_worker, messages_language, page_view

log = logging.getLogger("mkdocs.plugins.cercle.cards")


class CardsPlugin(BasePlugin[CardsConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves __init_subclass__ unannotated
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cards: dict[str, PageCards] = {}
        self.variants: dict[str, list[Variant]] = {}
        self._job: Future[tuple[BatchResult, list[tuple[Picture, str]]]] | None = None
        self.pictures = PicturePlan()
        self._stop = threading.Event()
        self._free = threading.Event()
        # `cercle serve`, rebuilding a few pages over a site this plugin's `before` instance
        # made: only those pages' cards and pictures may have changed (see redraw_only).
        self._only: tuple[set[str], CardsPlugin] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        hub_brand = getattr(config.plugins.get("cercle/hub"), "config", {}).get("brand") or {}
        logo = self.config.logo
        if not logo and hub_brand.get("logo"):  # cercle/hub's logo is a path in content/
            logo = str(Path(config.docs_dir) / str(hub_brand["logo"]).lstrip("/"))
        self.site_name = self.config.site_name or config.site_name
        # cercle/hub's `brand` is the identity's one source; these options remain its fallback.
        try:
            self.brand = Brand(
                brand_color=hub_brand.get("primary") or self.config.brand_color,
                accent_color=hub_brand.get("accent") or self.config.accent_color,
                site_name=self.site_name,
                logo=str(base / logo) if logo else None,
            )
        except BrandError as exc:
            lang = messages_language(config)
            raise PluginError(message(lang, f"cards.{exc.code}", **exc.params)) from None
        self.cache_dir = base / self.config.cache_dir
        return config

    # Planned once the Catalog exists, before any fork: the share block, og:image and the
    # feeds read the plan (hub.state.cards) in every process.
    @timed("cards")
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._stop_job()  # a previous build of this process that failed
        hub = hub_of(config)
        self.cards = CardPlanner(hub, self.brand, self.config.quotes).plan()
        hub.state.cards = self.cards if self.config.enabled else {}
        mode = self.config.variants if self.config.enabled else "none"
        self.variants = plan_variants(self.cards, to_vary(hub.entry_by_src, mode, hub.today))
        hub.state.variants = self.variants
        colors = (self.brand.brand_color, "#ffffff")
        self.pictures = plan_pictures(hub.catalog, hub.state.cards, colors, Path(config.docs_dir))
        hub.state.pictures = self.pictures
        config_file = Path(config.config_file_path) if config.config_file_path else None
        mentioned = mentioned_names(linking_texts(hub.catalog, config_file))
        for rel in unpublished_originals(self.pictures, Path(config.docs_dir), mentioned):
            if original := files.get_file_from_path(rel):
                files.remove(original)
        lang = messages_language(config)
        # A remote image is a mistake to fix (warning); an image Cercle cannot read (damaged,
        # too large: possibly hostile) is a notice: the card stands in and the build goes on.
        for found in from_root(self.pictures.problems, hub.settings):
            (log.warning if found.code == "remote_image" else log.info)(found.render(lang))
        return files

    # Drawn and placed in the site (cleaned by now) in the background while MkDocs reads and
    # renders pages; started after cercle/hub forked its workers (on_nav, -100): a fork
    # must not copy a running thread's locks, and only the parent draws.
    @event_priority(-110)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if in_render_worker(config):
            return nav
        jobs, pictures = self._work()
        self._stop, self._free = threading.Event(), threading.Event()
        options = {
            "workers": self.config.workers or None,
            "executor": self.config.concurrency,
            "site_dir": Path(config.site_dir),
            "stop": self._stop,
            "free": self._free,  # set once the pages are written: this process draws too
            "own": {file.dest_uri for file in files},  # MkDocs writes these: copies, never links
        }
        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cercle-cards")
        self._job = runner.submit(self._draw, jobs, pictures, options)
        runner.shutdown(wait=False)  # the job goes on; on_post_build waits for it
        return nav

    @timed("cards_background")  # a thread of its own: overlaps the pages
    def _draw(
        self, jobs: list[CardJob], pictures: list[Picture], options: dict[str, Any]
    ) -> tuple[BatchResult, list[tuple[Picture, str]]]:
        """Cards and the pictures made from them (and from images and initials), in one pool."""
        placements = Placements(options["site_dir"], self.cache_dir, signing_key())
        options.update(
            pictures=pictures, pictures_cache=self.cache_dir.parent / "pictures", placements=placements
        )
        result = render_all(jobs, self.cache_dir, **options)
        if not options["stop"].is_set():
            placements.save()  # for the next build: what it can link unread
        return result, result.failed

    def redraw_only(self, pages: set[str], before: CardsPlugin) -> None:
        """For `cercle serve`: the site holds what `before` drew; of its cards and pictures,
        only those of `pages` (source paths) may differ, and only those that do are drawn and placed."""
        self._only = (pages, before)

    def _work(self, pages: set[str] | None = None) -> tuple[list[CardJob], list[Picture]]:
        """The cards and pictures to draw and place: every one, or those of `pages`."""
        if pages is None and self._only is not None:
            pages, before = self._only
            jobs, pictures = self._work(pages)
            had_jobs, had_pictures = before._work(pages)
            drawn = {job.dest: job.spec.digest() for job in had_jobs}
            made = {picture.stem: picture.digest() for picture in had_pictures}
            jobs = [job for job in jobs if drawn.get(job.dest) != job.spec.digest()]
            return jobs, [p for p in pictures if made.get(p.stem) != p.digest()]
        cards = self.cards if pages is None else {src: c for src, c in self.cards.items() if src in pages}
        variants = self.variants if pages is None else {s: v for s, v in self.variants.items() if s in pages}
        jobs = [job for found in cards.values() for job in found.jobs()] if self.config.enabled else []
        jobs += variant_jobs(variants)
        entries = self.pictures.entries
        if pages is None:
            return jobs, self.pictures.all()
        return jobs, [entries[src] for src in sorted(pages) if src in entries]

    def on_build_error(self, *, error: Exception) -> None:
        # A failed build may already be deleting its site folder: stop placing cards in it.
        self._stop_job()

    def _stop_job(self) -> None:
        job, self._job = self._job, None
        if job is None:
            return
        self._stop.set()
        with contextlib.suppress(Exception):
            job.result()

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        view = page_view(context)
        if view is None:
            return context
        cards = self.cards.get(page.file.src_uri)
        image = None
        social = view.hub.state.social_image(page.file.src_uri)
        if cards and social:
            path, width, height = social
            alt, mime = cards.og.alt, "image/png"
            if path.endswith(".jpg"):  # the entry's own image, cropped: its own text alternative
                mime = "image/jpeg"
                own = view.entry.meta.image_alt if view.entry else None
                alt = view.text(own) if own else alt
            image = Image(path, width, height, alt, mime)
        view.parts.meta = meta_tags(view, self.site_name, self._description(view, cards, config), image)
        return context

    @staticmethod
    def _description(view: PageView, cards: PageCards | None, config: MkDocsConfig) -> str:
        if view.entry and view.entry.meta.description:
            return view.entry.meta.description
        if view.generated:
            intro = view.hub.catalog.intros.get(view.generated.url)
            if intro and intro.meta.description:
                return intro.meta.description
        if cards and cards.og.job.spec.subtitle:
            return cards.og.job.spec.subtitle
        return config.site_description or ""

    @timed("cards")  # waiting for the background drawing
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._job is None:
            return
        self._free.set()  # every page is written: the drawing is all that is left to wait for
        try:
            result, failed = self._job.result()
        except Exception as exc:  # a broken logo file, a full disk: say which plugin and why
            raise PluginError(message(messages_language(config), "cards.draw_failed", detail=exc)) from exc
        finally:
            self._job = None
            if self._only is None:  # a preview's few cards leave little; no indexer follows
                release_memory()
        for picture, reason in failed:
            lang = messages_language(config)
            path = hub_of(config).settings.from_root(picture.path or "")  # as messages name files
            log.warning(message(lang, "cards.picture_failed", path=path, detail=reason))
        drawn = {"total": result.total, "drawn": result.rendered, "cached": result.total - result.rendered}
        log.info(message(messages_language(config), "cards.drawn", seconds=f"{result.seconds:.1f}", **drawn))
