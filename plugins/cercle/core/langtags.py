"""Language tags (BCP 47: `fr`, `fr-CA`, `en-GB`) as pages and files write them."""

from __future__ import annotations


def primary_language(tag: str) -> str:
    """The primary subtag, lower-cased ("fr-CA" gives "fr"): what a page's language, a UI
    catalogue or a typography rule is chosen by."""
    return tag.split("-", 1)[0].lower()
