"""`cercle new`: a new entry (and its translations) with every front-matter field ready to fill in."""

from cercle.scaffold.skeleton import Planned, plan_entries

__all__ = ["Planned", "plan_entries"]
