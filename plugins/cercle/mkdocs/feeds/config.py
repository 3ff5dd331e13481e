"""Options of the `cercle/feeds` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class FeedsConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
    enabled = Type(bool, default=True)
    # Link each entry's card image (og:image of its page, else its front matter image).
    images = Type(bool, default=True)
    # Entries in each feed, newest first: readers poll a feed often, it stays the same size
    # whatever the archive (2.2 MB at 2,000 entries a language with every entry); 0: all.
    length = Type(int, default=50)
