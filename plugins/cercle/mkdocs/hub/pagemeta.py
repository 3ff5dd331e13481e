"""A page's MkDocs metadata (title, description, template, hidden parts) from the Catalog."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from cercle.hub.view import Hub


def page_meta(hub: Hub | None, src: str) -> dict[str, Any]:
    """Title, description and template of a page, from the Catalog (not from its file)."""
    assert hub is not None
    entry = hub.entry_by_src.get(src)
    generated = hub.page_by_src.get(src)
    meta: dict[str, Any] = {}
    if entry:
        template = "cercle/event.html" if entry.type.is_event_like else "cercle/entry.html"
        meta = {"title": entry.title, "description": entry.meta.description or "", "template": template}
    elif generated:
        intro = hub.catalog.intros.get(generated.url)
        title = intro.meta.title if intro else generated.title
        description = intro.meta.description if intro and intro.meta.description else ""
        meta = {"title": title, "description": description, "template": generated.template}
        if generated.kind.value == "root":
            meta["hide"] = ["navigation", "toc"]
        elif generated.kind.value == "home":  # a front page: the content takes the width
            meta["hide"] = ["toc"]
    # Material prints page.meta raw into HTML: escape what came from content.
    return {k: (str(escape(v)) if isinstance(v, str) else v) for k, v in meta.items()}
