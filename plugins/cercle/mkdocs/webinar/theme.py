"""The theme's head for a page a plugin writes itself (an entry's transcript page): Material's
`styles` and `fonts` blocks rendered through the site's Jinja environment, with the context
MkDocs gives a page at that address, so the page links what every page links (Material's
hashed stylesheets, its fonts) without reading another page's HTML back."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import SimpleNamespace
from typing import Any, cast

from jinja2 import Environment, Template, nodes
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

HEAD_BLOCKS = ("styles", "fonts")  # Material's base.html: its stylesheets, then its fonts


def page_context(nav: Navigation, config: MkDocsConfig, url: str) -> TemplateContext:
    """MkDocs' template context for a page at `url` (its `url` filter makes links relative to it).

    Without the site's pages: the head's blocks never list them, and given a `Files`,
    get_context lists every documentation page again at each call (a transcript page each:
    20 s a 1,000 entries at 10,000 entries a language, growing with N)."""
    return get_context(nav, [], config, page=cast(Page, SimpleNamespace(url=url)))


def page_templates(env: Environment, name: str = "main.html") -> tuple[Template, ...]:
    """`name` and the templates it extends, child first (main.html, then Material's base.html)."""
    return tuple(_chain(env, name))


def _chain(env: Environment, name: str) -> Iterator[Template]:
    seen: set[str] = set()
    while name and name not in seen:
        seen.add(name)
        yield env.get_template(name)
        assert env.loader is not None
        name = _parent(env, env.loader.get_source(env, name)[0])


def _parent(env: Environment, source: str) -> str:
    """The template `source` extends ("" for none); parsed once per source text (`cercle
    serve` asks at every rebuild: parsing Material's base.html took 0.08 s)."""
    if source not in _PARENTS:
        parent = env.parse(source).find(nodes.Extends)
        target = parent.template if parent is not None else None
        found = target.value if isinstance(target, nodes.Const) and isinstance(target.value, str) else ""
        if len(_PARENTS) > 16:  # templates edited during a long `cercle serve` session
            _PARENTS.clear()
        _PARENTS[source] = found
    return _PARENTS[source]


_PARENTS: dict[str, str] = {}


def theme_blocks(
    templates: tuple[Template, ...], context: Mapping[str, Any], names: tuple[str, ...] = HEAD_BLOCKS
) -> str:
    """The blocks `names` of the page template (`page_templates`: overrides and `super()`
    work as in a page) rendered with `context`."""
    ctx = templates[0].new_context(dict(context))
    for template in templates[1:]:
        for name, block in template.blocks.items():
            ctx.blocks.setdefault(name, []).append(block)
    return "".join("".join(ctx.blocks[name][0](ctx)) for name in names if name in ctx.blocks)
