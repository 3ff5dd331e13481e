"""An HTML page (a recap published on a website) → a Draft.

trafilatura reads the page's metadata (title, publication date, author, summary) the way
search engines do (Open Graph, JSON-LD, `<time>`, bylines) and finds the main text when the
page has no `<article>` or `<main>`; markdownify turns that main part into the body.
Images are left out: the hub never loads a file from another site, so an imported picture
must be downloaded into content/ by hand.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

from bs4 import BeautifulSoup, Tag
from markdownify import markdownify

from cercle.importer.analyze import analyze
from cercle.importer.dates import parse_date
from cercle.importer.draft import Draft
from cercle.importer.guess import QUESTIONS_LEAD, Guess

DROP = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "svg",
    "template",
)


def _metadata(html: str) -> Any:
    """trafilatura's reading of the page (None for a fragment it cannot read)."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return trafilatura.bare_extraction(html, with_metadata=True, include_formatting=True)
        except (ValueError, TypeError):
            return None


def _root(soup: BeautifulSoup) -> Tag | None:
    for selector in ("article", "main", "[role=main]", ".entry-content", ".post-content"):
        found = soup.select_one(selector)
        if isinstance(found, Tag):
            return found
    return None


def _questions(root: Tag) -> list[str]:
    for listing in root.find_all(["ul", "ol"]):
        lead = listing.find_previous(["p", "h2", "h3", "h4", "div"])
        if lead is not None and QUESTIONS_LEAD.search(lead.get_text(" ", strip=True)):
            return [li.get_text(" ", strip=True) for li in listing.find_all("li") if li.get_text(strip=True)]
    return []


def _drop_title_and_date(root: Tag, title: str | None) -> None:
    """The page's h1 and its date line become front matter: they are not repeated in the body."""
    heading = root.find("h1")
    if isinstance(heading, Tag) and (title is None or heading.get_text(" ", strip=True) == title):
        heading.decompose()
    for stamp in root.find_all("time"):
        holder = stamp.parent if isinstance(stamp.parent, Tag) and stamp.parent is not root else stamp
        if len(holder.get_text(" ", strip=True)) <= 120:
            holder.decompose()


def from_html(
    html: str,
    source: str,
    known: dict[str, str],
    year: int | None = None,
    *,
    title: str | None = None,
    date: Guess[dt.date] | None = None,
    file_date: dt.date | None = None,
) -> Draft:
    """A Draft from an HTML page or fragment; `title`/`date` (a WordPress export's) override the page's."""
    meta = _metadata(html)
    soup = BeautifulSoup(html, "html.parser")
    root = _root(soup)
    heading = (root or soup).find("h1")
    page_title = title or (
        (heading.get_text(" ", strip=True) if isinstance(heading, Tag) else None)
        or (meta.title if meta is not None else None)
        or (soup.title.get_text(strip=True) if soup.title else None)
    )
    if root is None:
        if meta is not None and meta.text and len(meta.text) > 200 and soup.find("body"):
            root = BeautifulSoup(_main_html(html), "html.parser")
        else:
            root = soup.body if isinstance(soup.body, Tag) else soup
    for tag in root.find_all(DROP):
        tag.decompose()
    _drop_title_and_date(root, title)
    body = markdownify(str(root), heading_style="ATX", bullets="-", strip=["img", "figure"])
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    page_date = date.value if date else (parse_date(meta.date) if meta is not None and meta.date else None)
    draft = analyze(
        source,
        body,
        title=Guess(page_title, "@page_title") if page_title else None,
        known=known,
        page_date=page_date,
        year=year,
        fallback_date=file_date,
        questions=_questions(root),
        description=meta.description if meta is not None else None,
    )
    if date and draft.date and draft.date.value == date.value:
        draft.date = date  # say where it came from (the export's post date)
    return draft


def _main_html(html: str) -> str:
    """The main part of a page without <article>/<main>, as trafilatura finds it."""
    import trafilatura

    return (
        trafilatura.extract(html, output_format="html", include_formatting=True, include_links=True) or html
    )
