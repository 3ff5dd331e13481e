"""`cercle translations`: which entries exist in every language, which lack one, which are outdated."""

from cercle.translations.coverage import Coverage, coverage
from cercle.translations.dates import last_changed

__all__ = ["Coverage", "coverage", "last_changed"]
