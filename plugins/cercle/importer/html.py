"""An HTML page (a recap published on a website) → a Draft, with markdownify for the body.

Images are left out: the hub never loads a file from another site, so an imported picture
must be downloaded into content/ by hand (the review note says so).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from markdownify import markdownify

from cercle.importer.draft import Draft
from cercle.importer.guess import (
    QUESTIONS_LEAD,
    Guess,
    guess_date,
    guess_description,
    guess_kind,
    guess_speakers,
)

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


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if isinstance(tag, Tag) and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def _root(soup: BeautifulSoup) -> Tag:
    for selector in ("article", "main", "[role=main]", ".entry-content", "body"):
        found = soup.select_one(selector)
        if isinstance(found, Tag):
            return found
    return soup


def _questions(root: Tag) -> list[str]:
    for listing in root.find_all(["ul", "ol"]):
        lead = listing.find_previous(["p", "h2", "h3", "h4", "div"])
        if lead is not None and QUESTIONS_LEAD.search(lead.get_text(" ", strip=True)):
            return [li.get_text(" ", strip=True) for li in listing.find_all("li") if li.get_text(strip=True)]
    return []


def from_html(
    html: str,
    source: str,
    known: dict[str, str],
    year: int | None = None,
    *,
    title: str | None = None,
    date: Guess | None = None,
) -> Draft:
    """A Draft from an HTML page or fragment; `title`/`date` override what the page says."""
    soup = BeautifulSoup(html, "html.parser")
    root = _root(soup)
    heading = root.find("h1") or soup.find("h1")
    page_title = title or (
        (heading.get_text(" ", strip=True) if heading else None)
        or _meta(soup, "og:title")
        or (soup.title.get_text(strip=True) if soup.title else None)
    )
    for tag in root.find_all(DROP):
        tag.decompose()
    if heading is not None and heading.parent is not None and not title:
        heading.decompose()
    published = _meta(soup, "article:published_time", "date")
    time_tag = root.find("time", attrs={"datetime": True}) or soup.find("time", attrs={"datetime": True})
    text = root.get_text("\n", strip=True)
    if date is None:
        stamp = published or (str(time_tag["datetime"]) if isinstance(time_tag, Tag) else None)
        date = guess_date(stamp[:10], year) if stamp else None
        date = date or guess_date(text, year)
    body = markdownify(str(root), heading_style="ATX", bullets="-", strip=["img"])
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    paragraphs = [p.get_text(" ", strip=True) for p in root.find_all("p")]
    return Draft(
        source=source,
        kind=guess_kind(f"{page_title or ''}\n{text}"),
        body=body,
        title=Guess(page_title, "@page_title") if page_title else None,
        date=date,
        speakers=guess_speakers(text, known),
        questions=_questions(root),
        description=guess_description([_meta(soup, "description", "og:description") or "", *paragraphs]),
    )
