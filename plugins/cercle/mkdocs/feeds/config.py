"""Options of the `cercle/feeds` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class FeedsConfig(Config):
    enabled = Type(bool, default=True)
    # Link each entry's card image (og:image of its page, else its front matter image).
    images = Type(bool, default=True)
