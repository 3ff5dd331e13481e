"""What cercle/hub does to MkDocs' file list before anything is built: no file from outside
docs_dir, and Material's bundle patched (see cercle.theme_fixes)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from cercle.core.errors import format_text, problem
from cercle.core.i18n import message
from cercle.core.safe_paths import escapes, through_link
from cercle.core.settings import HubSettings
from cercle.theme_fixes import BUNDLE_GLOB, disable_alternate_lookups

log = logging.getLogger("mkdocs.plugins.cercle.hub")


def refuse_escaping_files(files: Files, config: MkDocsConfig, settings: HubSettings, lang: str) -> None:
    """PluginError naming every file MkDocs found in docs_dir through a link to outside it."""
    # MkDocs follows folder symlinks and publishes `_x` files: whatever the Catalog walked,
    # nothing found in docs_dir may be copied from outside it.
    docs = Path(config.docs_dir).resolve()
    folders: dict[str | None, bool] = {}  # src_dir → is docs_dir
    links: dict[str, bool] = {}
    outside = []
    for file in files:
        if not file.abs_src_path:
            continue
        if file.src_dir not in folders:
            folders[file.src_dir] = Path(file.src_dir or "").resolve() == docs
        if (
            folders[file.src_dir]
            and through_link(file.src_dir or "", file.src_uri, links)
            and escapes(Path(file.abs_src_path), docs)
        ):
            outside.append(problem(settings.from_root(file.src_uri), 0, "", "symlink_outside"))
    if outside:
        raise PluginError(format_text(outside, lang) + "\n" + message(lang, "build_failed"))


def fix_material_bundle(files: Files, config: MkDocsConfig, lang: str) -> None:
    """Material's bundle.js, patched, in place of its file (left as is when the patch does not apply)."""
    # Material's bundle.js fetches sitemap.xml next to every <link rel=alternate>
    # (hreflang, feeds) on each page load; see cercle.theme_fixes for why and how.
    for file in list(files):
        if not Path(file.src_uri).match(BUNDLE_GLOB) or not file.abs_src_path:
            continue
        patched = disable_alternate_lookups(Path(file.abs_src_path).read_text(encoding="utf-8"))
        if patched is None:
            log.info(message(lang, "config.bundle_unpatched", path=file.src_uri))
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=patched))
