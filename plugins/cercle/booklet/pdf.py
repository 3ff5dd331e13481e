"""HTML to a tagged, reproducible PDF with WeasyPrint, reading only the files it is allowed to.

WeasyPrint needs Pango (Debian: libpango-1.0-0 libpangoft2-1.0-0); without it the import
fails with OSError, turned here into BookletUnavailable with what to install.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"


class BookletUnavailable(RuntimeError):
    """WeasyPrint cannot load (Pango missing)."""


def _weasyprint() -> Any:  # imported late: loading Pango takes a while
    try:
        import weasyprint
    except OSError as exc:
        raise BookletUnavailable(str(exc)) from None
    return weasyprint


def write_pdf(html: str, target: Path, base: Path, allowed: Sequence[Path]) -> int:
    """Write `html` as a tagged PDF (PDF/UA-1), return its page count. Only file:// resources
    under `allowed` load:
    content arrives by pull request, and an image path must not read the rest of the disk,
    nor reach the network."""
    weasyprint = _weasyprint()
    roots = [root.resolve() for root in allowed]

    class Fetcher(weasyprint.URLFetcher):  # type: ignore[name-defined, misc]  # WeasyPrint: late, untyped
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> object:  # WeasyPrint's signature
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or not any(path.is_relative_to(root) for root in roots):
                raise ValueError(f"not loaded: {url}")
            return super().fetch(url, headers)

    source = weasyprint.HTML(string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=Fetcher())
    document = source.render(pdf_tags=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True)
    return len(document.pages)
