"""Options of the `cercle/calendar` plugin."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class CalendarConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs leaves Config/BasePlugin.__init_subclass__ unannotated
    enabled = Type(bool, default=True)
    # One .ics next to each webinar/event page.
    per_entry = Type(bool, default=True)
    # A subscribable calendar per language: /<lang>/calendar.ics
    per_language = Type(bool, default=True)
    # Past events it keeps (the newest ones; upcoming ones are all there); 0: every one.
    past_events = Type(int, default=50)
