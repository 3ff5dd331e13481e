"""A recap's Markdown body and what its page says (title, date) → a Draft: one path for text and HTML."""

from __future__ import annotations

import datetime as dt
import re

from cercle.importer.dates import guess_date
from cercle.importer.draft import Draft
from cercle.importer.guess import Guess, guess_description, guess_kind, unmark
from cercle.importer.people import guess_speakers
from cercle.importer.quotes import guess_quotes


def paragraphs_of(markdown: str) -> list[str]:
    """Blocks separated by blank lines; a line of plain text is a paragraph of its own."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", markdown) if b.strip()]
    result: list[str] = []
    for block in blocks:
        lines = block.splitlines()
        if all(not line.lstrip().startswith(("-", "*", "#", ">")) for line in lines) and len(lines) > 1:
            joined = " ".join(line.strip() for line in lines)
            # Hard-wrapped Markdown is one paragraph; one-paragraph-a-line text is several.
            if all(len(line) < 90 for line in lines[:-1]) and not any(
                line.endswith((".", ":")) for line in lines[:-1]
            ):
                result.append(joined)
                continue
            result.extend(lines)
        else:
            result.append(block)
    return result


def analyze(
    source: str,
    body: str,
    *,
    title: Guess[str] | None,
    known: dict[str, str],
    page_date: dt.date | None = None,
    year: int | None = None,
    fallback_date: dt.date | None = None,
    questions: list[str] | None = None,
    description: str | None = None,
) -> Draft:
    """Every guess for one recap whose body (Markdown, without its title and date line) is `body`."""
    paragraphs = paragraphs_of(body)
    text = "\n".join(
        "\n".join(unmark(line) for line in p.splitlines())
        if any(line.lstrip().startswith(("-", "*")) for line in p.splitlines())
        else unmark(p)
        for p in paragraphs
    )
    heading = title.value if title else ""
    speakers = guess_speakers(text, known)
    if description and title and unmark(description).casefold() == heading.casefold():
        description = None  # a page whose summary is its title: take the lede instead
    kind = guess_kind(heading, text)
    date = guess_date(f"{heading}\n\n{body}", page_date, year, fallback_date)  # "Meetup du 13 juin 2018"
    if date and date.source == "@file_date" and kind.value == "guide":
        date = None  # when a file was copied says nothing of a guide
    return Draft(
        source=source,
        kind=kind.value,
        kind_source=kind.source,
        body=body,
        title=title,
        date=date,
        speakers=speakers,
        questions=questions or [],
        quotes=guess_quotes(paragraphs, speakers),
        description=description or guess_description(paragraphs, heading),
    )
