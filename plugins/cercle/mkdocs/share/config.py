"""Options of the `cercle/share` plugin, each explained above its line."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Choice, DictOfItems, ListOfItems, Type

from cercle.share.digest import DEFAULT_LENGTH

ALL_NETWORKS = ["linkedin", "x", "facebook", "bluesky", "mastodon", "whatsapp", "telegram", "email"]


class ShareConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
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
    # A line added to every suggested text, per language ({fr: "Je travaille chez X.", en: …}):
    # employees who post about their employer say so. A page drops it with `share.disclosure: false`.
    disclosure = DictOfItems(Type(str), default={})
    # Address of the footer's "Suggest a resource" link (an issue form, a mailto:); empty: no link.
    suggest_url = Type(str, default="")
    # Write this month's email digest (digest-LANG-YYYY-MM.html and .txt) beside each
    # language's "to share" page; `cercle digest` writes any month's.
    digest = Type(bool, default=True)
    # Pages in a digest (pinned first, then the most recently opened); it links the "to share"
    # page for the others. An email stays short to be read, and Gmail cuts one past 102 KB
    # (a month of a large hub was 1.3 MB). 0: every page (the build warns past 102 KB).
    digest_length = Type(int, default=DEFAULT_LENGTH)
