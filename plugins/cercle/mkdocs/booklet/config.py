"""Options of the `cercle/booklet` plugin (documented in docs/maintainer-guide.md)."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import ListOfItems, Type


class BookletConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
    # Publish the guides' booklet (PDF) as a download on each language's guides listing.
    enabled = Type(bool, default=True)
    # Languages to publish it in; empty: every site language that has guides.
    languages = ListOfItems(Type(str), default=[])
