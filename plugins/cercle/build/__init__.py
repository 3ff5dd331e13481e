"""`cercle build` and `cercle serve`: atomic publication of the built site, and the live preview."""

from cercle.build.atomic import SwapError, build_atomically

__all__ = ["SwapError", "build_atomically"]
