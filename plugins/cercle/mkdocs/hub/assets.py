"""Cercle's stylesheets as one file and its scripts deferred (no render-blocking chain).

Features register their stylesheet with `add_assets` (in `extra_css`); at `on_files` every
registered stylesheet that comes from a theme folder (Cercle's overrides or the hub's
custom_dir, not the hub's own docs) is joined into `assets/stylesheets/cercle.css`, the file
every page already links, and leaves `extra_css`. The parts stay in the site for anyone who
links one directly. The brand stylesheet cercle/hub generates opens the bundle. A hub's own
`extra_css` files are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from cercle.hub.stylesheets import join_stylesheets

BUNDLE = "assets/stylesheets/cercle.css"


def add_assets(config: MkDocsConfig, stylesheet: str, script: str | None = None) -> None:
    """Load a feature's stylesheet (bundled) and deferred script on every page, once."""
    if stylesheet not in config.extra_css:
        config.extra_css.append(stylesheet)
    if script is not None and script not in [str(listed) for listed in config.extra_javascript]:
        deferred = ExtraScriptValue(script)
        deferred.defer = True  # runs after parsing, never blocks the first paint
        config.extra_javascript.append(deferred)


def defer_scripts(config: MkDocsConfig) -> None:
    """Defer every extra script but `async` ones: Material's bundle is deferred (main.html), and
    a hub's script that uses it (`document$`) must still run after it, in the listed order."""
    for i, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            deferred = ExtraScriptValue(script)
            deferred.type = "module" if script.endswith(".mjs") else ""
            config.extra_javascript[i] = deferred
            script = deferred
        if not script.async_:
            script.defer = True


def bundle_stylesheets(files: Files, config: MkDocsConfig, first: Sequence[tuple[str, str]] = ()) -> None:
    """Replace the site's cercle.css by `first` ((name, css) pairs, such as the generated brand
    stylesheet), every registered theme stylesheet and itself, in that order."""
    base = files.get_file_from_path(BUNDLE)
    if base is None or not base.abs_src_path:
        return
    docs = Path(config.docs_dir).resolve()
    parts: list[File] = []
    for path in list(config.extra_css):
        file = files.get_file_from_path(path)
        if path == BUNDLE or file is None or not file.abs_src_path or file in parts:
            continue
        if Path(file.abs_src_path).resolve().is_relative_to(docs):
            continue  # the hub's own stylesheet: linked as it is
        parts.append(file)
        config.extra_css.remove(path)
    parts.append(base)  # last, as when the features' files were linked before it
    if BUNDLE in config.extra_css:
        config.extra_css.remove(BUNDLE)  # main.html links it already
    texts = [(f.src_uri, Path(f.abs_src_path).read_text(encoding="utf-8")) for f in parts]  # type: ignore[arg-type]
    css = join_stylesheets([*first, *texts])
    files.remove(base)
    files.append(File.generated(config, BUNDLE, content=css))
