"""Options of the `cercle/webinar` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class WebinarConfig(Config):
    enabled = Type(bool, default=True)
