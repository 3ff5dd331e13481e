"""Options of the `cercle/share` plugin, each explained above its line."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Choice, DictOfItems, ListOfItems, Type

ALL_NETWORKS = ["linkedin", "x", "facebook", "bluesky", "mastodon", "whatsapp", "telegram", "email"]


class ShareConfig(Config):
    # Show the share block on entries.
    enabled = Type(bool, default=True)
    # Networks offered, in this order.
    networks = ListOfItems(Choice(ALL_NETWORKS), default=list(ALL_NETWORKS))
    # Campaign parameters added to shared links, the same for every reader (never per person):
    # {source: "{network}", medium: social, campaign: ambassadors}. `{network}` becomes the
    # network's name; source defaults to it.
    utm = DictOfItems(Type(str), default={})
    # Open networks in a new window (announced to screen readers).
    new_window = Type(bool, default=True)
