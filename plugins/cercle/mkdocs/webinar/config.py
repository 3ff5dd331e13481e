"""Options of the `cercle/webinar` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class WebinarConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
    enabled = Type(bool, default=True)
