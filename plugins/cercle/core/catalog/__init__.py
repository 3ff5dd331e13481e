"""The Catalog: every page of content/, validated, typed, paired with its translations.

model.py: Entry, TranslationGroup, Intro, Catalog and its queries; loading.py: the walk of
content/ and its caches (CatalogBuilder, load_catalog); validation.py: pydantic errors and
cross-file checks as Problems. Import from here: the split is an implementation detail.
"""

from cercle.core.catalog.loading import _DOCUMENTS, CatalogBuilder, forget_kept_loads, load_catalog
from cercle.core.catalog.model import Catalog, Entry, Intro, TranslationGroup
from cercle.core.catalog.validation import suggestion

__all__ = [
    "_DOCUMENTS",
    "Catalog",
    "CatalogBuilder",
    "Entry",
    "Intro",
    "TranslationGroup",
    "forget_kept_loads",
    "load_catalog",
    "suggestion",
]
