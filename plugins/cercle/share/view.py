"""What the footer, the "to share" page and the "measures nothing" page show: `cercle.sharing`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cercle.core.catalog import Entry
from cercle.share.links import campaign_tags
from cercle.share.now import to_share

if TYPE_CHECKING:
    from cercle.hub.view import PageView


class SharingView:
    def __init__(self, view: PageView) -> None:
        self.view = view
        self.hub = view.hub

    @property
    def suggest_url(self) -> str:
        """Where "Suggest a resource" goes (the hub's issue form, a mailto:…); "" for no link."""
        return self.hub.settings.suggest_url

    @property
    def privacy_url(self) -> str:
        return self.hub.url("privacy", self.view.lang)

    @property
    def to_share_url(self) -> str:
        return self.hub.url("to_share", self.view.lang)

    def campaign_tags(self) -> str:
        """The campaign tags of shared links, in the page's language ("" when none)."""
        network = self.view.t("privacy_network")
        return ", ".join(campaign_tags(self.hub.settings.share_utm, f"<{network}>"))

    def entries(self) -> list[Entry]:
        """What is in its share window today, pinned first (without cercle/share's kits)."""
        return to_share(self.view.entries(), self.hub.today)

    def until(self, entry: Entry) -> str:
        share = entry.meta.share
        if share is None or share.until is None:
            return ""
        return self.view.t("to_share_until", date=self.view.date(share.until))
